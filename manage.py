#!/usr/bin/env python
"""Django's command-line utility, with a one-line report when the configuration is wrong."""

import os
import sys

# Commands that never touch the database or the broker, so they run even when those are down.
OFFLINE_COMMANDS = {
    "help",
    "version",
    "--help",
    "--version",
    "-h",
    "check",
    "makemigrations",
    "makemessages",
    "compilemessages",
    "collectstatic",
    "startapp",
    "diffsettings",
    "findstatic",
}


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")
    import django
    from django.core.management import execute_from_command_line

    command = sys.argv[1] if len(sys.argv) > 1 else "help"
    if command not in OFFLINE_COMMANDS:
        django.setup()
        from lms.config import preflight

        preflight()
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
