"""How the API decides and limits: the rules permission every viewset uses, the write
throttle, and a service's errors turned into API errors."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import permissions
from rest_framework.exceptions import Throttled, ValidationError

from accounts.throttling import ScopedRateThrottle

from ..ratelimit import RateLimited


class RulesPermission(permissions.BasePermission):
    """Reads are open (visibility is applied by the queryset and ``ideas.view_idea``);
    writes need a signed-in person; every object endpoint checks the rule the view names for
    its action in ``rules_permissions``."""

    def has_permission(self, request, view) -> bool:
        return request.method in permissions.SAFE_METHODS or bool(request.user and request.user.is_authenticated)

    def has_object_permission(self, request, view, obj) -> bool:
        permission = getattr(view, "rules_permissions", {}).get(view.action)
        return permission is None or request.user.has_perm(permission, obj)


class WriteThrottle(ScopedRateThrottle):
    """Limits writes per person (``ideas_api_writes`` in ``DEFAULT_THROTTLE_RATES``); reads are
    limited by the default throttles only."""

    scope_attr = "write_throttle_scope"

    def allow_request(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        return super().allow_request(request, view)


def run_service(call, **kwargs):
    """Call a service and turn its errors into API errors: field messages (400), rate limits
    (429) and refusals (403)."""
    try:
        return call(**kwargs)
    except RateLimited as exc:
        raise Throttled(detail=" ".join(exc.messages)) from exc
    except DjangoValidationError as exc:
        if hasattr(exc, "error_dict"):
            raise ValidationError(exc.message_dict) from exc
        raise ValidationError({"non_field_errors": exc.messages}) from exc
