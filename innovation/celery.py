"""Celery application, configured from Django settings (the ``CELERY_`` namespace)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "innovation.settings.dev")

app = Celery("innovation")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
