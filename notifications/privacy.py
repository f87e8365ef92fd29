"""What the notifications app holds about a person, for "Download my data" and "Delete my
account" (registered into ``accounts.privacy`` from ``NotificationsConfig.ready``)."""

from accounts.privacy import register_eraser, register_exporter

from .models import EmailPreference, Kind, Notification
from .services import frequencies_for
from .texts import notification_text


def notification_rows(user) -> list[dict]:
    """Every notification the person was sent, with what it said (in their language)."""
    rows = []
    for notification in Notification.objects.filter(recipient=user).order_by("created_at", "pk"):
        headline, detail = notification_text(notification)
        rows.append(
            {
                "event": notification.event,
                "kind": notification.kind,
                "headline": headline,
                "detail": detail,
                "link": notification.url,
                "created_at": notification.created_at,
                "read_at": notification.read_at,
                "email": notification.email_state,
                "emailed_at": notification.emailed_at,
            }
        )
    return rows


def preference_rows(user) -> list[dict]:
    """How often the person gets email about each kind of notification: their own choice, or
    the default they never changed."""
    frequencies = frequencies_for(user=user)
    chosen = set(EmailPreference.objects.filter(user=user).values_list("kind", flat=True))
    return [
        {"kind": kind.value, "about": str(kind.label), "email": frequencies[kind.value], "chosen": kind.value in chosen}
        for kind in Kind
    ]


def erase(*, user, remove_contributions: bool) -> None:
    """What the person was told and how they wanted to be told go with their account."""
    Notification.objects.filter(recipient=user).delete()
    EmailPreference.objects.filter(user=user).delete()


def register() -> None:
    register_exporter("notifications", notification_rows)
    register_exporter("notification_preferences", preference_rows)
    register_eraser("notifications", erase)
