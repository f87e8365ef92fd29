"""Tests: real PostgreSQL and Redis, fast hashing, email kept in memory."""

from .base import *  # noqa: F403
from .base import env, redis_cache

DEBUG = False
SECRET_KEY = "test-only-not-secret-greenlight-key-0123456789abcdefghijkl"
DATABASES = {"default": env.db("DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/greenlight")}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Worker processes started by tests may be pointed at a file or SMTP backend of the test's own.
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.locmem.EmailBackend")
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", default=None)
EMAIL_HOST = env("EMAIL_HOST", default="127.0.0.1")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_USE_TLS = False
EMAIL_TIMEOUT = 30
REDIS_URL = env("REDIS_URL", default="redis://127.0.0.1:6379/1")
CACHES = redis_cache(REDIS_URL, key_prefix="greenlight-test")
# A test worker process (tests/celery_worker.py) turns this off to consume what beat sends.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_TASK_DEFAULT_QUEUE", default="celery")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "exports": STORAGES["exports"],
}
WHITENOISE_AUTOREFRESH = True
# Suites that do not test the terms run without the acceptance check (their people are made
# by factories); tests/accounts/test_terms.py turns it on.
GREENLIGHT_TERMS_VERSION = ""
