"""The in-site consumer of the outbox: who is told about each event, as one ``Notification``
per person (the consumer's deduplication key is the (message, recipient) pair), each marked
for email right away, in a digest or not at all by the person's preferences.

Recipients are read when the message is relayed and written in batches, so an event with
50,000 followers costs a bounded amount of memory. The acting person is never told of their
own action; a person told for several reasons hears once, for the most personal one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from ideas.models import ChallengePage, Comment, Follow, Idea, IdeaStage
from pipeline.models import PilotFollow, PilotMilestone, PilotPage, PilotUpdate

from .models import DEFAULT_FREQUENCY, EmailPreference, EmailState, Frequency, Kind, Notification, OutboxMessage

BATCH = 1000
EMAIL_STATE = {
    Frequency.IMMEDIATE: EmailState.PENDING,
    Frequency.DAILY: EmailState.DAILY,
    Frequency.WEEKLY: EmailState.WEEKLY,
    Frequency.NEVER: EmailState.NONE,
}


@dataclass
class Audience:
    """What to tell, where it links, and who hears it: (kind, ids) groups, most personal first."""

    data: dict
    url: str
    groups: list[tuple[str, Iterable[int]]] = field(default_factory=list)


def _idea(payload, key="idea") -> Idea | None:
    return Idea.objects.select_related("challenge").filter(pk=payload.get(key)).first()


def _idea_data(idea: Idea) -> dict:
    return {"idea": idea.title, "idea_id": idea.pk, "challenge": idea.challenge.title}


def _idea_followers(idea: Idea) -> Iterator[int]:
    return Follow.objects.filter(idea=idea).values_list("follower_id", flat=True).order_by("follower_id").iterator()


def _author_event(outbox_message: OutboxMessage, **extra) -> Audience | None:
    idea = _idea(outbox_message.payload)
    if idea is None:
        return None
    data = {**_idea_data(idea), **extra}
    return Audience(data=data, url=idea.get_absolute_url(), groups=[(Kind.MY_IDEAS, [idea.author_id])])


def idea_published(message):
    idea = _idea(message.payload)
    if idea is None or message.payload.get("actor") == idea.author_id:
        return None  # published at once by its author: nothing to tell
    return _author_event(message)


def idea_rejected(message):
    return _author_event(message, message=message.payload.get("message", ""))


def idea_hidden(message):
    return _author_event(message, reason=message.payload.get("reason", ""))


def idea_restored(message):
    return _author_event(message)


def idea_stage_changed(message):
    payload = message.payload
    if payload.get("to") == IdeaStage.MERGED:
        return None  # idea.merged tells it, with the idea it joined
    idea = _idea(payload)
    if idea is None:
        return None
    data = {**_idea_data(idea), "from": payload.get("from"), "to": payload.get("to"), "note": payload.get("note", "")}
    return Audience(
        data=data,
        url=idea.get_absolute_url(),
        groups=[(Kind.MY_IDEAS, [idea.author_id]), (Kind.FOLLOWED_IDEAS, _idea_followers(idea))],
    )


def idea_merged(message):
    source, target = _idea(message.payload, "source"), _idea(message.payload, "target")
    if source is None or target is None:
        return None
    data = {**_idea_data(target), "source": source.title}
    return Audience(
        data=data,
        url=target.get_absolute_url(),
        groups=[
            (Kind.MY_IDEAS, [source.author_id, target.author_id]),
            # The source's followers were carried over to the target by the merge.
            (Kind.FOLLOWED_IDEAS, _idea_followers(target)),
        ],
    )


def _comment(message) -> Comment | None:
    comment = Comment.objects.select_related("idea__challenge", "parent").filter(pk=message.payload.get("comment"))
    comment = comment.first()
    if comment is None or comment.is_hidden or comment.is_deleted or not comment.idea.is_public:
        return None
    return comment


def _comment_data(comment: Comment) -> dict:
    return {**_idea_data(comment.idea), "excerpt": comment.excerpt, "author": str(comment.author.public_name)}


def comment_posted(message):
    comment = _comment(message)
    if comment is None or comment.is_official:
        return None  # an official response is told as idea.responded
    groups = []
    if comment.parent_id and comment.parent and not comment.parent.is_deleted:
        groups.append((Kind.REPLIES, [comment.parent.author_id]))
    groups.append((Kind.COMMENTS_ON_MY_IDEAS, [comment.idea.author_id]))
    url = f"{comment.idea.get_absolute_url()}#comment-{comment.pk}"
    return Audience(data=_comment_data(comment), url=url, groups=groups)


def idea_responded(message):
    comment = _comment(message)
    if comment is None:
        return None
    url = f"{comment.idea.get_absolute_url()}#comment-{comment.pk}"
    return Audience(
        data=_comment_data(comment),
        url=url,
        groups=[(Kind.MY_IDEAS, [comment.idea.author_id]), (Kind.FOLLOWED_IDEAS, _idea_followers(comment.idea))],
    )


def _pilot(message) -> PilotPage | None:
    return PilotPage.objects.live().filter(pk=message.payload.get("pilot")).first()


def _pilot_audience(pilot: PilotPage, data: dict) -> Audience:
    followers = PilotFollow.objects.filter(pilot=pilot).values_list("follower_id", flat=True).order_by("follower_id")
    return Audience(
        data={"pilot": pilot.title, "pilot_id": pilot.pk, **data},
        url=pilot.get_url() or "",
        groups=[(Kind.FOLLOWED_PILOTS, followers.iterator())],
    )


def pilot_updated(message):
    pilot = _pilot(message)
    update = PilotUpdate.objects.filter(pk=message.payload.get("update")).first()
    if pilot is None or update is None:
        return None
    return _pilot_audience(pilot, {"update": update.title, "text": update.text[:500]})


def pilot_milestone_done(message):
    pilot = _pilot(message)
    milestone = PilotMilestone.objects.filter(pk=message.payload.get("milestone")).first()
    if pilot is None or milestone is None:
        return None
    return _pilot_audience(pilot, {"milestone": milestone.title})


def pilot_decided(message):
    pilot = _pilot(message)
    if pilot is None:
        return None
    return _pilot_audience(pilot, {"status": pilot.status, "decision": pilot.decision[:500]})


def _challenge_audience(message, kind: str, **extra) -> Audience | None:
    challenge = ChallengePage.objects.live().filter(pk=message.payload.get("challenge")).first()
    if challenge is None:
        return None
    followers = Follow.objects.filter(challenge=challenge).values_list("follower_id", flat=True)
    return Audience(
        data={"challenge": challenge.title, "challenge_id": challenge.pk, **extra},
        url=challenge.get_url() or "",
        groups=[(kind, followers.order_by("follower_id").iterator())],
    )


def challenge_phase_opened(message):
    return _challenge_audience(message, Kind.FOLLOWED_CHALLENGES, phase=message.payload.get("phase"))


def challenge_phase_closing(message):
    payload = message.payload
    return _challenge_audience(
        message, Kind.FOLLOWED_CHALLENGES, phase=payload.get("phase"), closes_at=payload.get("closes_at")
    )


def challenge_announcement(message):
    payload = message.payload
    return _challenge_audience(message, Kind.ANNOUNCEMENTS, subject=payload.get("subject"), body=payload.get("body"))


AUDIENCES = {
    "idea.published": idea_published,
    "idea.rejected": idea_rejected,
    "idea.hidden": idea_hidden,
    "idea.restored": idea_restored,
    "idea.stage_changed": idea_stage_changed,
    "idea.merged": idea_merged,
    "idea.responded": idea_responded,
    "comment.posted": comment_posted,
    "pilot.updated": pilot_updated,
    "pilot.milestone_done": pilot_milestone_done,
    "pilot.decided": pilot_decided,
    "challenge.phase_opened": challenge_phase_opened,
    "challenge.phase_closing": challenge_phase_closing,
    "challenge.announcement": challenge_announcement,
}


def _chunks(ids: Iterable[int], size: int) -> Iterator[list[int]]:
    iterator = iter(ids)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _email_states(user_ids: list[int], kind: str) -> dict[int, str]:
    """Each person's email state for ``kind``: their choice, or the default. People without
    an active account or an email address get no email."""
    User = get_user_model()
    reachable = set(User.objects.filter(pk__in=user_ids, is_active=True).exclude(email="").values_list("pk", flat=True))
    chosen = dict(EmailPreference.objects.filter(user_id__in=user_ids, kind=kind).values_list("user_id", "frequency"))
    default = DEFAULT_FREQUENCY[kind]
    return {pk: EMAIL_STATE[chosen.get(pk, default)] if pk in reachable else EmailState.NONE for pk in user_ids}


def notify(message: OutboxMessage) -> None:
    """The consumer: write one notification per person concerned, in batches."""
    handler = AUDIENCES.get(message.event)
    audience = handler(message) if handler else None
    if audience is None:
        return
    actor = message.payload.get("actor")
    created = timezone.now()
    wants_email = False
    for kind, ids in audience.groups:
        for chunk in _chunks(ids, BATCH):
            fresh = [pk for pk in dict.fromkeys(chunk) if pk and pk != actor]
            if not fresh:
                continue
            states = _email_states(fresh, kind)
            rows = [
                Notification(
                    recipient_id=pk,
                    message=message,
                    event=message.event,
                    kind=kind,
                    data=audience.data,
                    url=audience.url,
                    created_at=created,
                    email_state=state,
                )
                for pk, state in states.items()
            ]
            # A person already told for a more personal reason (an earlier group) is skipped
            # by the unique (message, recipient) key.
            Notification.objects.bulk_create(rows, ignore_conflicts=True)
            wants_email = wants_email or any(state == EmailState.PENDING for state in states.values())
    if wants_email:
        from .emails import kick_sender

        transaction.on_commit(kick_sender)
