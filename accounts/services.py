"""Writes about people: roles, profile, language, terms acceptance, data export, deletion."""

import secrets
from datetime import datetime, timedelta
from pathlib import Path

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from . import privacy, roles, standing
from .i18n import supported_language
from .models import DataExport, District, TermsAcceptance, User
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
    standing.forget(user)
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


class AccountError(Exception):
    """A request about an account that cannot be done, with a message for the person."""

    def __init__(self, code: str, message: str, *, field: str | None = None):
        super().__init__(str(message))
        self.code = code
        self.message = message
        self.field = field


def export_path(export: DataExport) -> Path:
    return Path(settings.GREENLIGHT_EXPORT_ROOT) / f"{export.token}.zip"


@transaction.atomic
def data_export_request(*, user: User) -> DataExport:
    """Ask for a ZIP of everything Greenlight holds about the person. One request at a time:
    asking again while one is being prepared returns it."""
    if not user.is_authenticated or user.erased_at:
        raise AccountError("forbidden", _("Sign in to download your data."))
    User.objects.select_for_update().filter(pk=user.pk).first()
    pending = DataExport.objects.filter(user=user, status=DataExport.Status.PENDING).first()
    if pending is not None:
        return pending
    export = DataExport.objects.create(user=user, token=secrets.token_urlsafe(32))
    from .tasks import build_data_export

    transaction.on_commit(lambda: build_data_export.delay(export.pk))
    return export


def data_export_build(*, export_id: int) -> DataExport | None:
    """Write the ZIP (JSON and CSV per section) and open its link for GREENLIGHT_EXPORT_DAYS.
    Safe to run twice: a ready export is left as it is."""
    with transaction.atomic():
        export = DataExport.objects.select_for_update().select_related("user").filter(pk=export_id).first()
        if export is None or export.status != DataExport.Status.PENDING:
            return export
        content = privacy.export_zip(privacy.personal_data(export.user))
        path = export_path(export)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        export.status = DataExport.Status.READY
        export.ready_at = timezone.now()
        export.expires_at = export.ready_at + timedelta(days=settings.GREENLIGHT_EXPORT_DAYS)
        export.save(update_fields=["status", "ready_at", "expires_at"])
    return export


def data_exports_purge(*, now: datetime | None = None) -> int:
    """Delete the files of expired exports (beat, daily)."""
    now = now or timezone.now()
    expired = list(DataExport.objects.filter(expires_at__lte=now))
    for export in expired:
        export_path(export).unlink(missing_ok=True)
    DataExport.objects.filter(pk__in=[export.pk for export in expired]).delete()
    return len(expired)


def account_delete(*, user: User, password: str) -> None:
    """Delete a person's account, confirmed with their password. Every app forgets its part
    (supports in open challenges are withdrawn; contributions are kept as "Former
    participant" or removed, per GREENLIGHT_ACCOUNT_DELETION); then the account itself is
    emptied of everything personal. The audit log records that an account was deleted, and
    nothing about whose."""
    if not user.is_authenticated or user.erased_at:
        raise AccountError("forbidden", _("Sign in to delete your account."))
    if not user.has_usable_password() or not user.check_password(password or ""):
        raise AccountError("wrong_password", _("That is not your password."), field="password")
    exports = []
    with transaction.atomic():
        person = User.objects.select_for_update().get(pk=user.pk)
        steps = privacy.erase_everywhere(user=person)
        exports = list(DataExport.objects.filter(user=person))
        DataExport.objects.filter(user=person).delete()
        EmailAddress.objects.filter(user=person).delete()
        TermsAcceptance.objects.filter(user=person).delete()
        person.groups.clear()
        person.user_permissions.clear()
        person.email = f"former-{person.pk}@deleted.invalid"
        person.display_name = person.first_name = person.last_name = person.language = ""
        person.district = None
        person.is_active = person.is_staff = person.is_superuser = False
        person.erased_at = timezone.now()
        person.set_unusable_password()
        person.save()
        log(
            instance=person,
            action="greenlight.account.delete",
            user=None,
            data={
                "account": person.pk,
                "contributions": "removed" if privacy.remove_contributions() else "kept",
                "steps": steps,
            },
        )
    for export in exports:
        export_path(export).unlink(missing_ok=True)
    user.erased_at = person.erased_at


@transaction.atomic
def user_add_role(*, user: User, role_name: str) -> User:
    """Give a person one more role (keeping the others); admin access follows as in
    ``user_set_roles``."""
    if role_name not in roles.ROLES:
        raise ValueError(f"Unknown role: {role_name}")
    group, _created = Group.objects.get_or_create(name=role_name)
    user.groups.add(group)
    if role_name in roles.ADMIN_ROLES and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    standing.forget(user)
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
