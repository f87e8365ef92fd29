"""The visitor's seed: one number, kept in a cookie, that keeps the random order of a
challenge's ideas stable for that visitor across pages, the API and reloads."""

import secrets

from .converters import whole_number

SEED_COOKIE = "greenlight_order"
SEED_MAX = 2_147_483_646


def visitor_seed(request) -> int:
    """A number that keeps the random order stable for one visitor (kept in a cookie)."""
    seed = whole_number(request.COOKIES.get(SEED_COOKIE, ""), maximum=SEED_MAX)
    if seed is not None:
        return seed
    seed = getattr(request, "_greenlight_new_seed", None)
    if seed is None:
        seed = secrets.randbelow(SEED_MAX) + 1
        request._greenlight_new_seed = seed
    return seed


def remember_seed(request, response):
    seed = getattr(request, "_greenlight_new_seed", None)
    if seed is not None:
        response.set_cookie(SEED_COOKIE, str(seed), max_age=60 * 60 * 24 * 180, samesite="Lax", httponly=True)
    return response
