"""Limits on how often one person may write (ideas per hour, comments per minute), counted in
the shared cache (Redis in production) so every server process sees the same count."""

from django.core.cache import cache
from django.core.exceptions import ValidationError


class RateLimited(ValidationError):
    """Too many writes in the window; the message says when to try again."""


def rate_limit_hit(*, scope: str, person_id: int, limit: int, period: int, message: str) -> None:
    """Count one write by ``person_id`` in ``scope``; refuse it if the limit is already reached.

    A limit of 0 or less turns the check off."""
    if limit <= 0:
        return
    key = f"ratelimit:{scope}:{person_id}"
    cache.add(key, 0, timeout=period)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.add(key, 1, timeout=period)
        count = 1
    if count > limit:
        raise RateLimited(message, code="rate_limited")
