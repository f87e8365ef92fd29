"""The configured search backend: ``GREENLIGHT_SEARCH["BACKEND"]`` names its class.

Everything that searches calls :func:`get_backend`; nothing asks which backend it got.
"""

from functools import cache

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.module_loading import import_string

from .base import SearchBackend, SearchFilters, SearchResults

__all__ = ["SearchBackend", "SearchFilters", "SearchResults", "get_backend"]


@cache
def get_backend() -> SearchBackend:
    config = dict(settings.GREENLIGHT_SEARCH)
    backend_class = import_string(config.pop("BACKEND"))
    return backend_class(config)


@receiver(setting_changed)
def _forget_backend(*, setting, **kwargs):
    if setting == "GREENLIGHT_SEARCH":
        get_backend.cache_clear()
