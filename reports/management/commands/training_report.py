"""training_report --from YYYY-MM-DD --to YYYY-MM-DD [--province CODE] [--commune CODE]
[--cutoff YYYY-MM-DD] [--suppress] [--tables NAME,...] --format xlsx|docx|json -o FILE

The figures of `reports.figures.compute` for a period and a jurisdiction, written as a file.
Run by the operator on the server, so any jurisdiction (national by default) may be asked for.
--tables (JSON only) limits the answer to some tables, e.g. `--tables province_audience` for the
national report by province x audience, which PostgreSQL answers from the summary tables.
Bad input ends with a one-line Vietnamese reason and a non-zero exit, and writes no file.
"""

from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

FORMATS = ("xlsx", "docx", "json")


def _date(value: str | None, label: str, required: bool = True) -> date | None:
    if not value:
        if required:
            raise CommandError(_("Give %(option)s (YYYY-MM-DD).") % {"option": label})
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise CommandError(
            _("%(option)s is not a valid date (use YYYY-MM-DD): %(value)s")
            % {"option": label, "value": value[:20]}
        ) from None


class Command(BaseCommand):
    help = "Write the training report of a period and jurisdiction as XLSX, DOCX or JSON."

    def add_arguments(self, parser):
        # Checked in handle(), not by argparse, so that every refusal is one Vietnamese line.
        parser.add_argument("--from", dest="start", help="first day, YYYY-MM-DD")
        parser.add_argument("--to", dest="end", help="last day, YYYY-MM-DD")
        parser.add_argument("--cutoff", help="actual data up to this day, YYYY-MM-DD")
        parser.add_argument("--province", help="current province code (e.g. 20)")
        parser.add_argument("--commune", help="current commune code (e.g. 05977)")
        parser.add_argument("--format", dest="fmt", help="xlsx, docx or json")
        parser.add_argument("-o", "--output", help="file to write")
        parser.add_argument(
            "--suppress",
            action="store_true",
            help="for publishing: hide cells of fewer than 5 people, and the cells that would "
            "let them be worked out",
        )
        parser.add_argument(
            "--tables",
            help="JSON only: the tables to compute, comma-separated (audience, province, commune, "
            "course, class, mode, sex, origin, province_audience, monthly); default all",
        )

    def handle(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):
            self._handle(**options)

    def _handle(
        self, start, end, cutoff, province, commune, fmt, output, suppress, tables=None, **_options
    ):
        from reports.access import _current
        from reports.exports import EXPORTERS
        from reports.figures import ReportInputError, ReportQuery, compute
        from reports.privacy import suppress_small

        start_day = _date(start, "--from")
        end_day = _date(end, "--to")
        cutoff_day = _date(cutoff, "--cutoff", required=False)
        if (fmt or "").lower() not in FORMATS:
            raise CommandError(
                _("Unknown format %(value)s: use xlsx, docx or json.") % {"value": fmt or "''"}
            )
        if not output:
            raise CommandError(_("Give the file to write with -o FILE."))
        names = ReportQuery.table_names(tables)
        if names and fmt.lower() != "json":
            raise CommandError(_("--tables goes with --format json only."))
        query = ReportQuery(start=start_day, end=end_day, cutoff=cutoff_day)
        try:
            query.validate()
            province_unit = _current("province", province) if province else None
            commune_unit = _current("commune", commune) if commune else None
            if province_unit and commune_unit and commune_unit.current_province() != province_unit:
                raise ValueError(
                    _("The commune %(commune)s is not in %(province)s.")
                    % {"commune": commune_unit.name, "province": province_unit.name}
                )
            query = ReportQuery(
                start=start_day,
                end=end_day,
                cutoff=cutoff_day,
                province_code=province_unit.code if province_unit else None,
                commune_code=commune_unit.code if commune_unit else None,
                tables=names,
            )
            report = compute(query)
        except (ReportInputError, ValueError) as error:
            raise CommandError(str(error)) from None
        if suppress:
            report = suppress_small(report)
        content = EXPORTERS[fmt.lower()](report)
        try:
            with open(output, "wb") as handle:
                handle.write(content)
        except OSError as error:
            raise CommandError(
                _("Cannot write %(file)s: %(reason)s") % {"file": output, "reason": error.strerror}
            ) from None
        totals = report["totals"]
        self.stdout.write(
            _(
                "%(file)s: %(classes)s classes, %(attendances)s attendances, %(people)s people trained."
            )
            % {
                "file": output,
                "classes": totals["classes"],
                "attendances": totals["attendances"],
                "people": totals["people_trained"],
            }
        )
