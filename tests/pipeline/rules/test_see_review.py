"""Blind review: an evaluator sees the author and others' scores only after scoring;
open review shows them at once; leadership always."""

import pytest

from pipeline import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(evaluator, leadership, reviewed_challenge, criteria, idea_in):
    services.evaluator_assign(challenge=reviewed_challenge, evaluator=evaluator, actor=leadership)
    return idea_in("shortlisted")


def test_blind_before_and_after_scoring(who_may, setup, reviewed_challenge, evaluator, criteria):
    reviewed_challenge.blind_review = True
    reviewed_challenge.save()
    idea = setup
    assert who_may("pipeline.see_review", idea) == {"leadership"}
    services.evaluation_submit(idea=idea, evaluator=evaluator, scores={c.pk: 3 for c in criteria})
    assert who_may("pipeline.see_review", idea) == {"leadership", "evaluator"}


def test_open_review(who_may, setup):
    assert who_may("pipeline.see_review", setup) == {"leadership", "evaluator"}
