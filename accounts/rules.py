"""Predicates about people, shared by every app's rules."""

import rules

from . import roles, standing


@rules.predicate
def is_verified(user) -> bool:
    """Signed in with a verified email address: the condition for taking part."""
    return standing.is_verified(user)


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
