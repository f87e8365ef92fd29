"""How the API decides and limits: the rules permission every viewset uses and the write
throttle. A service's errors become API errors in one place, ``innovation.errors``."""

from rest_framework import permissions

from accounts.throttling import ScopedRateThrottle


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
