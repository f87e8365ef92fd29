"""Development: the embedded default (SQLite, eager Celery, console email)."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="dev-only-not-secret-greenlight-key-change-me-0123456789")
