"""`manage.py import_questions FILE --bank NAME [--dry-run]`: GIFT (.gift, .txt) or our .xlsx."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext_noop

from assessments import imports
from assessments.imports import QuestionFileError
from people.imports import Message


def both(msgid: str, **params) -> str:
    return Message(msgid, **params).bilingual()


def problem_line(problem: imports.Problem, row: bool) -> str:
    """`Dòng 5: <lý do> (Line 5: <reason>)`."""
    vi, en = (imports.problem_line(problem, row=row, language=code) for code in ("vi", "en"))
    return vi if vi == en else f"{vi} ({en})"


class Command(BaseCommand):
    help = (
        "Import questions into a bank from a GIFT file (Moodle) or an .xlsx file in our template. "
        "Nothing is saved unless every question is valid; questions already in the bank (same "
        "category and title) are updated, not duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help=".gift, .txt (GIFT) or .xlsx file")
        parser.add_argument("--bank", required=True, help="question bank name (created if new)")
        parser.add_argument("--dry-run", action="store_true", help="check and report, save nothing")

    def handle(self, *args, file: Path, bank: str, dry_run: bool, **options):
        try:
            with open(file, "rb") as handle:
                parsed = imports.read_file(handle, file.name)
            result = imports.plan(parsed, bank)
        except FileNotFoundError:
            raise CommandError(both(gettext_noop("File not found: %(path)s"), path=file)) from None
        except IsADirectoryError:
            raise CommandError(both(gettext_noop("Not a file: %(path)s"), path=file)) from None
        except QuestionFileError as refused:
            raise CommandError(f"{file.name}: {refused.message.bilingual()}") from None
        rows = file.suffix.lower() == ".xlsx"
        for problem in result.problems:
            self.stdout.write(problem_line(problem, rows))
        counts = result.counts()
        if result.problems:
            raise CommandError(
                both(
                    gettext_noop("%(errors)s error(s) in %(file)s, nothing was saved."),
                    errors=counts["errors"],
                    file=file.name,
                )
            )
        if dry_run:
            self.stdout.write(
                both(
                    gettext_noop(
                        "Dry run, nothing saved: would create %(create)s, update %(update)s, leave %(unchanged)s unchanged in the bank “%(bank)s”."
                    ),
                    bank=result.bank_name,
                    **counts,
                )
            )
            return
        try:
            outcome = imports.apply(result)
        except QuestionFileError as refused:
            raise CommandError(f"{file.name}: {refused.message.bilingual()}") from None
        self.stdout.write(
            both(
                gettext_noop(
                    "Imported into the bank “%(bank)s”: %(created)s created, %(updated)s updated, %(unchanged)s unchanged."
                ),
                bank=result.bank_name,
                created=outcome.created,
                updated=outcome.updated,
                unchanged=outcome.unchanged,
            )
        )
