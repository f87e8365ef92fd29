import pytest

from ideas.models import Comment

from .conftest import MOMENTS, allowed

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("moment", list(MOMENTS))
def test_authors_remove_their_comment_in_any_phase(idea_of, people, moment):
    comment = Comment.objects.create(idea=idea_of(people["staff"]), author=people["resident"], body="<p>x</p>")
    assert allowed(people["resident"], "ideas.delete_comment", comment, moment)
    assert not allowed(people["staff"], "ideas.delete_comment", comment, moment)


def test_a_removed_or_hidden_comment_cannot_be_removed_again(idea_of, people):
    idea = idea_of(people["staff"])
    removed = Comment.objects.create(idea=idea, author=people["resident"], body="", is_deleted=True)
    hidden = Comment.objects.create(idea=idea, author=people["resident"], body="<p>x</p>", is_hidden=True)
    assert not allowed(people["resident"], "ideas.delete_comment", removed, "submission")
    assert not allowed(people["resident"], "ideas.delete_comment", hidden, "submission")
