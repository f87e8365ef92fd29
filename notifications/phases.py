"""Challenge phases as events: beat compares each live challenge's dates with what the outbox
already holds, so each opening and each "closes in 2 days" is recorded exactly once (by key)."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ideas.models import ChallengePage

from .outbox import outbox_record

# A moment missed by more than this (beat stopped, a challenge published late) is not announced.
LATE_LIMIT = timedelta(days=2)
# Followers are reminded this long before ideas or voting close.
CLOSING_NOTICE = timedelta(days=2)


def openings(challenge: ChallengePage) -> list[tuple[str, object]]:
    """(phase, when it opens) for submission, voting, review (voting or ideas closed) and results."""
    has_voting = challenge.has_voting and challenge.voting_open and challenge.voting_close
    moments = [("submission", challenge.ideas_open)]
    if has_voting:
        moments.append(("voting", challenge.voting_open))
    moments.append(("review", challenge.voting_close if has_voting else challenge.ideas_close))
    moments.append(("results", challenge.results_published))
    return moments


def closings(challenge: ChallengePage) -> list[tuple[str, object, object]]:
    """(phase, when it opens, when it closes) for the phases people act in."""
    moments = [("submission", challenge.ideas_open, challenge.ideas_close)]
    if challenge.has_voting and challenge.voting_open and challenge.voting_close:
        moments.append(("voting", challenge.voting_open, challenge.voting_close))
    return moments


def record_due(*, now=None) -> int:
    """Record every phase opening and closing reminder that is due now and not yet recorded."""
    now = now or timezone.now()
    recorded = 0
    challenges = ChallengePage.objects.live().filter(
        Q(ideas_open__lte=now + CLOSING_NOTICE) & Q(results_published__gte=now - LATE_LIMIT)
    )
    for challenge in challenges.iterator(chunk_size=200):
        with transaction.atomic():
            for phase, opens_at in openings(challenge):
                if opens_at and opens_at <= now < opens_at + LATE_LIMIT:
                    message = outbox_record(
                        event="challenge.phase_opened",
                        payload={"challenge": challenge.pk, "phase": phase, "actor": None},
                        key=f"phase:{phase}_open:challenge:{challenge.pk}",
                    )
                    recorded += message.created_at >= now
            for phase, opens_at, closes_at in closings(challenge):
                if opens_at <= now and closes_at - CLOSING_NOTICE <= now < closes_at:
                    message = outbox_record(
                        event="challenge.phase_closing",
                        payload={
                            "challenge": challenge.pk,
                            "phase": phase,
                            "closes_at": closes_at.isoformat(),
                            "actor": None,
                        },
                        key=f"phase:{phase}_closing:challenge:{challenge.pk}",
                    )
                    recorded += message.created_at >= now
    return recorded
