"""Who hears about what, on the site and by email (Celery eager: the relay runs after commit)."""

import pytest
from django.core import mail

from ideas import services as idea_services
from ideas.models import Follow
from notifications.models import EmailState, Kind, Notification
from pipeline import services as pipeline_services
from tests.factories import IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_stage_change_tells_the_author_and_followers_but_not_who_moved_it(
    idea, author, follower, leadership, django_capture_on_commit_callbacks
):
    idea_in_review = IdeaFactory(
        challenge=idea.challenge,
        author=author,
        stage="under_review",
        title="Shade sails over the Linden Road playground",
    )
    idea_services.follow_add(follower=follower, idea=idea_in_review)
    idea_services.follow_add(follower=leadership, idea=idea_in_review)
    with django_capture_on_commit_callbacks(execute=True):
        pipeline_services.idea_shortlist(idea=idea_in_review, actor=leadership, note="Strong support from parents.")

    told = {n.recipient_id: n for n in Notification.objects.filter(event="idea.stage_changed")}
    assert set(told) == {author.pk, follower.pk}
    assert told[author.pk].kind == Kind.MY_IDEAS and told[author.pk].email_state == EmailState.SENT
    assert told[follower.pk].kind == Kind.FOLLOWED_IDEAS and told[follower.pk].email_state == EmailState.DAILY
    assert told[author.pk].url == idea_in_review.get_absolute_url()
    [email] = mail.outbox
    assert email.to == [author.email]
    assert "Shortlisted" in email.subject and "Shade sails" in email.subject
    assert "Strong support from parents." in email.body
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert email.extra_headers["List-Unsubscribe"].startswith("<http")
    assert email.alternatives[0].mimetype == "text/html"
    assert "example.com" not in email.body


def test_a_rejection_tells_the_author_the_moderators_message(
    home_page, author, moderator, django_capture_on_commit_callbacks
):
    from tests.factories import ChallengeFactory

    challenge = ChallengeFactory.create("submission", moderation_mode="pre", title="Quieter nights downtown")
    draft = IdeaFactory(challenge=challenge, author=author, stage="submitted", title="Ban leaf blowers at night")
    with django_capture_on_commit_callbacks(execute=True):
        idea_services.idea_reject(
            idea=draft, moderator=moderator, message="This is already city law; please report noise to 311."
        )
    notification = Notification.objects.get(recipient=author, event="idea.rejected")
    assert notification.data["message"] == "This is already city law; please report noise to 311."
    assert "already city law" in mail.outbox[0].body


def test_a_reply_tells_the_commenter_once_and_the_author_of_the_idea(
    idea, author, follower, django_capture_on_commit_callbacks
):
    neighbour = UserFactory(roles=["Residents"], display_name="Priya Nair")
    with django_capture_on_commit_callbacks(execute=True):
        first = idea_services.comment_post(idea=idea, author=follower, body="<p>Would buses still get through?</p>")
        idea_services.comment_post(
            idea=idea, author=neighbour, body="<p>Yes, the 14 uses Elm Street.</p>", parent=first
        )
    reply = Notification.objects.filter(event="comment.posted", message__payload__comment__isnull=False).order_by("id")
    kinds = {(n.recipient_id, n.kind) for n in reply if n.data["excerpt"].startswith("Yes")}
    assert kinds == {(follower.pk, Kind.REPLIES), (author.pk, Kind.COMMENTS_ON_MY_IDEAS)}


def test_an_author_follows_their_own_idea_and_is_not_told_of_their_own_submission(
    home_page, author, django_capture_on_commit_callbacks
):
    from tests.factories import ChallengeFactory

    challenge = ChallengeFactory.create("submission", title="Better bus stops")
    with django_capture_on_commit_callbacks(execute=True):
        new = idea_services.idea_create(
            challenge=challenge,
            author=author,
            title="Benches at every bus stop on Route 9",
            summary="Older riders need to sit.",
        )
    assert Follow.objects.filter(follower=author, idea=new).exists()
    assert not Notification.objects.filter(recipient=author).exists()
    assert mail.outbox == []
