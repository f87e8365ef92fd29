import pytest

from .conftest import allowed

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("moment", "expected"),
    [("before", False), ("submission", True), ("voting", False), ("review", False), ("closed", False)],
)
def test_a_draft_is_submitted_only_while_ideas_are_open(idea_of, people, moment, expected):
    draft = idea_of(people["resident"], stage="draft")
    assert allowed(people["resident"], "ideas.submit_idea", draft, moment) is expected


def test_only_the_author_submits_and_only_a_draft(idea_of, people):
    draft = idea_of(people["resident"], stage="draft")
    assert not allowed(people["staff"], "ideas.submit_idea", draft, "submission")
    published = idea_of(people["resident"])
    assert not allowed(people["resident"], "ideas.submit_idea", published, "submission")
