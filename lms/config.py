"""Reading the environment, and failing in one line when it is wrong.

Settings modules call these helpers; nothing else in the code knows which database, broker or
storage is in use. A bad value ends the process with a single line naming the variable, because a
Django traceback buries the one fact the operator needs.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path
from urllib.parse import urlsplit


class ConfigError(SystemExit):
    """A configuration problem the operator must fix.

    It is a SystemExit so that, wherever it is raised (manage.py, gunicorn, a Celery worker),
    Python prints its one-line message and exits without a traceback.
    """

    def __init__(self, message: str):
        super().__init__(f"Configuration error: {message}")
        self.message = message


def env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or default


def env_bool(name: str, default: bool = False) -> bool:
    value = env(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = env(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, not {value!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    value = env(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def redact(url: str) -> str:
    """The URL without its password, safe to print."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return parts._replace(netloc=netloc).geturl()


DATABASE_SCHEMES = {"postgres", "postgresql", "pgsql", "sqlite"}


def database_from_env(var_dir: Path) -> dict:
    """DATABASE_URL as a Django DATABASES entry; SQLite in `var_dir` when it is not set."""
    import dj_database_url

    url = env("DATABASE_URL")
    if url is None:
        path = var_dir / "db.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path)}
    scheme = urlsplit(url).scheme
    if scheme not in DATABASE_SCHEMES:
        raise ConfigError(
            f"DATABASE_URL is malformed: scheme {scheme or '(none)'!r} is not one of "
            f"postgres://, postgresql:// or sqlite:// ({redact(url)})"
        )
    try:
        config = dj_database_url.parse(url, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60))
    except Exception as exc:  # the parser raises several types for bad input
        raise ConfigError(f"DATABASE_URL is malformed: {exc} ({redact(url)})") from None
    if scheme != "sqlite" and not (config.get("HOST") and config.get("NAME")):
        raise ConfigError(
            f"DATABASE_URL is malformed: it needs a host and a database name ({redact(url)})"
        )
    if scheme != "sqlite":
        config.setdefault("OPTIONS", {})["connect_timeout"] = env_int("DATABASE_CONNECT_TIMEOUT", 5)
        config["CONN_HEALTH_CHECKS"] = True
    return config


BROKER_SCHEMES = {"redis", "rediss", "amqp", "amqps", "pyamqp"}
REDIS_SCHEMES = {"redis", "rediss"}
DEFAULT_PORTS = {"redis": 6379, "rediss": 6379, "amqp": 5672, "amqps": 5671, "pyamqp": 5672}


def _checked_url(name: str, url: str, schemes: set[str], expected: str) -> str:
    """`url` when it has one of `schemes`, a host and a numeric port; else a ConfigError."""
    parts = urlsplit(url)
    if parts.scheme not in schemes:
        raise ConfigError(
            f"{name} is malformed: scheme {parts.scheme or '(none)'!r} is not {expected} ({redact(url)})"
        )
    try:
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise ConfigError(
            f"{name} is malformed: the port is not a number ({redact(url)})"
        ) from None
    if not parts.hostname:
        raise ConfigError(f"{name} is malformed: it has no host ({redact(url)})")
    return url


def broker_from_env() -> tuple[str | None, str | None]:
    """(variable name, URL) of the Celery broker, or (None, None) for in-process tasks."""
    for name in ("CELERY_BROKER_URL", "REDIS_URL"):
        url = env(name)
        if url is not None:
            return name, _checked_url(name, url, BROKER_SCHEMES, "redis:// or amqp://")
    return None, None


def redis_url_from_env() -> str | None:
    """REDIS_URL, validated; used for the cache (and the broker when CELERY_BROKER_URL is unset)."""
    url = env("REDIS_URL")
    return None if url is None else _checked_url("REDIS_URL", url, REDIS_SCHEMES, "redis://")


def tcp_unreachable_reason(url: str, timeout: float = 3.0) -> str | None:
    """None when a TCP connection to the URL's host opens, else the reason it did not."""
    parts = urlsplit(url)
    port = parts.port or DEFAULT_PORTS.get(parts.scheme, 6379)
    try:
        with socket.create_connection((parts.hostname, port), timeout=timeout):
            return None
    except OSError as exc:
        return exc.strerror or str(exc)


def preflight() -> None:
    """Check that the configured database and broker answer; exit in one line when not.

    Runs before management commands that use them, so an unreachable server is reported as a
    configuration fault instead of a traceback deep inside the first query.
    """
    from django.conf import settings
    from django.db import connections

    db_url = env("DATABASE_URL")
    if db_url is not None and urlsplit(db_url).scheme != "sqlite":
        try:
            connections["default"].ensure_connection()
        except Exception as exc:
            reason = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
            raise ConfigError(
                f"DATABASE_URL: cannot connect to {redact(db_url)} ({reason})"
            ) from None
    name, url = broker_from_env()
    if url is not None and not settings.CELERY_TASK_ALWAYS_EAGER:
        reason = tcp_unreachable_reason(url)
        if reason:
            raise ConfigError(f"{name}: cannot connect to {redact(url)} ({reason})")
    redis_url = env("REDIS_URL")
    if redis_url is not None and redis_url != url:
        reason = tcp_unreachable_reason(redis_url)
        if reason:
            raise ConfigError(f"REDIS_URL: cannot connect to {redact(redis_url)} ({reason})")
