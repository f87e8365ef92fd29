import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("phase", ["voting", "review", "closed"])
def test_moderators_and_leadership_merge_in_every_phase(who_may, phase):
    from tests.factories import ChallengeFactory, IdeaFactory

    idea = IdeaFactory(challenge=ChallengeFactory.create(phase))
    assert who_may("pipeline.merge_idea", idea) == {"moderator", "leadership"}
