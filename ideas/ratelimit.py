"""Limits on how often one person may write (ideas per hour, comments per minute), counted by
the site's one atomic counter (:mod:`accounts.ratelimits`) in the shared cache, so every
server process sees the same count."""

from accounts.ratelimits import limit_reached
from innovation.errors import RateLimited

__all__ = ["RateLimited", "rate_limit_hit"]


def rate_limit_hit(*, scope: str, person_id: int, limit: int, period: int, message: str) -> None:
    """Count one write by ``person_id`` in ``scope``; refuse it if the limit is already reached.

    A limit of 0 or less turns the check off."""
    if limit <= 0:
        return
    if limit_reached(f"{scope}:{person_id}", limit=limit, period=period):
        raise RateLimited(message, code="rate_limited")
