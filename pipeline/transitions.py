"""Pipeline's side of the transition table. The table itself (every move, who may make it,
through which code) is data in :mod:`ideas.transitions`, read by both apps; this module adds
what only the pipeline knows: the guards the table names by key, and the board's columns.

Callers in pipeline and above keep importing the table's helpers from here.
"""

from collections.abc import Callable
from datetime import datetime

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ideas.models import IdeaStage
from ideas.transitions import (
    AUTHOR,
    TRANSITIONS,
    Transition,
    allowed_sentence,
    find,
    leaving,
    may_make,
    roles_for,
    stage_label,
)

__all__ = [
    "AUTHOR",
    "BOARD_STAGES",
    "GUARDS",
    "TRANSITIONS",
    "Transition",
    "allowed_sentence",
    "find",
    "guard_refusal",
    "leaving",
    "may_make",
    "roles_for",
    "stage_label",
]

S = IdeaStage


def voting_has_closed(idea, now: datetime) -> str | None:
    """Nothing leaves "published" for review while people can still submit or vote."""
    challenge = idea.challenge
    closes = challenge.voting_close or challenge.ideas_close
    if challenge.voting_close and challenge.ideas_close:
        closes = max(challenge.voting_close, challenge.ideas_close)
    if closes and now < closes:
        return _("Review can start once voting closes on %(date)s.") % {
            "date": formats.date_format(timezone.localtime(closes), "DATETIME_FORMAT")
        }
    return None


def has_live_pilot(idea, now: datetime) -> str | None:
    """An idea is "piloting" only while a published pilot tests it."""
    if not idea.pilot_links.filter(page__live=True).exists():
        return _("Publish a pilot that tests this idea first.")
    return None


# The checks the table names in ``Transition.guard``; each returns the refusal or None.
GUARDS: dict[str, Callable[..., str | None]] = {
    "voting_has_closed": voting_has_closed,
    "has_live_pilot": has_live_pilot,
}


def guard_refusal(transition: Transition, idea, now: datetime) -> str | None:
    """Why the move's guard refuses it now, or None when it has no guard or the guard holds."""
    if transition.guard is None:
        return None
    return GUARDS[transition.guard](idea, now)


# The stages shown as columns on the board, in pipeline order.
BOARD_STAGES = (
    S.PUBLISHED,
    S.UNDER_REVIEW,
    S.SHORTLISTED,
    S.SELECTED,
    S.PILOTING,
    S.ADOPTED,
    S.NOT_PURSUED,
)
