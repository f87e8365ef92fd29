"""Scoring: an assigned evaluator, on a shortlisted idea (before: under review; after:
selected), never their own."""

import pytest

from pipeline import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def assigned(evaluator, leadership, reviewed_challenge):
    services.evaluator_assign(challenge=reviewed_challenge, evaluator=evaluator, actor=leadership)
    return evaluator


@pytest.mark.parametrize(
    ("stage", "allowed"), [("under_review", set()), ("shortlisted", {"evaluator"}), ("selected", set())]
)
def test_assigned_evaluators_score_shortlisted_ideas(who_may, idea_in, assigned, stage, allowed):
    assert who_may("pipeline.score_idea", idea_in(stage)) == allowed


def test_unassigned_evaluators_do_not(who_may, idea_in):
    assert who_may("pipeline.score_idea", idea_in("shortlisted")) == set()


def test_assignment_to_one_idea_covers_only_that_idea(who_may, idea_in, evaluator, leadership, reviewed_challenge):
    mine, other = idea_in("shortlisted"), idea_in("shortlisted")
    services.evaluator_assign(challenge=reviewed_challenge, evaluator=evaluator, actor=leadership, idea=mine)
    assert who_may("pipeline.score_idea", mine) == {"evaluator"}
    assert who_may("pipeline.score_idea", other) == set()


def test_not_their_own_idea(who_may, idea_in, assigned):
    assert who_may("pipeline.score_idea", idea_in("shortlisted", author=assigned)) == set()
