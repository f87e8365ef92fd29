"""Reads of notifications: the unread count for the header and a person's notifications."""

from itertools import groupby

from django.utils import timezone

from .models import Notification
from .texts import notification_text


def unread_count(*, user) -> int:
    """One cheap count on a partial index (unread notifications of one person)."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def notifications_for(*, user, unread_only: bool = False):
    notifications = Notification.objects.filter(recipient=user).order_by("-created_at", "-id")
    if unread_only:
        notifications = notifications.filter(read_at__isnull=True)
    return notifications


def with_text(notifications) -> list:
    """Attach ``headline`` and ``detail`` to each notification (in the reader's language)."""
    items = list(notifications)
    for notification in items:
        notification.headline, notification.detail = notification_text(notification)
    return items


def grouped_by_day(notifications) -> list[dict]:
    """[{"day": date, "notifications": [...]}, ...] in the city's time zone, newest first."""
    items = with_text(notifications)
    return [
        {"day": day, "notifications": list(group)}
        for day, group in groupby(items, key=lambda n: timezone.localdate(n.created_at))
    ]
