"""API authentication with named, hashed tokens (django-rest-knox underneath).

``Authorization: Bearer glt_…``. A read-only token is refused for anything but reading;
the time a token was last used is kept (at most one write a minute per token)."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from knox.auth import TokenAuthentication
from rest_framework import exceptions
from rest_framework.permissions import SAFE_METHODS

from .models import ApiToken

LAST_USED_PRECISION = timedelta(minutes=1)


class ApiTokenAuthentication(TokenAuthentication):
    def authenticate(self, request):
        authenticated = super().authenticate(request)
        if authenticated is None:
            return None
        user, token = authenticated
        if token.is_read_only and request.method not in SAFE_METHODS:
            raise exceptions.PermissionDenied(
                _("This token is read-only; make a read-and-write token to change things.")
            )
        now = timezone.now()
        if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
            token.last_used_at = now
        return user, token
