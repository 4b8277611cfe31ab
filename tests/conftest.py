"""Suite-wide fixtures and the rules for skipping tests whose services are not configured."""

import os
import shutil

import pytest
from django.conf import settings

ON_POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
REDIS_URL = os.environ.get("REDIS_URL")
CHROMIUM = shutil.which("chromium") or (
    "/usr/lib/chromium/chromium" if os.path.exists("/usr/lib/chromium/chromium") else None
)


def pytest_collection_modifyitems(config, items):
    skips = {
        "postgres": (
            ON_POSTGRES,
            "needs PostgreSQL: set DATABASE_URL=postgres://... (make test in CI does)",
        ),
        "redis": (bool(REDIS_URL), "needs Redis: set REDIS_URL=redis://... (make test in CI does)"),
        "e2e": (bool(CHROMIUM), "needs Debian's chromium: `make test` installs it"),
    }
    for item in items:
        for marker, (available, reason) in skips.items():
            if marker in item.keywords and not available:
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database starts with the demo site, built once per run: most tests need it, and
    building its pages for every test would dominate the suite's time. Tests run in a
    transaction rolled back afterwards, so each sees it as built."""
    with django_db_blocker.unblock():
        from lms.demo.seed import seed_demo

        seed_demo()


@pytest.fixture
def demo(db):
    """The demo site as `seed_demo` builds it (already there, unless a live-server test flushed
    the database; seed_demo is idempotent and rebuilds what is missing)."""
    from lms.demo.seed import seed_demo

    seed_demo()
    from lms.models import HomePage

    return HomePage.objects.get()


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache, as the database starts empty (Wagtail caches site roots)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
