"""Moves made by the ideas app's services reach the timeline through its signals."""

import pytest

from ideas import signals as idea_signals
from ideas.models import Idea
from pipeline.selectors import idea_timeline

pytestmark = pytest.mark.django_db


def _send(signal, idea, stage, actor, **kwargs):
    """What an ideas service does: write the stage, then announce it."""
    Idea.objects.filter(pk=idea.pk).update(stage=stage)
    idea.stage = stage
    signal.send(sender=Idea, idea=idea, actor=actor, **kwargs)


def test_submission_approval_and_withdrawal_are_recorded(idea_in, moderator):
    idea = idea_in("draft")
    _send(idea_signals.idea_submitted, idea, "submitted", idea.author)
    _send(idea_signals.idea_published, idea, "published", moderator)
    _send(idea_signals.idea_withdrawn, idea, "withdrawn", idea.author)
    steps = [(s.from_stage, s.to_stage, s.actor) for s in idea_timeline(idea=idea)]
    assert steps == [
        ("draft", "submitted", idea.author),
        ("submitted", "published", moderator),
        ("published", "withdrawn", idea.author),
    ]


def test_rejection_keeps_the_moderators_reason_as_the_note(idea_in, moderator):
    idea = idea_in("draft")
    _send(idea_signals.idea_submitted, idea, "submitted", idea.author)
    _send(idea_signals.idea_hidden, idea, "rejected", moderator, reason="Duplicates an existing city service.")
    last = idea_timeline(idea=idea)[-1]
    assert (last.to_stage, last.note) == ("rejected", "Duplicates an existing city service.")


def test_hiding_without_a_stage_change_records_nothing(idea_in, moderator):
    idea = idea_in("draft")
    _send(idea_signals.idea_published, idea, "published", idea.author)
    Idea.objects.filter(pk=idea.pk).update(is_hidden=True)
    idea_signals.idea_hidden.send(sender=Idea, idea=idea, actor=moderator, reason="Spam")
    assert [s.to_stage for s in idea_timeline(idea=idea)] == ["published"]


def test_moves_the_table_does_not_give_to_ideas_are_not_recorded(idea_in, moderator):
    idea = idea_in("draft")
    _send(idea_signals.idea_published, idea, "adopted", moderator)
    assert idea_timeline(idea=idea) == []
