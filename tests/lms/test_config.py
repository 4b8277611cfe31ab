"""Configuration from the environment: the embedded default, and one-line failures."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from lms.config import ConfigError, broker_from_env, database_from_env

ROOT = Path(__file__).resolve().parents[2]
SERVICE_VARIABLES = (
    "DATABASE_URL",
    "REDIS_URL",
    "CELERY_BROKER_URL",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "WAGTAILADMIN_BASE_URL",
    "CERTIFICATE_BASE_URL",
    "CERTIFICATE_SIGNING_KEY",
    "CERTIFICATE_SIGNING_KEY_FILE",
    "TRUSTED_PROXY_COUNT",
    "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by the browser tests for their own process only
)


def run_manage(
    *args: str, settings: str = "lms.settings.dev", **env: str
) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in SERVICE_VARIABLES}
    clean.update(
        DJANGO_SETTINGS_MODULE=settings, LMS_VAR_DIR=str(ROOT / "var" / "test-config"), **env
    )
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def assert_one_line_naming(result: subprocess.CompletedProcess, variable: str) -> None:
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert variable in lines[0]
    assert "Traceback" not in result.stderr


def test_no_settings_means_sqlite_under_var(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = database_from_env(tmp_path / "var")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == str(tmp_path / "var" / "db.sqlite3")


def test_no_broker_means_tasks_run_in_process():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings as s; print(s.CELERY_TASK_ALWAYS_EAGER, s.EMAIL_BACKEND, s.MEDIA_ROOT)",
    )
    assert result.returncode == 0, result.stderr
    eager, email, media = result.stdout.strip().splitlines()[-1].split()
    assert eager == "True"
    assert email.endswith("console.EmailBackend")
    assert media.endswith("var/test-config/media")


def test_postgres_url_is_parsed(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "postgres://lms:secret@db.internal:5433/lms")
    config = database_from_env(tmp_path)
    assert (config["ENGINE"], config["HOST"], config["PORT"], config["NAME"]) == (
        "django.db.backends.postgresql",
        "db.internal",
        5433,
        "lms",
    )


@pytest.mark.parametrize(
    "url", ["mysql2://x@y/z", "not a url", "postgres://", "postgres://host:notaport/db"]
)
def test_malformed_database_url_is_refused(monkeypatch, tmp_path, url):
    monkeypatch.setenv("DATABASE_URL", url)
    with pytest.raises(ConfigError) as error:
        database_from_env(tmp_path)
    assert "DATABASE_URL" in error.value.message


def test_malformed_broker_url_is_refused(monkeypatch):
    monkeypatch.delenv("CELERY_BROKER_URL", raising=False)
    monkeypatch.setenv("REDIS_URL", "http://cache:6379")
    with pytest.raises(ConfigError) as error:
        broker_from_env()
    assert "REDIS_URL" in error.value.message


def test_password_never_printed(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "mysql://lms:hunter2@db/lms")
    with pytest.raises(ConfigError) as error:
        database_from_env(tmp_path)
    assert "hunter2" not in error.value.message


def test_malformed_database_url_stops_manage_py_in_one_line():
    assert_one_line_naming(run_manage("migrate", DATABASE_URL="postgres//oops"), "DATABASE_URL")


def test_unreachable_database_stops_manage_py_in_one_line():
    result = run_manage("migrate", DATABASE_URL="postgres://postgres@127.0.0.1:1/lms")
    assert_one_line_naming(result, "DATABASE_URL")
    assert "cannot connect" in result.stderr


def test_unreachable_redis_stops_manage_py_in_one_line():
    result = run_manage("migrate", REDIS_URL="redis://127.0.0.1:1/0")
    assert_one_line_naming(result, "REDIS_URL")
    assert "cannot connect" in result.stderr


def test_malformed_redis_url_stops_manage_py_in_one_line():
    assert_one_line_naming(run_manage("check", REDIS_URL="redis://:bad:port:/0"), "REDIS_URL")


def signing_key_pem() -> str:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return (
        Ed25519PrivateKey.generate()
        .private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        .decode()
    )


def production_env(**overrides) -> dict:
    """A complete production configuration, with `overrides` (None removes a variable)."""
    values = {
        "SECRET_KEY": "Q7v!x2#pLm9$zR4&tW8^" * 3,
        "DATABASE_URL": "postgres://u@127.0.0.1/x",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "ALLOWED_HOSTS": "lms.example.vn",
        "CERTIFICATE_BASE_URL": "https://lms.example.vn",
        "CERTIFICATE_SIGNING_KEY": signing_key_pem(),
        **overrides,
    }
    return {k: v for k, v in values.items() if v is not None}


def test_production_without_anything_names_every_missing_setting():
    result = run_manage("check", settings="lms.settings.production")
    assert_one_line_naming(result, "SECRET_KEY")
    for variable in (
        "DATABASE_URL",
        "REDIS_URL",
        "ALLOWED_HOSTS",
        "CERTIFICATE_BASE_URL",
        "CERTIFICATE_SIGNING_KEY",
    ):
        assert variable in result.stderr


def test_production_needs_the_address_printed_in_qr_codes_and_one_signing_key():
    # Without them every QR code would hold http://127.0.0.1:8000 for ever (it is frozen in
    # the certificate) and each machine would sign with a key of its own.
    result = run_manage(
        "check",
        settings="lms.settings.production",
        **production_env(CERTIFICATE_BASE_URL=None, CERTIFICATE_SIGNING_KEY=None),
    )
    assert_one_line_naming(result, "CERTIFICATE_BASE_URL")
    assert "CERTIFICATE_SIGNING_KEY" in result.stderr
    # The admin's address will do for the QR codes; a key that is no Ed25519 PEM will not.
    result = run_manage(
        "check",
        settings="lms.settings.production",
        **production_env(
            CERTIFICATE_BASE_URL=None,
            WAGTAILADMIN_BASE_URL="https://lms.example.vn",
            CERTIFICATE_SIGNING_KEY="-----BEGIN PRIVATE KEY-----\nkhông phải khoá\n",
        ),
    )
    assert_one_line_naming(result, "CERTIFICATE_SIGNING_KEY")
    assert "CERTIFICATE_BASE_URL" not in result.stderr
    result = run_manage(
        "check",
        settings="lms.settings.production",
        **production_env(CERTIFICATE_BASE_URL="lms.example.vn"),
    )
    assert_one_line_naming(result, "CERTIFICATE_BASE_URL")


def test_a_negative_proxy_count_is_refused_in_one_line():
    result = run_manage("check", TRUSTED_PROXY_COUNT="-1")
    assert_one_line_naming(result, "TRUSTED_PROXY_COUNT")


def test_production_refuses_the_development_key():
    result = run_manage(
        "check",
        settings="lms.settings.production",
        **production_env(SECRET_KEY="insecure-local-development-key-do-not-use-in-production"),
    )
    assert_one_line_naming(result, "SECRET_KEY")
    assert "DATABASE_URL" not in result.stderr


def test_production_starts_with_a_complete_configuration():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        settings="lms.settings.production",
        **production_env(),
    )
    assert result.returncode == 0, result.stderr
