import pytest

from accounts import roles
from tests.factories import ChallengeFactory, IdeaFactory, UserFactory


@pytest.fixture
def leadership(db):
    return UserFactory(roles=[roles.LEADERSHIP], display_name="Lee Dership")


@pytest.fixture
def moderator(db):
    return UserFactory(roles=[roles.MODERATORS])


@pytest.fixture
def evaluator(db):
    return UserFactory(roles=[roles.EVALUATORS], display_name="Eve Valuator")


@pytest.fixture
def people(resident, moderator, evaluator, leadership):
    return {"resident": resident, "moderator": moderator, "evaluator": evaluator, "leadership": leadership}


@pytest.fixture
def reviewed_challenge(home_page):
    """A challenge whose voting has closed: ideas may go under review."""
    return ChallengeFactory.create("review")


@pytest.fixture
def idea_in(reviewed_challenge):
    """``idea_in("shortlisted")``: an idea of the reviewed challenge in that stage."""

    def make(stage: str = "published", **fields):
        return IdeaFactory(challenge=reviewed_challenge, stage=stage, **fields)

    return make


@pytest.fixture
def criteria(reviewed_challenge):
    from ideas.models import EvaluationCriterion

    impact = EvaluationCriterion.objects.create(challenge=reviewed_challenge, name="Impact", weight=2, sort_order=0)
    cost = EvaluationCriterion.objects.create(challenge=reviewed_challenge, name="Cost", weight=1, sort_order=1)
    return impact, cost
