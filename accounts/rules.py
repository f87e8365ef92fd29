"""Predicates about people, shared by every app's rules."""

import rules
from allauth.account.models import EmailAddress

from . import roles


@rules.predicate
def is_verified(user) -> bool:
    """Signed in with a verified email address: the condition for taking part."""
    if not getattr(user, "is_authenticated", False):
        return False
    cached = getattr(user, "_greenlight_verified", None)
    if cached is None:
        cached = EmailAddress.objects.filter(user=user, verified=True).exists()
        user._greenlight_verified = cached
    return cached


def has_role(role: str):
    @rules.predicate(name=f"has_role:{role}")
    def predicate(user) -> bool:
        return getattr(user, "is_superuser", False) or role in roles.user_roles(user)

    return predicate


is_city_staff = has_role(roles.CITY_STAFF)
is_moderator = has_role(roles.MODERATORS)
is_evaluator = has_role(roles.EVALUATORS)
is_leadership = has_role(roles.LEADERSHIP)

rules.add_perm("accounts.manage_roles", is_leadership)
