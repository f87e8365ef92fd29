"""Writes about people: roles, profile, language, terms acceptance."""

from django.contrib.auth.models import Group
from django.db import transaction

from . import roles
from .i18n import supported_language
from .models import District, TermsAcceptance, User
from .terms import current_terms_version


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
def user_set_language(*, user: User, language: str) -> User:
    """Remember the language a person chose; their pages and emails follow it."""
    code = supported_language(language)
    if code is None:
        raise ValueError(f"Unsupported language: {language!r}")
    locked = User.objects.select_for_update().get(pk=user.pk)
    if locked.language != code:
        locked.language = code
        locked.save(update_fields=["language"])
    user.language = code
    return user


@transaction.atomic
def terms_accept(*, user: User, version: str | None = None) -> TermsAcceptance:
    """Record that the person accepted a version of the terms (the current one by default), with
    the time. Accepting the same version twice keeps the first record."""
    version = version or current_terms_version() or "1"
    User.objects.select_for_update().filter(pk=user.pk).first()
    acceptance, _created = TermsAcceptance.objects.get_or_create(user=user, version=version)
    user.__dict__.pop("_greenlight_terms_ok", None)
    return acceptance
