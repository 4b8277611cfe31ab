"""`manage.py import_h5p FILE [--title TEXT]`: import one .h5p package as the admin upload does."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext_noop

from media.h5p.validation import H5PRejected, Message
from media.models import H5PContent
from media.services import h5p_package_extract, h5p_package_import


def say(msgid: str, **params) -> str:
    return str(Message(msgid, **params))


class Command(BaseCommand):
    help = (
        "Import an H5P package (.h5p): validate it, store it and extract its libraries and "
        "content. Prints the new content's id, title and libraries; exits with 1 when refused."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help=".h5p package")
        parser.add_argument("--title", default=None, help="title (default: the package's own)")

    def handle(self, *args, file: Path, title: str | None, **options):
        if not file.is_file():
            raise CommandError(say(gettext_noop("File not found: %(path)s"), path=file))
        try:
            # An operator at the command line may install and upgrade libraries.
            content = h5p_package_import(
                file=file, title=title, install_libraries=True, queue=False
            )
        except H5PRejected as refused:
            raise CommandError(
                say(
                    gettext_noop("%(name)s was refused: %(reason)s"),
                    name=file.name,
                    reason=str(refused),
                ),
                returncode=1,
            ) from None
        content = h5p_package_extract(content_id=content.pk, install_libraries=True)
        if content.status == H5PContent.Status.FAILED:
            raise CommandError(content.error.splitlines()[0], returncode=1)
        libraries = ", ".join(sorted(lib.folder for lib in content.libraries.all()))
        line = gettext_noop("H5P content #%(id)s “%(title)s” imported; libraries: %(libraries)s")
        self.stdout.write(say(line, id=content.pk, title=content.title, libraries=libraries))
