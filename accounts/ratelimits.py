"""How often someone may do something: the client's address and one atomic counter.

Every limit on the site counts here — sign-in failures (through allauth, with the address
from :func:`client_ip`), the API throttles (:mod:`accounts.throttling`) and the site's own
limits on writing (ideas per hour, comments per minute) — so they agree on who the client is
and none lets extra requests through under parallel load.

The counter is a fixed window that opens at the first hit and lasts ``period`` seconds: on
Redis one atomic round trip (``SET NX EX``, ``INCR``, ``PTTL`` in a transaction, through the
cache backend's ``incr_in_window``), elsewhere (the local-memory cache of ``make run``) the
cache's ``add`` then ``incr``. If the cache cannot be reached the request is allowed and a
warning is logged: a cache outage must not lock everyone out.
"""

import ipaddress
import logging
import time

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

# Clients on IPv6 usually hold a whole /64; counting single addresses would give each a
# fresh bucket per address.
IPV6_PREFIX = 64


def client_ip(request) -> str:
    """The address of whoever sent ``request``.

    Behind ``TRUSTED_PROXY_COUNT`` proxies that each append the address they saw to
    ``X-Forwarded-For``, the client is the entry that many places from the right; entries
    further left were written by the client and are ignored. Without proxies (the default) it
    is ``REMOTE_ADDR`` and ``X-Forwarded-For`` is ignored altogether."""
    remote = request.META.get("REMOTE_ADDR") or ""
    trusted = settings.TRUSTED_PROXY_COUNT
    if trusted > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if forwarded:
            candidate = _clean(forwarded[-min(trusted, len(forwarded))])
            if candidate:
                return candidate
    return _clean(remote) or remote or "unknown"


def _clean(address: str) -> str:
    address = address.strip()
    if address.startswith("[") and "]" in address:  # [::1]:443
        address = address[1 : address.index("]")]
    elif address.count(":") == 1:  # 203.0.113.9:443
        address = address.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return ""


def client_bucket(request) -> str:
    """What limits count per client: the address, or its /64 network for IPv6."""
    address = client_ip(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/{IPV6_PREFIX}", strict=False).network_address)
    return address


_last_warning = 0.0


def _warn_unavailable(key: str, exc: Exception) -> None:
    global _last_warning
    now = time.monotonic()
    if now - _last_warning > 30:
        _last_warning = now
        logger.warning("Rate limits are not enforced: the cache is unavailable (%s: %r).", key, exc)


def count_hit(key: str, *, period: int) -> tuple[int | None, float]:
    """Count one hit on ``key`` in its current window of ``period`` seconds.

    Returns ``(hits, retry_after)``: the hits in this window including this one, and the
    seconds until the window closes (at most). ``hits`` is None when the cache is
    unavailable — the caller lets the request through (a warning is logged)."""
    window_key = f"ratelimit:{key}"
    try:
        counter = getattr(cache, "incr_in_window", None)
        if counter is not None:
            return counter(window_key, period=period)
        cache.add(window_key, 0, timeout=period)
        try:
            return cache.incr(window_key), float(period)
        except ValueError:  # the window closed between add and incr
            cache.add(window_key, 1, timeout=period)
            return 1, float(period)
    except Exception as exc:
        _warn_unavailable(key, exc)
        return None, float(period)


def limit_reached(key: str, *, limit: int, period: int) -> bool:
    """Count one hit and say whether it goes over ``limit`` hits per ``period`` seconds."""
    hits, _retry_after = count_hit(key, period=period)
    return hits is not None and hits > limit
