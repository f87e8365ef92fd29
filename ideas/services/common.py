"""What every write in ideas shares: the rule check and sending a signal once the write is done."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _


def _require(actor, permission: str, obj, message: str | None = None) -> None:
    if not actor.has_perm(permission, obj):
        raise PermissionDenied(message or _("You are not allowed to do this."))


def _setting(name: str) -> int:
    return int(getattr(settings, name))


def _send(signal, sender, **kwargs) -> None:
    """Send inside the transaction, so receivers that write (the public timeline, the outbox)
    commit or roll back together with the change."""
    signal.send(sender=sender, **kwargs)
