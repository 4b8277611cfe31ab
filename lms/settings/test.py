"""The test suite: PostgreSQL and Redis when DATABASE_URL / REDIS_URL are set, SQLite otherwise."""

import os
import re

# Under pytest-xdist each worker process gets its own Redis database (the cache is cleared by
# every test, which would wipe the other worker's keys) and its own media folder. The database
# gets its own name from pytest-django (test_lms_gw0, ...).
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if _WORKER.startswith("gw"):
    for _name in ("REDIS_URL", "CELERY_BROKER_URL"):
        if os.environ.get(_name, "").startswith("redis"):
            _index = 10 + int(_WORKER[2:])
            os.environ[_name] = re.sub(r"(/\d+)?$", f"/{_index}", os.environ[_name], count=1)

from .base import *  # noqa: E402, F403

DEBUG = False
# Fast hashing: the suite creates many users and never needs strong hashes.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests run tasks eagerly; the Celery tests start real workers and send to the broker themselves.
CELERY_TASK_ALWAYS_EAGER = True
MEDIA_ROOT = VAR_DIR / f"test-media{('-' + _WORKER) if _WORKER else ''}"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
if REDIS_URL:  # noqa: F405
    # A key prefix of its own, so tests never read or clear the cache of a site on this server.
    CACHES["default"]["KEY_PREFIX"] = "lms-test"  # noqa: F405
# Workers started by the tests sweep for messages of dead workers every second, so the
# worker-loss test sees a redelivery within seconds (it also sets CELERY_VISIBILITY_TIMEOUT).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    **CELERY_BROKER_TRANSPORT_OPTIONS,  # noqa: F405
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
}

# Serve static files straight from the app and npm folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
