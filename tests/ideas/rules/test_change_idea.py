import pytest

from .conftest import allowed

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("moment", "expected"),
    [("before", False), ("submission", True), ("voting", False), ("review", False), ("closed", False)],
)
def test_authors_edit_their_open_idea_while_ideas_are_open(idea_of, people, moment, expected):
    idea = idea_of(people["resident"])
    assert allowed(people["resident"], "ideas.change_idea", idea, moment) is expected


def test_nobody_else_edits_and_nobody_edits_an_idea_under_review(idea_of, people):
    idea = idea_of(people["resident"])
    assert not allowed(people["staff"], "ideas.change_idea", idea, "submission")
    assert not allowed(people["moderator"], "ideas.change_idea", idea, "submission")
    reviewed = idea_of(people["resident"], stage="under_review")
    assert not allowed(people["resident"], "ideas.change_idea", reviewed, "submission")
