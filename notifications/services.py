"""Writes of notifications: reading, email choices, unsubscribing and announcements.
Each checks its own rule, locks what it decides on and saves only the fields it changed."""

import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from accounts.models import User
from ideas.models import ChallengePage, Follow

from .models import DEFAULT_FREQUENCY, EmailPreference, Frequency, Kind, Notification
from .outbox import outbox_record
from .texts import describe


def notifications_mark_read(*, user: User, ids: list[int] | None = None) -> int:
    """Mark some of a person's notifications read (all of them when ``ids`` is None).
    Others' notifications are never touched. Returns how many changed."""
    if not user.has_perm("notifications.read_own"):
        raise PermissionDenied
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    return unread.update(read_at=timezone.now())


def frequencies_for(*, user: User) -> dict[str, str]:
    """A person's email choice for every kind (their own, or the default)."""
    chosen = dict(EmailPreference.objects.filter(user=user).values_list("kind", "frequency"))
    return {kind.value: chosen.get(kind.value, DEFAULT_FREQUENCY[kind]) for kind in Kind}


def preferences_set(*, user: User, choices: dict[str, str]) -> None:
    """Save a person's email choices; unknown kinds or frequencies are refused."""
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied
    errors = {kind: _("Choose how often.") for kind, value in choices.items() if value not in Frequency.values}
    errors.update({kind: _("Unknown kind of notification.") for kind in choices if kind not in Kind.values})
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        existing = {p.kind: p for p in EmailPreference.objects.select_for_update().filter(user=user)}
        for kind, frequency in choices.items():
            preference = existing.get(kind)
            if preference is None:
                EmailPreference.objects.create(user=user, kind=kind, frequency=frequency)
            elif preference.frequency != frequency:
                preference.frequency = frequency
                preference.save(update_fields=["frequency", "updated_at"])


def unsubscribe(*, user_id: int, kind: str) -> list[str]:
    """Turn off one kind of email for the person named by a signed token (no sign-in needed).
    ``digest:daily`` / ``digest:weekly`` turn off every kind that person gets in that digest.
    Returns the kinds turned off."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        raise ValidationError(_("This link belongs to an account that no longer exists."))
    if kind.startswith("digest:"):
        frequency = kind.split(":", 1)[1]
        kinds = [k for k, value in frequencies_for(user=user).items() if value == frequency]
    elif kind in Kind.values:
        kinds = [kind]
    else:
        raise ValidationError(_("This unsubscribe link is not valid."))
    preferences_set(user=user, choices=dict.fromkeys(kinds, Frequency.NEVER))
    return kinds


def announcement_preview(*, challenge: ChallengePage, subject: str, body: str) -> dict:
    """What followers would read, and how many would."""
    headline, detail = describe(
        "challenge.announcement", {"challenge": challenge.title, "subject": subject, "body": body}
    )
    return {
        "headline": headline,
        "detail": detail,
        "followers": Follow.objects.filter(challenge=challenge).count(),
        "challenge": challenge,
    }


def announcement_send(*, challenge: ChallengePage, subject: str, body: str, actor: User) -> None:
    """Leadership tells a challenge's followers something once; recorded in the audit log."""
    if not actor.has_perm("notifications.send_announcement"):
        raise PermissionDenied
    subject, body = " ".join((subject or "").split()), (body or "").strip()
    if not subject or not body:
        raise ValidationError(_("Write a subject and a message."))
    with transaction.atomic():
        challenge = ChallengePage.objects.select_for_update().get(pk=challenge.pk)
        outbox_record(
            event="challenge.announcement",
            payload={"challenge": challenge.pk, "subject": subject[:150], "body": body[:5000], "actor": actor.pk},
            key=f"announcement:{uuid.uuid4().hex}",
        )
        log(
            instance=challenge,
            action="notifications.announcement",
            user=actor,
            data={"subject": subject, "followers": Follow.objects.filter(challenge=challenge).count()},
        )
