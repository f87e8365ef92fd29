"""The one table of every move an idea may make between stages: who may make it, through
which service, and the guard that must hold. Services, the board and the tests read it;
nothing else decides whether a move is allowed.

``via`` says which code carries the move out:

- ``ideas``: the ideas app's own services (submission, moderation, withdrawal). Pipeline only
  records these on the timeline, from the signals ``ideas`` sends.
- ``pipeline``: :mod:`pipeline.services` (review, shortlist, selection, not pursued).
- ``merge``: :func:`pipeline.services.idea_merge`.
- ``pilot``: publishing or ending a :class:`~pipeline.models.PilotPage`.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.utils import formats, timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accounts import roles
from ideas.models import IdeaStage

AUTHOR = "author"  # the idea's own author, not a role

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


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    roles: tuple[str, ...]
    via: str
    label: str | Promise
    note_required: bool = False
    guard: Callable[..., str | None] | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.source, self.target)


LEADERSHIP = (roles.LEADERSHIP,)
MODERATION = (roles.MODERATORS,)
MERGERS = (roles.MODERATORS, roles.LEADERSHIP)

TRANSITIONS: tuple[Transition, ...] = (
    # Made by the ideas app; recorded here from its signals.
    Transition(S.DRAFT, S.SUBMITTED, (AUTHOR,), "ideas", _("Submit for approval")),
    Transition(S.DRAFT, S.PUBLISHED, (AUTHOR,), "ideas", _("Publish")),
    Transition(S.SUBMITTED, S.PUBLISHED, MODERATION, "ideas", _("Approve")),
    Transition(S.SUBMITTED, S.REJECTED, MODERATION, "ideas", _("Reject"), note_required=True),
    Transition(S.SUBMITTED, S.WITHDRAWN, (AUTHOR,), "ideas", _("Withdraw")),
    Transition(S.PUBLISHED, S.WITHDRAWN, (AUTHOR,), "ideas", _("Withdraw")),
    # Review and selection, by leadership.
    Transition(S.PUBLISHED, S.UNDER_REVIEW, LEADERSHIP, "pipeline", _("Start review"), guard=voting_has_closed),
    Transition(S.UNDER_REVIEW, S.SHORTLISTED, LEADERSHIP, "pipeline", _("Shortlist")),
    Transition(S.SHORTLISTED, S.SELECTED, LEADERSHIP, "pipeline", _("Select")),
    Transition(S.UNDER_REVIEW, S.NOT_PURSUED, LEADERSHIP, "pipeline", _("Do not pursue"), note_required=True),
    Transition(S.SHORTLISTED, S.NOT_PURSUED, LEADERSHIP, "pipeline", _("Do not pursue"), note_required=True),
    Transition(S.SELECTED, S.NOT_PURSUED, LEADERSHIP, "pipeline", _("Do not pursue"), note_required=True),
    # Duplicates, by moderators or leadership.
    Transition(S.PUBLISHED, S.MERGED, MERGERS, "merge", _("Merge into another idea")),
    Transition(S.UNDER_REVIEW, S.MERGED, MERGERS, "merge", _("Merge into another idea")),
    Transition(S.SHORTLISTED, S.MERGED, MERGERS, "merge", _("Merge into another idea")),
    # Pilots, by leadership through the pilot page.
    Transition(S.SELECTED, S.PILOTING, LEADERSHIP, "pilot", _("Publish a pilot"), guard=has_live_pilot),
    Transition(S.PILOTING, S.ADOPTED, LEADERSHIP, "pilot", _("End the pilot: scaled up")),
    Transition(S.PILOTING, S.NOT_PURSUED, LEADERSHIP, "pilot", _("End the pilot: stopped"), note_required=True),
)

_BY_KEY = {transition.key: transition for transition in TRANSITIONS}

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


def find(source: str, target: str) -> Transition | None:
    return _BY_KEY.get((source, target))


def leaving(source: str, *, via: str | None = None) -> list[Transition]:
    """The moves out of ``source`` (only those made through ``via`` when given)."""
    return [t for t in TRANSITIONS if t.source == source and (via is None or t.via == via)]


def stage_label(stage: str) -> str:
    return str(IdeaStage(stage).label) if stage in IdeaStage.values else stage


def allowed_sentence(source: str, *, via: str | None = None) -> str:
    """The sentence a refusal ends with: where an idea in ``source`` may go instead."""
    targets = [stage_label(t.target) for t in leaving(source, via=via)]
    if not targets:
        return str(_("Nothing may move an idea out of “%(stage)s” here.") % {"stage": stage_label(source)})
    return str(
        _("From “%(stage)s” it may move to: %(targets)s.")
        % {"stage": stage_label(source), "targets": ", ".join(f"“{t}”" for t in dict.fromkeys(targets))}
    )


def may_make(transition: Transition, user, idea=None) -> bool:
    """Whether ``user`` holds a role this move allows (superusers hold every role)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if AUTHOR in transition.roles and idea is not None and idea.author_id == user.pk:
        return True
    if user.is_superuser:
        return True
    return bool(set(transition.roles) & roles.user_roles(user))
