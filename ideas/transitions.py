"""The one table of every move an idea may make between stages, as data: who may make it,
through which code, whether it needs a public note and which guard must hold. It lives in
``ideas`` (the lowest app that knows stages) so that both the ideas app's own moves
(submitting, approving, withdrawing) and the pipeline's read the same rows; nothing else
decides whether a move is allowed.

``via`` says which code carries the move out:

- ``ideas``: the ideas app's own services (submission, moderation, withdrawal). Pipeline
  records these on the public timeline from the signals ``ideas`` sends.
- ``pipeline``: :mod:`pipeline.services` (review, shortlist, selection, not pursued).
- ``merge``: :func:`pipeline.services.idea_merge`.
- ``pilot``: publishing or ending a pilot page.

``guard`` names a check by key; the app that makes the move registers the check
(:mod:`pipeline.transitions` registers ``voting_has_closed`` and ``has_live_pilot``), so the
table itself stays data.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts import roles

from .models import IdeaStage

AUTHOR = "author"  # the idea's own author, not a role

S = IdeaStage


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    roles: tuple[str, ...]
    via: str
    label: str | Promise
    note_required: bool = False
    guard: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.source, self.target)


LEADERSHIP = (roles.LEADERSHIP,)
MODERATION = (roles.MODERATORS,)
MERGERS = (roles.MODERATORS, roles.LEADERSHIP)
AUTHORS = (AUTHOR,)

TRANSITIONS: tuple[Transition, ...] = (
    # Made by the ideas app's services.
    Transition(S.DRAFT, S.SUBMITTED, AUTHORS, "ideas", _("Submit for approval")),
    Transition(S.DRAFT, S.PUBLISHED, AUTHORS, "ideas", _("Publish")),
    Transition(S.SUBMITTED, S.PUBLISHED, MODERATION, "ideas", _("Approve")),
    Transition(S.SUBMITTED, S.REJECTED, MODERATION, "ideas", _("Reject"), note_required=True),
    Transition(S.DRAFT, S.WITHDRAWN, AUTHORS, "ideas", _("Withdraw")),
    Transition(S.SUBMITTED, S.WITHDRAWN, AUTHORS, "ideas", _("Withdraw")),
    Transition(S.PUBLISHED, S.WITHDRAWN, AUTHORS, "ideas", _("Withdraw")),
    # Review and selection, by leadership.
    Transition(S.PUBLISHED, S.UNDER_REVIEW, LEADERSHIP, "pipeline", _("Start review"), guard="voting_has_closed"),
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
    Transition(S.SELECTED, S.PILOTING, LEADERSHIP, "pilot", _("Publish a pilot"), guard="has_live_pilot"),
    Transition(S.PILOTING, S.ADOPTED, LEADERSHIP, "pilot", _("End the pilot: scaled up")),
    Transition(S.PILOTING, S.NOT_PURSUED, LEADERSHIP, "pilot", _("End the pilot: stopped"), note_required=True),
)

_BY_KEY = {transition.key: transition for transition in TRANSITIONS}


def find(source: str, target: str) -> Transition | None:
    return _BY_KEY.get((source, target))


def leaving(source: str, *, via: str | None = None) -> list[Transition]:
    """The moves out of ``source`` (only those made through ``via`` when given)."""
    return [t for t in TRANSITIONS if t.source == source and (via is None or t.via == via)]


def roles_for(via: str) -> frozenset[str]:
    """Every role that makes at least one move through ``via`` (the author excluded)."""
    return frozenset(role for t in TRANSITIONS if t.via == via for role in t.roles if role != AUTHOR)


def stage_label(stage: str) -> str:
    """The stage's name as people read it (the raw value for an unknown stage)."""
    return str(IdeaStage(stage).label) if stage in IdeaStage.values else stage


def allowed_sentence(source: str, *, via: str | None = None) -> str:
    """The sentence a refusal ends with: where an idea in ``source`` may go instead."""
    targets = [stage_label(t.target) for t in leaving(source, via=via)]
    if not targets:
        return str(gettext("Nothing may move an idea out of “%(stage)s” here.") % {"stage": stage_label(source)})
    return str(
        gettext("From “%(stage)s” it may move to: %(targets)s.")
        % {"stage": stage_label(source), "targets": ", ".join(f"“{t}”" for t in dict.fromkeys(targets))}
    )


def may_make(transition: Transition, user, idea=None) -> bool:
    """Whether ``user`` may make this move: as the idea's author where the move is the
    author's, or holding one of its roles (superusers hold every role)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if AUTHOR in transition.roles and idea is not None and idea.author_id == user.pk:
        return True
    held_by_roles = set(transition.roles) - {AUTHOR}
    if user.is_superuser and held_by_roles:
        return True  # superusers hold every role, but are not every idea's author
    return bool(held_by_roles & roles.user_roles(user))


def may_move(user, idea, target: str) -> bool:
    """Whether the table has a move from the idea's stage to ``target`` that ``user`` may make."""
    transition = find(getattr(idea, "stage", None), target)
    return transition is not None and may_make(transition, user, idea)
