"""The test suite: PostgreSQL and Redis when DATABASE_URL / REDIS_URL are set, SQLite otherwise."""

from .base import *  # noqa: F403

DEBUG = False
# Fast hashing: the suite creates many users and never needs strong hashes.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests run tasks eagerly; the Celery tests start real workers and send to the broker themselves.
CELERY_TASK_ALWAYS_EAGER = True
MEDIA_ROOT = VAR_DIR / "test-media"  # noqa: F405
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
