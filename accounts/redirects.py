"""Where to send a person back to after a form: the ``next`` they came with, when it stays on
this site (an open redirect would let a link on our domain forward residents to anyone)."""

from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request, fallback: str, *, target: str | None = None) -> str:
    """``target`` (by default the request's ``next``, posted or in the query) when it is a URL
    on this host (over HTTPS when the request is), else ``fallback``."""
    if target is None:
        target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback
