import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("phase", ["submission", "voting", "review", "closed"])
def test_only_leadership_sees_the_board_in_every_phase(who_may, phase):
    from tests.factories import ChallengeFactory

    assert who_may("pipeline.view_board", ChallengeFactory.create(phase)) == {"leadership"}
