"""Project middleware: the Content Security Policy (strict on the public site, relaxed where
third-party UIs need it) and one guard against NUL characters in addresses."""

from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def identity_provider_origins() -> list[str]:
    """Origins of the configured OpenID Connect providers (the city's sign-in)."""
    apps = settings.SOCIALACCOUNT_PROVIDERS.get("openid_connect", {}).get("APPS", [])
    origins = []
    for app in apps:
        parts = urlsplit(app.get("settings", {}).get("server_url", ""))
        if parts.scheme and parts.netloc:
            origins.append(f"{parts.scheme}://{parts.netloc}")
    return origins


class GreenlightCSPMiddleware(CSPMiddleware):
    """The public site allows no inline script or style; the Wagtail admin and the API docs
    ship their own inline code, so their paths get ``'unsafe-inline'`` added and may be framed
    by the site itself (the admin's previews). Directives are replaced, not extended: a source
    list such as ``'none' 'self'`` is invalid and browsers drop the ``'none'``."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith("/accounts/") and (origins := identity_provider_origins()):
            # "Continue" on the city sign-in page posts a form that redirects to the provider.
            parts.update = {**(parts.update or {}), "form-action": ["'self'", *origins]}
        if not report_only and request.path_info.startswith(settings.GREENLIGHT_CSP_RELAXED_PATHS):
            parts.replace = {
                **(parts.replace or {}),
                "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
                "style-src": ["'self'", "'unsafe-inline'"],
                "img-src": ["'self'", "data:", "blob:"],
                "frame-ancestors": ["'self'"],
            }
        return parts


class RejectNulCharactersMiddleware:
    """A NUL character in the address or a query parameter cannot be stored or searched
    (PostgreSQL text refuses it): answer 400 here, once, instead of letting any view reach the
    database with it. The API gets JSON, the site its error page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()
        ):
            return bad_request(request, _("The address contains a NUL character, which is never valid here."))
        return self.get_response(request)


def bad_request(request, message: str):
    """A 400 answer saying what is wrong: JSON under ``/api/``, the site's page elsewhere."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": str(message)}, status=400)
    return render(request, "400.html", {"message": message}, status=400)
