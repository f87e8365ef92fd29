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
