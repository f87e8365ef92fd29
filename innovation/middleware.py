"""Content Security Policy: strict on the public site, relaxed where third-party UIs need it."""

from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


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
    ship their own inline code, so their paths get ``'unsafe-inline'`` added."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith("/accounts/") and (origins := identity_provider_origins()):
            # "Continue" on the city sign-in page posts a form that redirects to the provider.
            parts.update = {**(parts.update or {}), "form-action": ["'self'", *origins]}
        if not report_only and request.path_info.startswith(settings.GREENLIGHT_CSP_RELAXED_PATHS):
            parts.update = {
                **(parts.update or {}),
                "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
                "style-src": ["'self'", "'unsafe-inline'"],
                "img-src": ["'self'", "data:", "blob:"],
                "frame-ancestors": ["'self'"],
            }
        return parts
