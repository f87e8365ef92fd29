"""Two-factor authentication for the admin, when the setting asks for it."""

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse


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
