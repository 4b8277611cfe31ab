"""`manage.py import_people FILE [--class SLUG] [--dry-run] [--valid-rows-only]`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext_noop

from people import imports
from people.imports import ImportFileError, Message
from people.models import ImportJob, TrainingClass


def both(msgid: str, **params) -> str:
    return Message(msgid, **params).bilingual()


def rejected_line(error: imports.RowError) -> str:
    """`Dòng 5: <lý do> (Line 5: <reason>)`."""
    vi, en = (
        Message(
            gettext_noop("Line %(line)s: %(reason)s"),
            line=error.line,
            reason=error.message.in_language(code),
        ).in_language(code)
        for code in ("vi", "en")
    )
    return vi if vi == en else f"{vi} ({en})"


class Command(BaseCommand):
    help = (
        "Import people from an .xlsx or .csv file with Vietnamese headers (see the template in "
        "the admin). Nothing is saved unless every row is valid, or --valid-rows-only is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help=".xlsx or .csv file")
        parser.add_argument("--class", dest="class_slug", help="add everyone to this class")
        parser.add_argument("--dry-run", action="store_true", help="check and report, save nothing")
        parser.add_argument(
            "--valid-rows-only", action="store_true", help="import the valid rows, skip the others"
        )

    def handle(self, *args, file: Path, class_slug, dry_run, valid_rows_only, **options):
        training_class = self.training_class(class_slug)
        try:
            with open(file, "rb") as handle:
                validation = imports.validate(handle, file.name)
        except FileNotFoundError:
            raise CommandError(both(gettext_noop("File not found: %(path)s"), path=file)) from None
        except IsADirectoryError:
            raise CommandError(both(gettext_noop("Not a file: %(path)s"), path=file)) from None
        except ImportFileError as refused:
            raise CommandError(f"{file.name}: {refused.message.bilingual()}") from None
        for error in validation.errors:
            self.stdout.write(rejected_line(error))
        summary = validation.summary()
        if validation.errors and not valid_rows_only:
            raise CommandError(
                both(
                    gettext_noop(
                        "%(rejected)s of %(total)s rows are invalid, nothing was saved: fix them, or use --valid-rows-only."
                    ),
                    **summary,
                )
            )
        if dry_run:
            self.stdout.write(
                both(
                    gettext_noop(
                        "Dry run, nothing saved: would create %(create)s, update %(update)s, leave %(unchanged)s unchanged; %(rejected)s rows rejected."
                    ),
                    **summary,
                )
            )
            return
        try:
            outcome = imports.apply(
                validation, training_class=training_class, valid_rows_only=valid_rows_only
            )
        except ImportFileError as refused:
            raise CommandError(f"{file.name}: {refused.message.bilingual()}") from None
        job = ImportJob.objects.create(
            original_name=file.name[:200],
            training_class=training_class,
            valid_rows_only=valid_rows_only,
            status=ImportJob.Status.DONE,
            total_rows=validation.total,
            processed_rows=len(validation.rows),
            created_count=outcome.created,
            updated_count=outcome.updated,
            errors=[error.as_json() for error in validation.errors],
        )
        imports.record_import(actor=None, job=job, outcome=outcome)
        self.stdout.write(
            both(
                gettext_noop(
                    "Imported: %(created)s created, %(updated)s updated, %(unchanged)s unchanged, %(rejected)s rows rejected."
                ),
                created=outcome.created,
                updated=outcome.updated,
                unchanged=outcome.unchanged,
                rejected=outcome.rejected,
            )
        )
        if training_class is not None:
            self.stdout.write(
                both(
                    gettext_noop("%(joined)s people joined the class %(slug)s."),
                    joined=outcome.joined,
                    slug=training_class.slug,
                )
            )

    def training_class(self, slug: str | None) -> TrainingClass | None:
        if slug is None:
            return None
        found = TrainingClass.objects.filter(slug=slug).first()
        if found is None:
            raise CommandError(
                both(gettext_noop("No class with the short name %(slug)s."), slug=slug)
            )
        return found
