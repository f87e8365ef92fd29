"""Turn the lower apps' named signals into outbox rows, inside their transactions.

Payloads hold ids, the acting person's id and small public facts (a stage, a public note,
a moderator's message to the author); never emails or who supported what.
"""

from ideas import signals as idea_signals
from ideas.models import IdeaStage
from pipeline import signals as pipeline_signals

from .outbox import outbox_record


def _actor(actor) -> int | None:
    return actor.pk if getattr(actor, "is_authenticated", False) else None


def _idea_event(event: str, idea, actor, **extra) -> None:
    outbox_record(
        event=event, payload={"idea": idea.pk, "challenge": idea.challenge_id, "actor": _actor(actor), **extra}
    )


def idea_submitted(sender, idea, actor=None, **kwargs):
    _idea_event("idea.submitted", idea, actor)
    _author_follows(idea)


def _author_follows(idea) -> None:
    """An author follows their own idea from the moment they submit it."""
    from ideas.models import Follow
    from ideas.services import follow_add

    if idea.author_id and not Follow.objects.filter(follower_id=idea.author_id, idea=idea).exists():
        follow_add(follower=idea.author, idea=idea)


def idea_published(sender, idea, actor=None, **kwargs):
    _idea_event("idea.published", idea, actor)


def idea_hidden(sender, idea, actor=None, reason="", **kwargs):
    if idea.stage == IdeaStage.WITHDRAWN:
        return  # idea.withdrawn says it
    if idea.stage == IdeaStage.REJECTED:
        _idea_event("idea.rejected", idea, actor, message=reason)
    else:
        _idea_event("idea.hidden", idea, actor, reason=reason)


def idea_restored(sender, idea, actor=None, **kwargs):
    _idea_event("idea.restored", idea, actor)


def idea_withdrawn(sender, idea, actor=None, **kwargs):
    _idea_event("idea.withdrawn", idea, actor)


def comment_posted(sender, comment, actor=None, **kwargs):
    idea = comment.idea
    base = {"comment": comment.pk, "parent": comment.parent_id}
    _idea_event("comment.posted", idea, actor, **base)
    if comment.is_official:
        _idea_event("idea.responded", idea, actor, **base)


def stage_changed(sender, idea, change, actor=None, **kwargs):
    _idea_event(
        "idea.stage_changed",
        idea,
        actor,
        change=change.pk,
        note=change.note,
        pilot=change.pilot_id,
        **{"from": change.from_stage, "to": change.to_stage},
    )


def idea_merged(sender, source, target, actor=None, **kwargs):
    outbox_record(
        event="idea.merged",
        payload={
            "idea": source.pk,
            "challenge": source.challenge_id,
            "actor": _actor(actor),
            "source": source.pk,
            "target": target.pk,
        },
    )


def pilot_started(sender, pilot, ideas=(), actor=None, **kwargs):
    outbox_record(
        event="pilot.started",
        payload={"pilot": pilot.pk, "ideas": [idea.pk for idea in ideas], "actor": _actor(actor)},
        key=f"pilot.started:pilot:{pilot.pk}",
    )


def pilot_published(sender, pilot, actor=None, **kwargs):
    outbox_record(
        event="pilot.published",
        payload={"pilot": pilot.pk, "actor": _actor(actor)},
        key=f"pilot.published:pilot:{pilot.pk}",
    )


def pilot_updated(sender, pilot, update, actor=None, **kwargs):
    outbox_record(
        event="pilot.updated",
        payload={"pilot": pilot.pk, "update": update.pk, "actor": _actor(actor)},
        key=f"pilot.updated:update:{update.pk}",
    )


def pilot_milestone_done(sender, pilot, milestone, actor=None, **kwargs):
    outbox_record(
        event="pilot.milestone_done",
        payload={"pilot": pilot.pk, "milestone": milestone.pk, "actor": _actor(actor)},
        key=f"pilot.milestone_done:milestone:{milestone.pk}",
    )


def pilot_decided(sender, pilot, actor=None, **kwargs):
    outbox_record(
        event="pilot.decided",
        payload={"pilot": pilot.pk, "decision": pilot.status, "actor": _actor(actor)},
        key=f"pilot.decided:pilot:{pilot.pk}",
    )


CONNECTIONS = [
    (idea_signals.idea_submitted, idea_submitted),
    (idea_signals.idea_published, idea_published),
    (idea_signals.idea_hidden, idea_hidden),
    (idea_signals.idea_restored, idea_restored),
    (idea_signals.idea_withdrawn, idea_withdrawn),
    (idea_signals.comment_posted, comment_posted),
    (pipeline_signals.stage_changed, stage_changed),
    (pipeline_signals.idea_merged, idea_merged),
    (pipeline_signals.pilot_started, pilot_started),
    (pipeline_signals.pilot_published, pilot_published),
    (pipeline_signals.pilot_updated, pilot_updated),
    (pipeline_signals.pilot_milestone_done, pilot_milestone_done),
    (pipeline_signals.pilot_decided, pilot_decided),
]


def connect() -> None:
    for signal, receiver in CONNECTIONS:
        signal.connect(receiver, dispatch_uid=f"notifications-outbox-{receiver.__name__}")
