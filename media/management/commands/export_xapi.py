"""`manage.py export_xapi (--course SLUG | --class SLUG) -o FILE`: stored xAPI statements as JSON
lines (one statement per line), for a learning record store."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext_noop

from media import exports
from media.h5p.validation import Message


def both(msgid: str, **params) -> str:
    return Message(msgid, **params).bilingual()


class Command(BaseCommand):
    help = (
        "Export the xAPI statements of a course or of a training class as JSON lines, one "
        "complete xAPI 1.0.3 statement per line. Use -o - to write to standard output."
    )

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--course", dest="course_slug", help="the course's slug")
        which.add_argument("--class", dest="class_slug", help="the training class's slug")
        parser.add_argument("-o", "--output", required=True, help="file to write (- for stdout)")

    def handle(self, *args, course_slug=None, class_slug=None, output: str, **options):
        statements = self._statements(course_slug, class_slug)
        if output == "-":
            exports.write_jsonl(statements, sys.stdout)
            return
        path = Path(output)
        if not path.parent.is_dir():
            raise CommandError(both(gettext_noop("No such folder: %(path)s"), path=path.parent))
        with path.open("w", encoding="utf-8") as handle:
            count = exports.write_jsonl(statements, handle)
        self.stdout.write(
            both(gettext_noop("%(count)s statements written to %(path)s."), count=count, path=path)
        )

    def _statements(self, course_slug, class_slug):
        from courses.models import CoursePage
        from people.models import TrainingClass

        if course_slug:
            course = CoursePage.objects.filter(slug=course_slug).first()
            if course is None:
                raise CommandError(
                    both(gettext_noop("No course with slug %(slug)s."), slug=course_slug)
                )
            return exports.statements_of_course(course)
        training_class = TrainingClass.objects.filter(slug=class_slug).first()
        if training_class is None:
            raise CommandError(
                both(gettext_noop("No training class with slug %(slug)s."), slug=class_slug)
            )
        return exports.statements_of_class(training_class)
