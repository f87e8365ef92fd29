"""Writes of the pipeline: moving ideas between stages, merging duplicates and pilots.

Every move is checked against :mod:`pipeline.transitions`, recorded as a :class:`StageChange`
and announced with :data:`pipeline.signals.stage_changed`, in one transaction. A refused
move raises :class:`TransitionRefused` whose message names what is allowed instead.

Stage moves, merges and pilot moves stay together: they share one transition check and one
``StageChange`` writer. Scorecards are written in :mod:`pipeline.evaluations` and offered
here too, so every caller writes through ``pipeline.services``.
"""

import logging
from datetime import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from accounts.models import User
from ideas.models import Follow, Idea, IdeaStage
from innovation.errors import Invalid, NotAllowed
from voting.services import supports_move

from . import signals, transitions
from .evaluations import evaluation_submit, evaluator_assign  # noqa: F401 (written through services)
from .models import (
    PilotFollow,
    PilotIdea,
    PilotIndexPage,
    PilotPage,
    PilotStatus,
    StageChange,
)
from .models.pilots import ENDED_STATUSES

logger = logging.getLogger(__name__)

VIA_LABELS = {
    "ideas": gettext_lazy("the idea's author or moderators"),
    "pipeline": gettext_lazy("leadership on the pipeline board"),
    "merge": gettext_lazy("merging it into another idea"),
    "pilot": gettext_lazy("publishing or ending its pilot"),
}


class TransitionRefused(Invalid):
    """A move the transition table does not allow, with the reason and what is allowed."""


def _check(
    *, idea: Idea, target: str, actor: User | None, note: str, via: str, now: datetime
) -> transitions.Transition:
    source = idea.stage
    transition = transitions.find(source, target)
    if transition is None:
        raise TransitionRefused(
            _("An idea cannot move from “%(source)s” to “%(target)s”. %(allowed)s")
            % {
                "source": transitions.stage_label(source),
                "target": transitions.stage_label(target),
                "allowed": transitions.allowed_sentence(source),
            }
        )
    if transition.via != via:
        raise TransitionRefused(
            _("Moving an idea from “%(source)s” to “%(target)s” is done by %(who)s. %(allowed)s")
            % {
                "source": transitions.stage_label(source),
                "target": transitions.stage_label(target),
                "who": VIA_LABELS[transition.via],
                "allowed": transitions.allowed_sentence(source, via=via),
            }
        )
    if actor is not None and not transitions.may_make(transition, actor, idea):
        raise TransitionRefused(
            _("Only %(roles)s may move an idea from “%(source)s” to “%(target)s”.")
            % {
                "roles": _(" or ").join(str(role) for role in transition.roles),
                "source": transitions.stage_label(source),
                "target": transitions.stage_label(target),
            }
        )
    if transition.note_required and not note.strip():
        raise TransitionRefused(
            _("Moving an idea to “%(target)s” needs a public note: residents read it on the idea's timeline.")
            % {"target": transitions.stage_label(target)}
        )
    refusal = transitions.guard_refusal(transition, idea, now)
    if refusal:
        raise TransitionRefused(refusal)
    return transition


def _move(
    *,
    idea: Idea,
    target: str,
    actor: User | None,
    note: str = "",
    via: str,
    related_idea: Idea | None = None,
    pilot: PilotPage | None = None,
) -> StageChange:
    """The one place that changes an idea's stage for pipeline; callers hold a transaction."""
    idea = Idea.objects.select_for_update().select_related("challenge").get(pk=idea.pk)
    now = timezone.now()
    _check(idea=idea, target=target, actor=actor, note=note, via=via, now=now)
    change = StageChange.objects.create(
        idea=idea,
        from_stage=idea.stage,
        to_stage=target,
        actor=actor,
        note=note.strip(),
        related_idea=related_idea,
        pilot=pilot,
        created_at=now,
    )
    idea.stage = target
    fields = ["stage", "updated_at"]
    if target == IdeaStage.MERGED:
        idea.merged_into = related_idea
        fields.append("merged_into")
    idea.save(update_fields=fields)
    if via != "merge":  # a merge writes its own audit entries
        log(
            instance=idea,
            action="pipeline.move",
            user=actor,
            data={"from": change.from_stage, "to": change.to_stage, "note": change.note},
        )
    signals.stage_changed.send(sender=Idea, idea=idea, change=change, actor=actor)
    return change


@transaction.atomic
def idea_review_start(*, idea: Idea, actor: User, note: str = "") -> StageChange:
    """Published -> under review, once the challenge's voting has closed."""
    return _move(idea=idea, target=IdeaStage.UNDER_REVIEW, actor=actor, note=note, via="pipeline")


@transaction.atomic
def idea_shortlist(*, idea: Idea, actor: User, note: str = "") -> StageChange:
    """Under review -> shortlisted: evaluators may now score it."""
    return _move(idea=idea, target=IdeaStage.SHORTLISTED, actor=actor, note=note, via="pipeline")


@transaction.atomic
def idea_select(*, idea: Idea, actor: User, note: str = "") -> StageChange:
    """Shortlisted -> selected: the city intends to pilot it."""
    return _move(idea=idea, target=IdeaStage.SELECTED, actor=actor, note=note, via="pipeline")


@transaction.atomic
def idea_not_pursue(*, idea: Idea, actor: User, note: str) -> StageChange:
    """Under review, shortlisted or selected -> not pursued, with the public reason."""
    return _move(idea=idea, target=IdeaStage.NOT_PURSUED, actor=actor, note=note, via="pipeline")


BOARD_MOVES = {
    IdeaStage.UNDER_REVIEW: idea_review_start,
    IdeaStage.SHORTLISTED: idea_shortlist,
    IdeaStage.SELECTED: idea_select,
    IdeaStage.NOT_PURSUED: idea_not_pursue,
}


@transaction.atomic
def idea_move(*, idea: Idea, target: str, actor: User, note: str = "") -> StageChange:
    """Any move leadership makes on the board; refuses moves other services make."""
    service = BOARD_MOVES.get(target)
    if service is None:
        return _move(idea=idea, target=target, actor=actor, note=note, via="pipeline")
    return service(idea=idea, actor=actor, note=note)


def ideas_move(*, ideas: list[Idea], target: str, actor: User, note: str = "") -> list[StageChange]:
    """Move several ideas at once: all of them, or none with every refusal named."""
    changes, refusals = [], []
    with transaction.atomic():
        for idea in ideas:
            try:
                with transaction.atomic():
                    changes.append(idea_move(idea=idea, target=target, actor=actor, note=note))
            except TransitionRefused as refusal:
                refusals.extend(f"{idea.title}: {message}" for message in refusal.messages)
        if refusals:
            transaction.set_rollback(True)
    if refusals:
        raise TransitionRefused(refusals)
    return changes


@transaction.atomic
def stage_record(*, idea: Idea, actor: User | None = None, note: str = "") -> StageChange | None:
    """Record on the timeline a move the ideas app made (submission, moderation,
    withdrawal), if the idea's stage differs from the last one recorded. Moves the
    transition table does not list as made by ``ideas`` are logged and not recorded."""
    idea = Idea.objects.select_for_update().get(pk=idea.pk)
    last = StageChange.objects.filter(idea=idea).exclude(from_stage=F("to_stage")).order_by("-created_at", "-id")
    previous = last.values_list("to_stage", flat=True).first() or IdeaStage.DRAFT
    if previous == idea.stage:
        return None
    transition = transitions.find(previous, idea.stage)
    if transition is None or transition.via != "ideas":
        logger.warning("Idea %s moved from %s to %s outside the transition table", idea.pk, previous, idea.stage)
        return None
    return StageChange.objects.create(
        idea=idea,
        from_stage=previous,
        to_stage=idea.stage,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        note=(note or "").strip(),
        created_at=timezone.now(),
    )


# Merge ----------------------------------------------------------------------------------
MERGE_TARGET_STAGES = (
    IdeaStage.PUBLISHED,
    IdeaStage.UNDER_REVIEW,
    IdeaStage.SHORTLISTED,
    IdeaStage.SELECTED,
    IdeaStage.PILOTING,
)


def _carry_followers(*, source: Idea, target: Idea) -> None:
    already = Follow.objects.filter(idea=target).values("follower_id")
    Follow.objects.filter(idea=source).exclude(follower_id__in=already).update(idea=target)
    Follow.objects.filter(idea=source).delete()
    Idea.objects.filter(pk=target.pk).update(follower_count=Follow.objects.filter(idea=target).count())
    Idea.objects.filter(pk=source.pk).update(follower_count=0)


@transaction.atomic
def idea_merge(*, source: Idea, target: Idea, actor: User, note: str = "") -> StageChange:
    """Merge duplicate ``source`` into ``target``: supporters (counted once) and followers
    move to ``target``; comments stay on ``source``, whose page then points to ``target``."""
    first, second = sorted([source.pk, target.pk])
    locked = {i.pk: i for i in Idea.objects.select_for_update().filter(pk__in=[first, second]).order_by("pk")}
    if source.pk == target.pk:
        raise TransitionRefused(_("An idea cannot be merged into itself."))
    source, target = locked[source.pk], locked[target.pk]
    if source.challenge_id != target.challenge_id:
        raise TransitionRefused(_("Only ideas of the same challenge can be merged."))
    if target.stage not in MERGE_TARGET_STAGES or target.is_hidden:
        raise TransitionRefused(
            _("“%(title)s” is “%(stage)s”; merge into an idea that is public and still in the pipeline.")
            % {"title": target.title, "stage": transitions.stage_label(target.stage)}
        )
    note = note.strip() or _("Merged into “%(title)s”, which proposes the same thing.") % {"title": target.title}
    # Refuse before anything moves: the transition table decides who may merge what.
    _check(idea=source, target=IdeaStage.MERGED, actor=actor, note=note, via="merge", now=timezone.now())
    supports_move(source=source, target=target)
    _carry_followers(source=source, target=target)
    change = _move(idea=source, target=IdeaStage.MERGED, actor=actor, note=note, via="merge", related_idea=target)
    StageChange.objects.create(
        idea=target,
        from_stage=target.stage,
        to_stage=target.stage,
        actor=actor,
        note=_("“%(title)s” was merged into this idea; its supporters and followers now count here.")
        % {"title": source.title},
        related_idea=source,
        created_at=change.created_at,
    )
    data = {"source": source.pk, "target": target.pk, "note": note}
    log(instance=source, action="pipeline.merge", user=actor, data=data)
    log(instance=target, action="pipeline.merge_into", user=actor, data=data)
    signals.idea_merged.send(sender=Idea, source=change.idea, target=target, actor=actor)
    return change


# Pilots ---------------------------------------------------------------------------------
def _unique_slug(index: PilotIndexPage, title: str) -> str:
    base = slugify(title)[:60] or "pilot"
    taken = set(index.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, counter = base, 2
    while slug in taken:
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


@transaction.atomic
def pilot_start(*, ideas: list[Idea], actor: User, title: str = "") -> PilotPage:
    """Create a draft pilot for selected ideas, for leadership to complete in the page editor.
    Publishing it later moves the ideas to "piloting"."""
    from .rules import may_start_pilot

    if not ideas:
        raise TransitionRefused(_("Choose at least one selected idea to pilot."))
    refusals = [
        _(
            "“%(title)s” is “%(stage)s”; only selected ideas can start a pilot. "
            "Move it to “Selected” first (select it and choose “Selected” under Move), then start the pilot."
        )
        % {"title": idea.title, "stage": transitions.stage_label(idea.stage)}
        for idea in ideas
        if idea.stage != IdeaStage.SELECTED
    ]
    if refusals:
        raise TransitionRefused(refusals)
    if not all(may_start_pilot(actor, idea) for idea in ideas):
        raise TransitionRefused(_("Only Leadership may start a pilot."))
    index = PilotIndexPage.objects.first()
    if index is None:
        raise TransitionRefused(_("Create the pilots page (a pilot index under the home page) first."))
    first = ideas[0]
    title = (title or first.title).strip()
    pilot = PilotPage(
        title=title,
        slug=_unique_slug(index, title),
        department=first.challenge.sponsor or _("City innovation team"),
        summary=first.summary[:300],
        status=PilotStatus.PLANNED,
        live=False,
        owner=actor,
        started_by=actor,
    )
    for idea in ideas:
        pilot.source_ideas.add(PilotIdea(idea=idea))
    index.add_child(instance=pilot)
    pilot.save_revision(user=actor, log_action=True)
    signals.pilot_started.send(sender=PilotPage, pilot=pilot, ideas=ideas, actor=actor)
    return pilot


@transaction.atomic
def pilot_sync_ideas(*, pilot: PilotPage, actor: User | None = None) -> list[StageChange]:
    """Bring the stages of a published pilot's ideas in line with it: published -> their
    selected ideas are piloting; scaled up -> adopted; stopped -> not pursued with the lesson."""
    changes = []
    ideas = Idea.objects.filter(pilot_links__page=pilot).order_by("pk")
    started = _("The pilot “%(title)s” has started.") % {"title": pilot.title}
    for idea in ideas:
        if idea.stage == IdeaStage.SELECTED:
            changes.append(
                _move(idea=idea, target=IdeaStage.PILOTING, actor=actor, note=started, via="pilot", pilot=pilot)
            )
            idea.stage = IdeaStage.PILOTING
        if idea.stage != IdeaStage.PILOTING or pilot.status not in ENDED_STATUSES:
            continue
        if pilot.status == PilotStatus.SCALED_UP:
            target, note = IdeaStage.ADOPTED, pilot.decision
        else:
            target, note = IdeaStage.NOT_PURSUED, pilot.lessons
        changes.append(_move(idea=idea, target=target, actor=actor, note=note, via="pilot", pilot=pilot))
    return changes


@transaction.atomic
def pilot_announce(*, pilot: PilotPage, actor: User | None = None) -> None:
    """Announce a published pilot: the publication, each update, each milestone done and the
    final decision. Sent on every publication; listeners recognise what they already
    announced by the update's, milestone's or pilot's id."""
    signals.pilot_published.send(sender=PilotPage, pilot=pilot, actor=actor)
    for update in pilot.updates.order_by("date", "pk"):
        signals.pilot_updated.send(sender=PilotPage, pilot=pilot, update=update, actor=actor)
    for milestone in pilot.milestones.filter(done_on__isnull=False).order_by("done_on", "pk"):
        signals.pilot_milestone_done.send(sender=PilotPage, pilot=pilot, milestone=milestone, actor=actor)
    if pilot.status in ENDED_STATUSES:
        signals.pilot_decided.send(sender=PilotPage, pilot=pilot, actor=actor)


def pilot_follow_add(*, follower: User, pilot: PilotPage) -> PilotFollow:
    """Follow a published pilot (idempotent), to hear of its updates, milestones and decision."""
    if not follower.has_perm("pipeline.follow_pilot", pilot):
        raise NotAllowed(_("Sign in to follow."), code="sign_in")
    with transaction.atomic():
        follow, _created = PilotFollow.objects.get_or_create(follower=follower, pilot=pilot)
    return follow


def pilot_follow_remove(*, follower: User, pilot: PilotPage) -> None:
    """Stop following a pilot (idempotent)."""
    with transaction.atomic():
        PilotFollow.objects.filter(follower=follower, pilot=pilot).delete()
