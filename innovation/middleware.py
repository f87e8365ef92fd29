"""Content Security Policy: strict on the public site, relaxed where third-party UIs need it."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


class GreenlightCSPMiddleware(CSPMiddleware):
    """The public site allows no inline script or style; the Wagtail admin and the API docs
    ship their own inline code, so their paths get ``'unsafe-inline'`` added and may be framed
    by the site itself (the admin's previews). Directives are replaced, not extended: a source
    list such as ``'none' 'self'`` is invalid and browsers drop the ``'none'``."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(settings.GREENLIGHT_CSP_RELAXED_PATHS):
            parts.replace = {
                **(parts.replace or {}),
                "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
                "style-src": ["'self'", "'unsafe-inline'"],
                "img-src": ["'self'", "data:", "blob:"],
                "frame-ancestors": ["'self'"],
            }
        return parts
