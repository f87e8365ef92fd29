"""A person's standing: whether their email address is verified and which roles they hold.

Rules ask both questions many times while one page or API response is built, so each is read
from the database once per ``User`` object and kept on that object (an object lives for one
request, task or test). This module is the only code that reads or writes the kept values:

- :func:`is_verified` and :func:`roles_of` answer, reading the database the first time;
- :func:`remember_verified` lets a selector that learned the answer in a query it makes
  anyway (voting's supports of a viewer) spare the extra query;
- :func:`fact` keeps another app's per-person answer the same way (voting's "resident of
  which challenges"), under a key the app names, so no app writes attributes on the user;
- :func:`forget` drops everything kept. Accounts' own services call it when they change roles,
  and the receivers below call it when allauth confirms, adds or removes an address and
  when a person's groups change anywhere (the Wagtail user editor included), so a changed
  standing is seen at once by the object that changed it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from allauth.account import signals as account_signals
from allauth.account.models import EmailAddress
from django.db.models.signals import m2m_changed
from django.dispatch import receiver

_ATTRIBUTE = "greenlight_standing"

T = TypeVar("T")


@dataclass
class Standing:
    verified: bool | None = None
    roles: frozenset[str] | None = None
    facts: dict[str, object] = field(default_factory=dict)


def _standing(user) -> Standing:
    # getattr/setattr rather than the instance dict: ``request.user`` is a lazy proxy, and
    # what is kept must land on the user object the rules receive.
    standing = getattr(user, _ATTRIBUTE, None)
    if standing is None:
        standing = Standing()
        setattr(user, _ATTRIBUTE, standing)
    return standing


def is_verified(user) -> bool:
    """Signed in with a verified email address."""
    if not getattr(user, "is_authenticated", False):
        return False
    standing = _standing(user)
    if standing.verified is None:
        standing.verified = EmailAddress.objects.filter(user=user, verified=True).exists()
    return standing.verified


def roles_of(user) -> frozenset[str]:
    """The names of the roles (groups) ``user`` holds."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    standing = _standing(user)
    if standing.roles is None:
        standing.roles = frozenset(user.groups.values_list("name", flat=True))
    return standing.roles


def fact(user, key: str, load: Callable[[], T]) -> T:
    """Another app's answer about ``user`` under ``key`` (e.g. ``"voting.resident_of"``),
    loaded once per user object; the app calls :func:`forget` when it changes the answer."""
    facts = _standing(user).facts
    if key not in facts:
        facts[key] = load()
    return facts[key]


def remember_verified(user, verified: bool) -> None:
    """Keep an answer learned elsewhere (it must come from the database in this request)."""
    if getattr(user, "is_authenticated", False):
        _standing(user).verified = bool(verified)


def forget(*users) -> None:
    """Drop what is kept about ``users``; the next question reads the database again."""
    for user in users:
        if user is not None and getattr(user, _ATTRIBUTE, None) is not None:
            setattr(user, _ATTRIBUTE, None)


@receiver(account_signals.email_confirmed, dispatch_uid="accounts-standing-email-confirmed")
def _email_confirmed(request, email_address, **kwargs):
    forget(email_address.user, getattr(request, "user", None))


@receiver(account_signals.email_added, dispatch_uid="accounts-standing-email-added")
@receiver(account_signals.email_removed, dispatch_uid="accounts-standing-email-removed")
def _email_added_or_removed(request, user, email_address, **kwargs):
    forget(user, getattr(request, "user", None))


@receiver(account_signals.email_changed, dispatch_uid="accounts-standing-email-changed")
def _email_changed(request, user, **kwargs):
    forget(user, getattr(request, "user", None))


def _groups_changed(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        forget(instance)


def connect() -> None:
    """Listen to group changes on the user model (called from ``AccountsConfig.ready``)."""
    from django.contrib.auth import get_user_model

    m2m_changed.connect(
        _groups_changed, sender=get_user_model().groups.through, dispatch_uid="accounts-standing-groups"
    )
