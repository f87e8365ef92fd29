"""The cache backend: Django's Redis cache that degrades instead of failing when Redis is away.

Redis holds copies (sessions are written through to the database, fragments are recomputed)
and counters (rate limits). Losing it must slow the site down, not take it down, so while
Redis cannot be reached:

- reads answer "not cached" (``get`` returns the default, ``has_key`` False, ``get_many`` {});
- writes and deletes do nothing (``set``/``touch``/``delete`` return False);
- ``add`` answers True, so locks and limits built on it let the request through (allauth's
  rate-limit lock, :func:`accounts.ratelimits.count_hit`);
- ``incr`` and :meth:`~DegradingRedisCache.incr_in_window` (the rate limits' counter) raise
  :class:`CacheUnavailable`, so a counter never invents a number: rate limits catch it and
  allow the request with a logged warning.

After a failure the process stops trying for ``RETRY_AFTER`` seconds, so a Redis that is
down (or a firewall that drops packets) costs one short timeout, not one per cache call.
A warning is logged when Redis goes away and when it is back. ``/healthz`` reports it.
"""

import functools
import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError, OSError)
RETRY_AFTER = 5.0


class CacheUnavailable(Exception):
    """The cache could not be reached; a counter has no value to give."""


# Outage state per Redis location, shared by the threads of a process (each thread has its
# own cache object).
_down_until: dict[str, float] = {}
_lock = threading.Lock()


def _degrading(fallback=None, *, raises: bool = False):
    """Wrap a cache method: during an outage, answer ``fallback(args, kwargs)`` (or raise
    :class:`CacheUnavailable` when ``raises``)."""

    def answer(self, args, kwargs, exc=None):
        if raises:
            raise CacheUnavailable(self._location) from exc
        return fallback(args, kwargs) if fallback else None

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if self._is_down():
                return answer(self, args, kwargs)
            try:
                result = method(self, *args, **kwargs)
            except OUTAGE_ERRORS as exc:
                self._mark_down(exc)
                return answer(self, args, kwargs, exc)
            self._mark_up()
            return result

        return wrapper

    return decorate


def _constant(value):
    return lambda args, kwargs: value() if callable(value) else value


def _default_argument(args, kwargs):
    """``get(key, default=None, version=None)``: the caller's default."""
    return kwargs.get("default", args[1] if len(args) > 1 else None)


class DegradingRedisCache(RedisCache):
    """``django.core.cache.backends.redis.RedisCache`` that keeps the site up during a Redis
    outage (see the module docstring for what each operation answers meanwhile)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._location = ",".join(self._servers)

    def _is_down(self) -> bool:
        until = _down_until.get(self._location)
        return until is not None and time.monotonic() < until

    def _mark_down(self, exc: Exception) -> None:
        with _lock:
            was_up = self._location not in _down_until
            _down_until[self._location] = time.monotonic() + RETRY_AFTER
        if was_up:
            logger.warning("Cache unavailable (%s): pages are served without it. %s", self._location, exc)

    def _mark_up(self) -> None:
        if self._location in _down_until:
            with _lock:
                if _down_until.pop(self._location, None) is not None:
                    logger.warning("Cache available again (%s).", self._location)

    def is_available(self) -> bool:
        """Whether Redis answers now (for health checks)."""
        try:
            self._cache.get_client(write=True).ping()
        except OUTAGE_ERRORS as exc:
            self._mark_down(exc)
            return False
        self._mark_up()
        return True

    def incr_in_window(self, key, *, period: int, version=None) -> tuple[int, float]:
        """Count one hit on ``key``, a window that opens at its first hit and lasts ``period``
        seconds. Returns ``(hits so far, seconds until the window closes)``, in one atomic
        round trip (the window cannot expire between creating and counting it)."""
        if self._is_down():
            raise CacheUnavailable(self._location)
        key = self.make_and_validate_key(key, version=version)
        try:
            with self._cache.get_client(key, write=True).pipeline(transaction=True) as pipe:
                pipe.set(key, 0, ex=period, nx=True)
                pipe.incr(key)
                pipe.pttl(key)
                _opened, hits, remaining_ms = pipe.execute()
        except OUTAGE_ERRORS as exc:
            self._mark_down(exc)
            raise CacheUnavailable(self._location) from exc
        self._mark_up()
        return hits, max(remaining_ms, 0) / 1000

    add = _degrading(_constant(True))(RedisCache.add)
    get = _degrading(_default_argument)(RedisCache.get)
    set = _degrading(_constant(False))(RedisCache.set)
    touch = _degrading(_constant(False))(RedisCache.touch)
    delete = _degrading(_constant(False))(RedisCache.delete)
    get_many = _degrading(_constant(dict))(RedisCache.get_many)
    has_key = _degrading(_constant(False))(RedisCache.has_key)
    incr = _degrading(raises=True)(RedisCache.incr)
    set_many = _degrading(_constant(list))(RedisCache.set_many)
    delete_many = _degrading()(RedisCache.delete_many)
    clear = _degrading(_constant(False))(RedisCache.clear)
