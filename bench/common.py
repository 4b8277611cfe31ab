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


def timed_samples(client, path: str, requests: int) -> list[float]:
    """Milliseconds for each of `requests` GETs of `path`, sorted, after five warm-up GETs
    that must answer 200."""
    import time

    for _ in range(5):
        assert client.get(path).status_code == 200, path
    samples = []
    for _ in range(requests):
        start = time.perf_counter()
        client.get(path)
        samples.append((time.perf_counter() - start) * 1000)
    return sorted(samples)


def count_queries(client, path: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return len(queries)
