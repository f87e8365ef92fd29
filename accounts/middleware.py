"""Two-factor authentication for the admin, the person's language, the current terms of use."""

from urllib.parse import urlencode

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .i18n import supported_language
from .redirects import safe_next
from .terms import must_accept_terms


class AdminMFARequiredMiddleware:
    """Anyone who can open the Wagtail admin must have turned on two-factor authentication
    before they use it (``GREENLIGHT_ADMIN_REQUIRES_MFA``; on in production)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.GREENLIGHT_ADMIN_REQUIRES_MFA
            and request.path_info.startswith("/admin/")
            and request.user.is_authenticated
            and request.user.has_perm("wagtailadmin.access_admin")
            and not Authenticator.objects.filter(user=request.user, type=Authenticator.Type.TOTP).exists()
        ):
            return redirect(f"{reverse('mfa_activate_totp')}?next={request.path}")
        return self.get_response(request)


class PersonLanguageMiddleware:
    """Signed-in people see the site in the language kept in their profile, whatever their
    browser asks for. Runs after authentication; visitors keep LocaleMiddleware's choice
    (the switcher's cookie, then the browser's languages)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not request.path_info.startswith("/admin/"):
            language = supported_language(user.language)
            if language and language != translation.get_language():
                translation.activate(language)
                request.LANGUAGE_CODE = language
        return self.get_response(request)


class CurrentTermsMiddleware:
    """Before a signed-in person contributes (any form post or API write outside their own
    account), they accept the current terms of use if they have not yet. Pages redirect to
    the acceptance page and back; the API answers 403 with a message."""

    EXEMPT_PREFIXES = ("/accounts/", "/admin/", "/me/", "/api/v1/me/", "/django-admin/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method not in ("GET", "HEAD", "OPTIONS")
            and not request.path_info.startswith(self.EXEMPT_PREFIXES)
            and must_accept_terms(request.user)
        ):
            message = _("Please accept the updated terms of use before you contribute.")
            if request.path_info.startswith("/api/"):
                return JsonResponse({"detail": str(message), "code": "terms_not_accepted"}, status=403)
            back = safe_next(request, "/", target=request.headers.get("Referer", ""))
            return redirect(f"{reverse('accounts:terms')}?{urlencode({'next': back})}")
        return self.get_response(request)
