import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("phase", ["voting", "review", "closed"])
def test_only_leadership_assigns_evaluators(who_may, phase):
    from tests.factories import ChallengeFactory

    assert who_may("pipeline.assign_evaluators", ChallengeFactory.create(phase)) == {"leadership"}
