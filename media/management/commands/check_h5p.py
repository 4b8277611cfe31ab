"""`manage.py check_h5p FILE`: validate an .h5p package without extracting or saving anything."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext_noop

from media.h5p.validation import H5PRejected, Message, validate_h5p


def both(msgid: str, **params) -> str:
    return Message(msgid, **params).bilingual()


class Command(BaseCommand):
    help = (
        "Check an H5P package (.h5p) by every upload rule, reading only its zip directory and "
        "JSON files. Prints the package summary, or every problem; exits with 1 when refused."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help=".h5p package")

    def handle(self, *args, file: Path, **options):
        if not file.exists():
            raise CommandError(both(gettext_noop("File not found: %(path)s"), path=file))
        if not file.is_file():
            raise CommandError(both(gettext_noop("Not a file: %(path)s"), path=file))
        try:
            package = validate_h5p(file)
        except H5PRejected as refused:
            for problem in refused.problems:
                self.stdout.write(f"{problem.file}: {problem.message.bilingual()} [{problem.rule}]")
            raise CommandError(
                both(
                    gettext_noop("%(name)s was refused: %(count)s problem(s)."),
                    name=file.name,
                    count=len(refused.problems),
                ),
                returncode=1,
            ) from None
        main = package.main
        self.stdout.write(
            both(
                gettext_noop(
                    "%(name)s is a valid H5P package: “%(title)s” (language %(language)s), main library %(main)s %(version)s."
                ),
                name=file.name,
                title=package.title,
                language=package.language,
                main=main.machine_name,
                version=main.version,
            )
        )
        self.stdout.write(
            both(
                gettext_noop(
                    "%(files)s files, %(size)s KB unpacked; %(libraries)s libraries, %(content)s content files, %(ignored)s ignored."
                ),
                files=package.file_count,
                size=round(package.total_size / 1024),
                libraries=len(package.libraries),
                content=len(package.content_files),
                ignored=len(package.ignored),
            )
        )
        for library in package.libraries:
            self.stdout.write(f"  {library.folder}  {library.version}  {library.title}")
        for name in package.ignored:
            self.stdout.write(both(gettext_noop("  ignored: %(name)s"), name=name))
