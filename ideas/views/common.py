"""What the ideas pages share: the safe return address after an action. (A service's errors
are shown on a page by ``innovation.errors.show_error``.)"""

from django.utils.http import url_has_allowed_host_and_scheme


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback
