"""Production settings refuse to start without their secrets and pass Django's deploy check."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "innovation.settings.production",
    "SECRET_KEY": "x" * 64 + "production-secret-for-the-check-only-9f8e7d6c5b4a",
    "ALLOWED_HOSTS": "ideas.example.org",
    "DATABASE_URL": os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/greenlight"),
    "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/1"),
}


def _manage(*args, env):
    dropped = {*PRODUCTION_ENV, "DJANGO_DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {key: value for key, value in os.environ.items() if key not in dropped}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_passes_with_no_warnings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr


def test_refuses_to_start_without_each_secret():
    for name in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL"):
        env = {key: value for key, value in PRODUCTION_ENV.items() if key != name}
        result = _manage("check", env=env)
        assert result.returncode != 0
        assert f"Set the {name} environment variable" in result.stderr


def test_admin_requires_two_factor_in_production():
    result = _manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.GREENLIGHT_ADMIN_REQUIRES_MFA)",
        env=PRODUCTION_ENV,
    )
    assert result.stdout.strip().splitlines()[-1] == "True", result.stderr
