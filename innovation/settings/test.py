"""Tests: real PostgreSQL and Redis, fast hashing, email kept in memory."""

from .base import *  # noqa: F403
from .base import env, redis_cache

DEBUG = False
SECRET_KEY = "test-only-not-secret-greenlight-key-0123456789abcdefghijkl"
DATABASES = {"default": env.db("DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/greenlight")}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
REDIS_URL = env("REDIS_URL", default="redis://127.0.0.1:6379/1")
CACHES = redis_cache(REDIS_URL, key_prefix="greenlight-test")
# A test worker process (tests/celery_worker.py) turns this off to consume what beat sends.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "exports": STORAGES["exports"],
}
WHITENOISE_AUTOREFRESH = True
# Suites that do not test the terms run without the acceptance check (their people are made
# by factories); tests/accounts/test_terms.py turns it on.
GREENLIGHT_TERMS_VERSION = ""
