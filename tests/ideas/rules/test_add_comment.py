import pytest
from django.contrib.auth.models import AnonymousUser

from .conftest import allowed

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("moment", "expected"),
    [("before", True), ("submission", True), ("voting", True), ("review", True), ("closed", False)],
)
def test_participants_comment_until_the_challenge_closes(idea_of, people, moment, expected):
    idea = idea_of(people["staff"])
    assert allowed(people["resident"], "ideas.add_comment", idea, moment) is expected


def test_unverified_anonymous_and_hidden_ideas_get_no_comments(idea_of, people):
    idea = idea_of(people["staff"])
    assert not allowed(people["unverified"], "ideas.add_comment", idea, "submission")
    assert not allowed(AnonymousUser(), "ideas.add_comment", idea, "submission")
    hidden = idea_of(people["staff"], is_hidden=True)
    assert not allowed(people["resident"], "ideas.add_comment", hidden, "submission")
