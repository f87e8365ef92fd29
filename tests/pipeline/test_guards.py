"""Nothing leaves "published" for review before the challenge's voting closes."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from pipeline import services
from tests.factories import ChallengeFactory, IdeaFactory

pytestmark = pytest.mark.django_db


def test_review_waits_for_voting_to_close(leadership):
    now = timezone.now()
    challenge = ChallengeFactory.create("voting")
    idea = IdeaFactory(challenge=challenge)
    with (
        time_machine.travel(challenge.voting_close - timedelta(minutes=1), tick=False),
        pytest.raises(services.TransitionRefused, match="Review can start once voting closes"),
    ):
        services.idea_review_start(idea=idea, actor=leadership)
    with time_machine.travel(challenge.voting_close + timedelta(minutes=1), tick=False):
        change = services.idea_review_start(idea=idea, actor=leadership, note="The jury meets in March.")
    assert change.to_stage == "under_review"
    assert now < challenge.voting_close


def test_review_of_a_challenge_without_voting_waits_for_submissions_to_close(leadership):
    challenge = ChallengeFactory.create("submission", voting_method="none", voting_open=None, voting_close=None)
    idea = IdeaFactory(challenge=challenge)
    with pytest.raises(services.TransitionRefused, match="Review can start once voting closes"):
        services.idea_review_start(idea=idea, actor=leadership)
    with time_machine.travel(challenge.ideas_close + timedelta(seconds=1), tick=False):
        assert services.idea_review_start(idea=idea, actor=leadership).to_stage == "under_review"
