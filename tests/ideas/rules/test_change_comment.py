from datetime import timedelta

import pytest

from ideas.models import Comment

from .conftest import MOMENTS, allowed

pytestmark = pytest.mark.django_db


def _comment(idea, author, moment):
    comment = Comment.objects.create(idea=idea, author=author, body="<p>Hi</p>")
    Comment.objects.filter(pk=comment.pk).update(created_at=MOMENTS[moment] - timedelta(minutes=5))
    comment.refresh_from_db()
    return comment


@pytest.mark.parametrize(
    ("moment", "expected"),
    [("before", True), ("submission", True), ("voting", True), ("review", True), ("closed", False)],
)
def test_authors_edit_a_fresh_comment_until_the_challenge_closes(idea_of, people, moment, expected):
    comment = _comment(idea_of(people["staff"]), people["resident"], moment)
    assert allowed(people["resident"], "ideas.change_comment", comment, moment) is expected


def test_the_edit_window_is_fifteen_minutes_and_for_the_author_only(idea_of, people):
    comment = _comment(idea_of(people["staff"]), people["resident"], "submission")
    assert not allowed(people["staff"], "ideas.change_comment", comment, "submission")
    Comment.objects.filter(pk=comment.pk).update(created_at=MOMENTS["submission"] - timedelta(minutes=16))
    comment.refresh_from_db()
    assert not allowed(people["resident"], "ideas.change_comment", comment, "submission")
