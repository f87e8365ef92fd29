"""The API's throttles on the shared atomic counter (:mod:`accounts.ratelimits`).

DRF's own throttles keep a list of timestamps that each request reads, changes and writes
back, so parallel requests overwrite each other's hits and let more through than the limit.
These count with one atomic increment per request, key anonymous clients on the address
:func:`accounts.ratelimits.client_ip` finds (trusted proxies honoured, so a forged
``X-Forwarded-For`` is no fresh bucket), and read their rate from the settings when used.
"""

from rest_framework import throttling
from rest_framework.settings import api_settings

from . import ratelimits


class CountedRateThrottle(throttling.SimpleRateThrottle):
    """A throttle counted in one cache key per window; subclasses say what to key on."""

    retry_after: float | None = None

    def get_rate(self):
        self.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES
        return super().get_rate()

    def get_ident(self, request) -> str:
        return ratelimits.client_bucket(request)

    def allow_request(self, request, view) -> bool:
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        hits, self.retry_after = ratelimits.count_hit(self.key, period=self.duration)
        return hits is None or hits <= self.num_requests

    def wait(self) -> float | None:
        return self.retry_after


class AnonRateThrottle(throttling.AnonRateThrottle, CountedRateThrottle):
    """Anonymous requests per client address (``anon`` rate)."""


class UserRateThrottle(throttling.UserRateThrottle, CountedRateThrottle):
    """Requests per signed-in person, or per address when anonymous (``user`` rate)."""


class ScopedRateThrottle(throttling.ScopedRateThrottle, CountedRateThrottle):
    """Requests per person or address to views sharing a ``throttle_scope``."""
