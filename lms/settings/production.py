"""Production: refuses to start without a real secret key, a database, a broker and hosts."""

from lms.config import ConfigError, env, env_bool, env_int

from .base import *  # noqa: F403

DEBUG = False

_missing = []
if env("SECRET_KEY") is None or len(env("SECRET_KEY")) < 32 or "insecure" in env("SECRET_KEY"):
    _missing.append("SECRET_KEY (at least 32 random characters)")
if env("DATABASE_URL") is None or DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    _missing.append("DATABASE_URL (postgres://...)")
if CELERY_BROKER_URL is None:  # noqa: F405
    _missing.append("CELERY_BROKER_URL or REDIS_URL")
if env("ALLOWED_HOSTS") is None:
    _missing.append("ALLOWED_HOSTS")
if _missing:
    raise ConfigError("production settings need " + ", ".join(_missing))

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 30)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
