"""An author edits an idea while others act on it: supports, reports and moderators' decisions
that land between the moment the form (or API client) loaded the idea and the save survive."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ideas import services
from ideas.models import Comment, Idea
from tests.factories import ChallengeFactory, IdeaFactory, UserFactory
from voting.services import support_add

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_challenge(home_page):
    """Ideas still open and voting already open: editing and supporting overlap."""
    return ChallengeFactory.create(**ChallengeFactory.dates_for("submission", now=timezone.now() - timedelta(days=7)))


@pytest.fixture
def idea(open_challenge):
    return IdeaFactory(
        challenge=open_challenge,
        author=UserFactory(roles=["Residents"]),
        title="Shade sails over the Riverside playground",
        summary="The slide gets too hot to touch from June to August.",
    )


def test_a_support_landing_while_the_author_edits_is_kept(idea):
    loaded = Idea.objects.get(pk=idea.pk)  # what the edit form or API view loaded
    support_add(voter=UserFactory(), idea=idea)

    services.idea_update(idea=loaded, actor=idea.author, summary="The slide burns children's hands in summer.")

    idea.refresh_from_db()
    assert idea.summary == "The slide burns children's hands in summer."
    assert idea.support_count == 1


def test_a_moderators_hide_landing_while_the_author_edits_is_kept(idea):
    loaded = Idea.objects.get(pk=idea.pk)
    services.idea_hide(idea=idea, moderator=UserFactory(roles=["Moderators"]), reason="Personal details in the text.")

    services.idea_update(idea=loaded, actor=idea.author, title="Shade sails for the playground by the river")

    idea.refresh_from_db()
    assert idea.is_hidden
    assert idea.hidden_reason == "Personal details in the text."
    assert idea.title == "Shade sails for the playground by the river"


def test_an_idea_withdrawn_meanwhile_is_not_changed(idea):
    loaded = Idea.objects.get(pk=idea.pk)
    services.idea_withdraw(idea=idea, actor=idea.author)

    with pytest.raises(Exception, match="can no longer be changed"):
        services.idea_update(idea=loaded, actor=idea.author, title="Shade sails, revised")

    idea.refresh_from_db()
    assert idea.stage == "withdrawn"
    assert idea.title == "Shade sails over the Riverside playground"


def test_a_comment_hidden_meanwhile_cannot_be_edited_or_removed_twice(idea):
    comment = services.comment_post(idea=idea, author=UserFactory(), body="<p>Sails fade; trees last longer.</p>")
    loaded = Comment.objects.get(pk=comment.pk)
    services.comment_hide(comment=comment, moderator=UserFactory(roles=["Moderators"]), reason="Off topic.")

    with pytest.raises(Exception, match="can no longer be edited"):
        services.comment_edit(comment=loaded, actor=comment.author, body="<p>Plant trees instead.</p>")
    with pytest.raises(Exception, match="cannot be removed"):
        services.comment_delete(comment=loaded, actor=comment.author)

    idea.refresh_from_db()
    assert idea.comment_count == 0
    assert Comment.objects.get(pk=comment.pk).body == "<p>Sails fade; trees last longer.</p>"
