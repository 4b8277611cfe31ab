"""Production: refuses to start without a real secret key, a database, a broker and hosts."""

from lms.config import ConfigError, env, env_bool, env_int

from .base import *  # noqa: F403

DEBUG = False

_missing = []
_key = env("SECRET_KEY") or ""
if len(_key) < 50 or len(set(_key)) < 5 or "insecure" in _key:
    _missing.append("SECRET_KEY (at least 50 random characters)")
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
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Wagtail's editor shows page previews in a frame of the same site, so SAMEORIGIN, not DENY.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = [
    "security.W019",  # X_FRAME_OPTIONS: SAMEORIGIN on purpose, see above
    # A government domain often has plain-HTTP subdomains we do not control: HSTS for
    # subdomains and preloading are the operator's decision (the two variables above).
    "security.W005",
    "security.W021",
]
