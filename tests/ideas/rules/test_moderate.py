import pytest

from .conftest import MOMENTS, allowed

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("moment", list(MOMENTS))
def test_only_moderators_moderate_in_every_phase(idea_of, people, moment):
    idea = idea_of(people["resident"])
    assert allowed(people["moderator"], "ideas.moderate", idea, moment)
    assert not allowed(people["staff"], "ideas.moderate", idea, moment)
    assert not allowed(people["resident"], "ideas.moderate", idea, moment)
