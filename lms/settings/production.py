"""Production: refuses to start without a real secret key, a database, a broker, hosts, the
public address printed in certificates' QR codes and the certificates' signing key."""

from pathlib import Path
from urllib.parse import urlsplit

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


def _certificate_base_url_problem() -> str | None:
    """The QR code of every certificate holds this address, frozen at issue: without it they
    would all point at the development default."""
    name = "CERTIFICATE_BASE_URL" if env("CERTIFICATE_BASE_URL") else "WAGTAILADMIN_BASE_URL"
    url = env(name)
    if url is None:
        return "CERTIFICATE_BASE_URL (or WAGTAILADMIN_BASE_URL: the public https:// address)"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"{name} (an address such as https://lms.example.vn, not {url!r})"
    return None


def _signing_key_problem() -> str | None:
    """Every machine must sign credentials with one key: a key file made on first use would
    differ from machine to machine."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    pem, name = env("CERTIFICATE_SIGNING_KEY"), "CERTIFICATE_SIGNING_KEY"
    if pem is None and env("CERTIFICATE_SIGNING_KEY_FILE"):
        path, name = Path(env("CERTIFICATE_SIGNING_KEY_FILE")), "CERTIFICATE_SIGNING_KEY_FILE"
        pem = path.read_text() if path.is_file() else None
    if pem is None:
        return "CERTIFICATE_SIGNING_KEY (an Ed25519 private key in PEM, the same on every machine)"
    try:
        key = serialization.load_pem_private_key(pem.encode(), password=None)
    except (ValueError, TypeError):
        key = None
    if not isinstance(key, Ed25519PrivateKey):
        return f"{name} (not an unencrypted Ed25519 private key in PEM)"
    return None


_missing += [p for p in (_certificate_base_url_problem(), _signing_key_problem()) if p]
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
