"""Writes about API tokens, system accounts and webhooks. Each checks its own rule, raises
:mod:`innovation.errors` (``NotAllowed``, ``Invalid``), and writes in one transaction."""

import logging
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from accounts import roles
from accounts.models import User
from innovation.errors import Invalid, NotAllowed

from . import addresses, signing
from .events import EVENTS
from .models import ApiToken, DeliveryStatus, SystemAccount, TokenAccess, WebhookDelivery, WebhookEndpoint

logger = logging.getLogger(__name__)

# Expiry choices offered for new tokens, in days; service tokens may also never expire.
TOKEN_LIFETIMES = (30, 90, 365)
MAX_TOKENS_PER_OWNER = 20


def _require(actor: User, permission: str, obj: object | None = None) -> None:
    if not actor.has_perm(permission, obj):
        raise NotAllowed(_("You are not allowed to do this."))


# Tokens ---------------------------------------------------------------------------------


def _token_create(
    *, owner: User, name: str, access: str, lifetime_days: int | None, created_by: User
) -> tuple[ApiToken, str]:
    name = " ".join((name or "").split())
    errors = {}
    if not name:
        errors["name"] = _("Give the token a name, e.g. the script or system that uses it.")
    elif len(name) > 80:
        errors["name"] = _("Use at most 80 characters.")
    if access not in TokenAccess.values:
        errors["access"] = _("Choose read only or read and write.")
    if lifetime_days is not None and lifetime_days not in TOKEN_LIFETIMES:
        errors["expires_in_days"] = _("Choose 30, 90 or 365 days.")
    if errors:
        raise Invalid(errors)
    with transaction.atomic():
        # Lock the owner so that two requests cannot both pass the limit.
        get_user_model().objects.select_for_update().filter(pk=owner.pk).first()
        if ApiToken.objects.filter(user=owner).count() >= MAX_TOKENS_PER_OWNER:
            raise Invalid(
                {"name": _("At most %(n)s tokens at a time: revoke one first.") % {"n": MAX_TOKENS_PER_OWNER}}
            )
        expiry = timedelta(days=lifetime_days) if lifetime_days else None
        token, secret = ApiToken.objects.create(owner, expiry=expiry, name=name, access=access, created_by=created_by)
        log(instance=token, action="integrations.token_create", user=created_by, data={"name": name, "access": access})
    return token, secret


def token_create(*, owner: User, name: str, access: str, lifetime_days: int = 90) -> tuple[ApiToken, str]:
    """A personal token for ``owner``. Returns the token and its secret text, which is
    shown once and never stored (only its digest is)."""
    _require(owner, "integrations.manage_own_tokens")
    if hasattr(owner, "system_account"):
        raise NotAllowed(_("Tokens of system accounts are made by leadership in the admin."))
    return _token_create(owner=owner, name=name, access=access, lifetime_days=lifetime_days, created_by=owner)


def token_revoke(*, actor: User, token_id: int) -> None:
    """Delete one of ``actor``'s tokens (leadership may revoke service tokens too);
    requests with it fail from then on."""
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().select_related("user").filter(pk=token_id).first()
        if token is None:
            raise ApiToken.DoesNotExist
        manages_it = hasattr(token.user, "system_account") and actor.has_perm("integrations.manage_service_tokens")
        if token.user_id != actor.pk and not manages_it:
            raise ApiToken.DoesNotExist
        log(instance=token, action="integrations.token_revoke", user=actor, data={"name": token.name})
        token.delete()


def tokens_of(*, owner: User):
    return ApiToken.objects.filter(user=owner).order_by("-created", "-id")


# System accounts ------------------------------------------------------------------------


def system_account_create(*, actor: User, name: str, role: str, description: str = "") -> SystemAccount:
    """A user for another of the city's systems, with one role and no password: it can only
    act through the service tokens leadership gives it."""
    _require(actor, "integrations.manage_service_tokens")
    name = " ".join((name or "").split())
    if not name:
        raise Invalid({"name": _("Name the system, e.g. “311 service desk”.")})
    if role not in roles.ROLES:
        raise Invalid({"role": _("Choose one of the roles.")})
    slug = slugify(name)[:40] or "system"
    with transaction.atomic():
        if SystemAccount.objects.filter(name__iexact=name).exists():
            raise Invalid({"name": _("A system account with this name exists already.")})
        User = get_user_model()
        email = f"{slug}@systems.greenlight.invalid"
        suffix = 1
        while User.objects.filter(email=email).exists():
            suffix += 1
            email = f"{slug}-{suffix}@systems.greenlight.invalid"
        user = User(email=email, display_name=name[:60])
        user.set_unusable_password()
        user.save()
        user.groups.add(Group.objects.get(name=role))
        # It acts through the API as a verified member of its role.
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        try:
            account = SystemAccount.objects.create(user=user, name=name, description=description, created_by=actor)
        except IntegrityError as error:
            raise Invalid({"name": _("A system account with this name exists already.")}) from error
        log(instance=account, action="integrations.system_account_create", user=actor, data={"role": role})
    return account


def service_token_create(
    *, actor: User, account: SystemAccount, name: str, access: str, lifetime_days: int | None
) -> tuple[ApiToken, str]:
    """A token for a system account, made by leadership; its writes are the account's."""
    _require(actor, "integrations.manage_service_tokens")
    return _token_create(owner=account.user, name=name, access=access, lifetime_days=lifetime_days, created_by=actor)


# Webhook endpoints ----------------------------------------------------------------------


def _clean_endpoint(*, name: str, url: str, events: list[str], secret: str) -> dict:
    errors = {}
    name = " ".join((name or "").split())
    if not name:
        errors["name"] = _("Name the receiving system.")
    try:
        addresses.check_url(url)
    except addresses.AddressRefused as error:
        errors["url"] = str(error)
    unknown = [event for event in events if event not in EVENTS]
    if not events or unknown:
        errors["events"] = _("Choose at least one of the events listed.")
    try:
        signing.secret_key(secret)
    except ValueError:
        errors["secret"] = _("Use a secret of the form whsec_ followed by at least 24 bytes in Base64.")
    if errors:
        raise Invalid(errors)
    return {"name": name, "url": url, "events": [event for event in EVENTS if event in events], "secret": secret}


def webhook_endpoint_save(
    *,
    actor: User,
    endpoint: WebhookEndpoint | None = None,
    name: str,
    url: str,
    events: list[str],
    secret: str,
    is_active: bool = True,
) -> WebhookEndpoint:
    """Create or change an endpoint. The URL must not lead into the city's own network."""
    _require(actor, "integrations.manage_webhooks")
    values = _clean_endpoint(name=name, url=url, events=events, secret=secret)
    with transaction.atomic():
        if endpoint is None:
            endpoint = WebhookEndpoint.objects.create(created_by=actor, is_active=is_active, **values)
            log(instance=endpoint, action="wagtail.create", user=actor)
            return endpoint
        endpoint = WebhookEndpoint.objects.select_for_update().get(pk=endpoint.pk)
        for field, value in values.items():
            setattr(endpoint, field, value)
        endpoint.is_active = is_active
        endpoint.save(update_fields=[*values, "is_active"])
        log(instance=endpoint, action="wagtail.edit", user=actor)
    return endpoint


def webhook_redeliver(*, actor: User, delivery_id: int) -> WebhookDelivery:
    """Send a delivery again now (the same id and body), e.g. after the receiver was fixed."""
    _require(actor, "integrations.manage_webhooks")
    from .tasks import enqueue_delivery

    with transaction.atomic():
        delivery = WebhookDelivery.objects.select_for_update().filter(pk=delivery_id).first()
        if delivery is None:
            raise WebhookDelivery.DoesNotExist
        delivery.status = DeliveryStatus.PENDING
        delivery.next_attempt_at = timezone.now()
        delivery.save(update_fields=["status", "next_attempt_at"])
        log(
            instance=delivery.endpoint,
            action="integrations.webhook_redeliver",
            user=actor,
            data={"event": delivery.event_id},
        )
        transaction.on_commit(lambda: enqueue_delivery(delivery.pk, requested_by_id=actor.pk))
    return delivery
