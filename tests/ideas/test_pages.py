import pytest

from ideas import services
from tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db


def test_challenge_page_lists_public_ideas_but_not_others_drafts(client, challenge, author):
    IdeaFactory(challenge=challenge, title="Benches in the shade")
    IdeaFactory(challenge=challenge, title="A secret draft", stage="draft", published_at=None)
    response = client.get(challenge.url)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Benches in the shade" in text
    assert "A secret draft" not in text
    assert "Give us something we have never thought about" in text


def test_resident_submits_an_idea_through_the_form(client, challenge, author):
    client.force_login(author)
    response = client.post(
        f"/ideas/new/{challenge.pk}/",
        {
            "title": "Night buses on Sundays",
            "summary": "Late buses so people get home safely.",
            "body": "First paragraph\n\n- one\n- two",
            "suggested_tags": ["safety"],
            "other_tags": "transport",
            "action": "submit",
        },
    )
    assert response.status_code == 302
    idea = author.ideas.get()
    assert idea.stage == "published"
    assert sorted(tag.name for tag in idea.tags.all()) == ["safety", "transport"]
    assert idea.body == "<p>First paragraph</p><ul><li>one</li><li>two</li></ul>"
    page = client.get(response["Location"])
    assert "Night buses on Sundays" in page.content.decode()


def test_idea_detail_shows_thread_and_hides_removed_text(client, challenge, author, staff_member):
    idea = IdeaFactory(challenge=challenge)
    top = services.comment_post(idea=idea, author=author, body="Great idea")
    reply = services.comment_post(
        idea=idea, author=staff_member, body="We are looking at it", parent=top, official=True
    )
    services.comment_post(idea=idea, author=author, body="Thanks!", parent=reply)
    services.comment_delete(comment=top, actor=author)
    text = client.get(idea.get_absolute_url()).content.decode()
    assert "Comment removed by its author." in text
    assert "Great idea" not in text
    assert "Official response" in text
    assert "Thanks!" in text


def test_merged_idea_redirects_to_its_target_with_a_notice(client, challenge):
    target = IdeaFactory(challenge=challenge, title="The bigger idea")
    merged = IdeaFactory(challenge=challenge, stage="merged", merged_into=target)
    response = client.get(merged.get_absolute_url(), follow=True)
    assert response.redirect_chain[-1][0] == target.get_absolute_url()
    assert "was merged into this idea" in response.content.decode()


def test_someone_elses_draft_is_not_found(client, challenge, author):
    draft = IdeaFactory(challenge=challenge, stage="draft", published_at=None)
    client.force_login(author)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_private_challenge_stays_private(client, challenge):
    from wagtail.models import PageViewRestriction

    IdeaFactory(challenge=challenge, title="Behind the login")
    PageViewRestriction.objects.create(page=challenge.get_parent(), restriction_type="login")
    response = client.get(challenge.url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_bad_photo_is_refused_on_the_form_and_nothing_is_stored(client, challenge, author):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images import get_image_model

    client.force_login(author)
    response = client.post(
        f"/ideas/new/{challenge.pk}/",
        {
            "title": "Idea with an SVG",
            "summary": "Look at my drawing",
            "photo": SimpleUploadedFile("drawing.jpg", b"<svg><script>alert(1)</script></svg>"),
            "photo_alt": "A drawing",
            "action": "submit",
        },
    )
    assert response.status_code == 400
    assert "JPEG, PNG or WebP" in response.content.decode()
    assert not author.ideas.exists()
    assert not get_image_model().objects.exists()


def test_too_many_ideas_in_an_hour_get_a_friendly_message(client, challenge, author, settings):
    settings.GREENLIGHT_IDEAS_PER_HOUR = 1
    client.force_login(author)
    data = {"title": "One", "summary": "First", "action": "submit"}
    assert client.post(f"/ideas/new/{challenge.pk}/", data).status_code == 302
    response = client.post(f"/ideas/new/{challenge.pk}/", {**data, "title": "Two"})
    assert response.status_code == 429
    assert "Please wait a while before adding another." in response.content.decode()
    assert author.ideas.count() == 1


def test_challenge_index_groups_challenges_by_phase_and_home_features_open_ones(client, home_page):
    from tests.factories import ChallengeFactory

    ChallengeFactory.create("submission", title="Open now")
    ChallengeFactory.create("closed", title="Long gone")
    index = ChallengeFactory.index()
    index.save_revision().publish()
    text = client.get(index.url).content.decode()
    assert text.index("Open for ideas") < text.index("Open now") < text.index("Closed") < text.index("Long gone")
    home = client.get("/").content.decode()
    assert "Open now" in home and "Long gone" not in home


def test_only_the_author_sees_and_submits_a_draft(client, challenge, author):
    client.force_login(author)
    client.post(f"/ideas/new/{challenge.pk}/", {"title": "Half an idea", "summary": "Later", "action": "draft"})
    draft = author.ideas.get()
    assert draft.stage == "draft"
    assert "Half an idea" not in client.get(challenge.url).content.decode()
    assert "Half an idea" in client.get("/ideas/mine/").content.decode()
    client.post(f"/ideas/{draft.pk}/submit/")
    draft.refresh_from_db()
    assert draft.stage == "published"


def test_author_edits_a_comment_within_fifteen_minutes_then_removes_it(client, challenge, author):
    from datetime import timedelta

    import time_machine

    idea = IdeaFactory(challenge=challenge)
    client.force_login(author)
    client.post(f"/ideas/{idea.pk}/comments/", {"body": "Frist!"})
    comment = idea.comments.get()
    client.post(f"/ideas/comments/{comment.pk}/edit/", {"body": "First!"})
    comment.refresh_from_db()
    assert comment.body == "<p>First!</p>" and comment.edited_at
    with time_machine.travel(comment.created_at + timedelta(minutes=16)):
        assert client.get(f"/ideas/comments/{comment.pk}/edit/").status_code == 403
        assert client.post(f"/ideas/comments/{comment.pk}/edit/", {"body": "Late"}).status_code == 403
    client.post(f"/ideas/comments/{comment.pk}/delete/")
    text = client.get(idea.get_absolute_url()).content.decode()
    assert "Comment removed by its author." in text and "First!" not in text


def test_author_withdraws_an_idea_from_its_page(client, challenge, author):
    idea = IdeaFactory(challenge=challenge, author=author, title="Second thoughts")
    client.force_login(author)
    assert "Withdraw idea" in client.get(idea.get_absolute_url()).content.decode()
    response = client.post(f"/ideas/{idea.pk}/withdraw/", follow=True)
    assert "Your idea is withdrawn." in response.content.decode()
    assert "Second thoughts" not in client.get(challenge.url).content.decode()


def test_challenge_page_filters_by_tag_and_district_and_sorts(client, challenge, author):
    from tests.factories import DistrictFactory

    harbour = DistrictFactory(name="Harbour", slug="harbour")
    tagged = services.idea_create(
        challenge=challenge, author=author, title="Tagged idea", summary="S", tags=["Parks"], district=harbour
    )
    IdeaFactory(challenge=challenge, title="Plain idea", comment_count=9)
    secret = IdeaFactory(challenge=challenge, title="Secret draft", stage="draft")
    secret.tags.add("hush")
    page = client.get(challenge.url).content.decode()
    assert 'value="parks"' in page and "hush" not in page
    by_tag = client.get(challenge.url + "?tag=parks").content.decode()
    assert tagged.title in by_tag and "Plain idea" not in by_tag
    by_district = client.get(challenge.url + "?district=harbour").content.decode()
    assert tagged.title in by_district and "Plain idea" not in by_district
    discussed = client.get(challenge.url + "?sort=discussed").content.decode()
    assert discussed.index("Plain idea") < discussed.index(tagged.title)
