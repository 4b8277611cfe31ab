"""What the benchmarks share: Django on a throwaway database of their own."""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def setup_django() -> None:
    """Django with test settings, migrated; a fresh SQLite file unless DATABASE_URL is set (then
    it must name an empty database made for benchmarking)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")
    if "DATABASE_URL" not in os.environ:
        os.environ["LMS_VAR_DIR"] = tempfile.mkdtemp(prefix="lms-bench-")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
