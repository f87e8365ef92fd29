import pytest

from .conftest import MOMENTS, allowed

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("moment", list(MOMENTS))
def test_authors_withdraw_an_open_idea_in_any_phase(idea_of, people, moment):
    idea = idea_of(people["resident"])
    assert allowed(people["resident"], "ideas.withdraw_idea", idea, moment)
    assert not allowed(people["moderator"], "ideas.withdraw_idea", idea, moment)


@pytest.mark.parametrize("moment", ["submission", "review", "closed"])
def test_an_idea_the_city_works_on_cannot_be_withdrawn(idea_of, people, moment):
    idea = idea_of(people["resident"], stage="shortlisted")
    assert not allowed(people["resident"], "ideas.withdraw_idea", idea, moment)
