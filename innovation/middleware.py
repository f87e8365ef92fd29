"""Project middleware: the Content Security Policy (strict on the public site, relaxed where
third-party UIs need it), one guard against NUL characters in addresses, and the site's own
error pages with DEBUG on."""

import logging
from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from home.views import page_not_found, server_error

logger = logging.getLogger("django.request")


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


class SiteErrorPagesMiddleware:
    """With ``DEBUG`` on, Django answers a missing page or a crash with its technical pages.
    Where ``GREENLIGHT_SITE_ERROR_PAGES`` is true (the ``make run`` demo), people see the
    site's own 404 and 500 pages instead; the traceback still goes to the log. Without
    ``DEBUG`` Django uses the site's pages anyway (``handler404`` / ``handler500``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not (settings.DEBUG and settings.GREENLIGHT_SITE_ERROR_PAGES):
            return None
        if isinstance(exception, Http404):
            return page_not_found(request, exception)
        if isinstance(exception, (PermissionDenied, SuspiciousOperation, BadRequest)):
            return None
        logger.error("Server error on %s", request.path, exc_info=exception)
        return server_error(request)
