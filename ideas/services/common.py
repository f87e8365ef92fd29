"""What every write in ideas shares: the rule check and sending a signal once the write is done."""

from django.conf import settings
from django.dispatch import Signal
from django.utils.translation import gettext as _

from accounts.models import User
from innovation.errors import NotAllowed


def _require(actor: User, permission: str, obj: object, message: str | None = None) -> None:
    if not actor.has_perm(permission, obj):
        raise NotAllowed(message or _("You are not allowed to do this."))


def _setting(name: str) -> int:
    return int(getattr(settings, name))


def _send(signal: Signal, sender: type, **kwargs) -> None:
    """Send inside the transaction, so receivers that write (the public timeline, the outbox)
    commit or roll back together with the change."""
    signal.send(sender=sender, **kwargs)
