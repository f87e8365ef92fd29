"""Predicates about challenges and ideas, composed into permissions in ``rules.py`` here and
in the apps above (voting, pipeline)."""

import rules
from django.utils import timezone

from accounts.rules import is_city_staff

from .models import Audience


def _challenge_of(obj):
    """A ChallengePage from a challenge, an idea or a comment."""
    if obj is None:
        return None
    if hasattr(obj, "audience"):
        return obj
    if hasattr(obj, "challenge"):
        return obj.challenge
    if hasattr(obj, "idea"):
        return obj.idea.challenge
    return None


@rules.predicate
def is_in_audience(user, obj) -> bool:
    """The person belongs to the challenge's audience (everyone, residents only, staff only)."""
    challenge = _challenge_of(obj)
    if challenge is None or not getattr(user, "is_authenticated", False):
        return False
    if challenge.audience == Audience.EVERYONE:
        return True
    staff = is_city_staff(user)
    return staff if challenge.audience == Audience.STAFF else not staff


@rules.predicate
def challenge_accepts_ideas(user, obj) -> bool:
    challenge = _challenge_of(obj)
    return challenge is not None and challenge.accepts_ideas_at(timezone.now())


@rules.predicate
def challenge_accepts_votes(user, obj) -> bool:
    challenge = _challenge_of(obj)
    return challenge is not None and challenge.accepts_votes_at(timezone.now())


@rules.predicate
def challenge_is_open(user, obj) -> bool:
    """Not closed: discussion goes on until results are published."""
    challenge = _challenge_of(obj)
    return challenge is not None and not challenge.is_closed_at(timezone.now())


@rules.predicate
def is_author(user, obj) -> bool:
    return getattr(user, "is_authenticated", False) and getattr(obj, "author_id", None) == user.pk
