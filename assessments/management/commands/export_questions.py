"""`manage.py export_questions --bank NAME --format gift|xlsx -o FILE`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext_noop

from assessments import gift, question_xlsx
from assessments.models import Question, QuestionBank
from people.imports import Message


def both(msgid: str, **params) -> str:
    return Message(msgid, **params).bilingual()


class Command(BaseCommand):
    help = "Export a question bank to GIFT (Moodle) or to our .xlsx template."

    def add_arguments(self, parser):
        parser.add_argument("--bank", required=True, help="question bank name")
        parser.add_argument("--format", required=True, choices=["gift", "xlsx"])
        parser.add_argument("-o", "--output", required=True, type=Path, help="file to write")

    def handle(self, *args, bank: str, format: str, output: Path, **options):
        found = QuestionBank.objects.filter(name=bank.strip()).first()
        if found is None:
            raise CommandError(both(gettext_noop("No question bank named “%(name)s”."), name=bank))
        data = gift.write(found).encode("utf-8") if format == "gift" else question_xlsx.write(found)
        try:
            output.write_bytes(data)
        except OSError as error:
            raise CommandError(
                both(
                    gettext_noop("Cannot write %(path)s: %(reason)s"),
                    path=output,
                    reason=error.strerror,
                )
            ) from None
        self.stdout.write(
            both(
                gettext_noop("Exported %(count)s questions to %(path)s."),
                count=Question.objects.filter(bank=found).count(),
                path=output,
            )
        )
