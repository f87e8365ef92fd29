import pytest

from .conftest import allowed

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("moment", "expected"),
    [("before", True), ("submission", True), ("voting", True), ("review", True), ("closed", False)],
)
def test_city_staff_answer_officially_until_the_challenge_closes(idea_of, people, moment, expected):
    idea = idea_of(people["resident"])
    assert allowed(people["staff"], "ideas.post_official_response", idea, moment) is expected


@pytest.mark.parametrize("moment", ["submission", "review"])
def test_residents_and_moderators_do_not_answer_officially(idea_of, people, moment):
    idea = idea_of(people["resident"])
    assert not allowed(people["resident"], "ideas.post_official_response", idea, moment)
    assert not allowed(people["moderator"], "ideas.post_official_response", idea, moment)
