"""Writes about people: roles, profile."""

from django.contrib.auth.models import Group
from django.db import transaction

from . import roles
from .models import District, User


def user_join_default_role(*, user: User) -> None:
    """Every new account is a resident; other roles are given by leadership."""
    group, _created = Group.objects.get_or_create(name=roles.RESIDENTS)
    user.groups.add(group)


@transaction.atomic
def profile_update(*, user: User, display_name: str, district: District | None) -> User:
    """Change what others see of a person (their display name) and their district."""
    user.display_name = display_name.strip()
    user.district = district
    user.save(update_fields=["display_name", "district"])
    return user


@transaction.atomic
def user_set_roles(*, user: User, role_names: list[str]) -> User:
    """Replace a person's roles. Admin access follows from the roles that need it."""
    unknown = set(role_names) - set(roles.ROLES)
    if unknown:
        raise ValueError(f"Unknown roles: {', '.join(sorted(unknown))}")
    groups = [Group.objects.get_or_create(name=name)[0] for name in role_names]
    user.groups.set(groups)
    user.is_staff = user.is_superuser or any(name in roles.ADMIN_ROLES for name in role_names)
    user.save(update_fields=["is_staff"])
    user.__dict__.pop("_greenlight_roles", None)
    return user


@transaction.atomic
def api_token_issue(*, user: User, rotate: bool = False) -> str:
    """A new API token for ``user`` (``Authorization: Token <key>``), returned once.

    An existing token is kept unless ``rotate`` replaces it, so a token in use is never
    swapped by accident; the old key stops working the moment it is rotated."""
    from rest_framework.authtoken.models import Token

    existing = Token.objects.select_for_update().filter(user=user).first()
    if existing is not None:
        if not rotate:
            raise ValueError("This person already has an API token; rotate it to get a new one.")
        existing.delete()
    return Token.objects.create(user=user).key


@transaction.atomic
def api_token_revoke(*, user: User) -> bool:
    """Remove ``user``'s API token; True if there was one."""
    from rest_framework.authtoken.models import Token

    deleted, _details = Token.objects.filter(user=user).delete()
    return bool(deleted)
