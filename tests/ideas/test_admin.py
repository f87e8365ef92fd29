"""Leadership creates a challenge with phases in the Wagtail admin; moderators clear the queue."""

import pytest
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from ideas import services
from ideas.models import ChallengeIndexPage, ChallengePage, Comment, Flag, Idea
from tests.factories import ChallengeFactory, IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db


def _challenge_form(**overrides):
    data = {
        "title": "Quieter nights",
        "slug": "quieter-nights",
        "question": "How could our nights be quieter?",
        "summary": "Noise keeps people awake.",
        "body": streamfield([("paragraph", rich_text("<p>Tell us.</p>"))]),
        "sponsor": "Environment",
        "audience": "everyone",
        "ideas_open": "2030-01-01 09:00",
        "ideas_close": "2030-02-01 09:00",
        "voting_open": "2030-01-20 09:00",
        "voting_close": "2030-02-15 09:00",
        "review_end": "2030-03-01 09:00",
        "results_published": "2030-03-10 09:00",
        "voting_method": "support",
        "supports_per_person": "5",
        "moderation_mode": "pre",
        "suggested_tags": "Noise, Night",
        "free_tags": "on",
        "criteria": inline_formset(
            [{"name": "Impact", "description": "", "weight": "3"}, {"name": "Cost", "description": "", "weight": "1"}]
        ),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_leadership_creates_a_challenge_with_phases_and_criteria(client, home_page):
    index = ChallengeFactory.index()
    client.force_login(UserFactory(roles=["Leadership"]))
    url = f"/admin/pages/add/ideas/challengepage/{index.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, _challenge_form())
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    challenge = ChallengePage.objects.get(slug="quieter-nights")
    assert challenge.live and challenge.moderation_mode == "pre"
    assert [c.name for c in challenge.criteria.all()] == ["Impact", "Cost"]
    assert challenge.get_parent().specific_class is ChallengeIndexPage


def test_phases_out_of_order_are_refused_with_a_message(client, home_page):
    index = ChallengeFactory.index()
    client.force_login(UserFactory(roles=["Leadership"]))
    response = client.post(
        f"/admin/pages/add/ideas/challengepage/{index.pk}/", _challenge_form(voting_close="2030-01-25 09:00")
    )
    assert response.status_code == 200
    assert "Voting cannot close before ideas close." in response.content.decode()
    assert not ChallengePage.objects.filter(slug="quieter-nights").exists()


def test_moderator_clears_the_queue(client, home_page):
    moderator = UserFactory(roles=["Moderators"])
    held_challenge = ChallengeFactory.create("submission", moderation_mode="pre")
    author = UserFactory()
    held = services.idea_create(challenge=held_challenge, author=author, title="Held idea", summary="Waiting")
    reported = IdeaFactory(challenge=held_challenge, title="Reported idea")
    services.flag_add(reporter=UserFactory(), idea=reported, reason="spam")
    comment = services.comment_post(idea=reported, author=author, body="Rude words")
    services.flag_add(reporter=UserFactory(), comment=comment, reason="abuse")
    client.force_login(moderator)

    queue = client.get("/admin/snippets/ideas/idea/?queue=attention")
    assert queue.status_code == 200
    text = queue.content.decode()
    assert "Held idea" in text and "Reported idea" in text

    approve = f"/admin/moderation/idea/{held.pk}/approve/"
    assert client.get(approve).status_code == 200
    assert client.post(approve).status_code == 302
    restore = f"/admin/moderation/idea/{reported.pk}/restore/"
    assert client.post(restore).status_code == 302
    hide = f"/admin/moderation/comment/{comment.pk}/hide/"
    refused = client.post(hide, {"reason": ""})
    assert refused.status_code == 200 and "This field is required." in refused.content.decode()
    assert client.post(hide, {"reason": "Personal attack."}).status_code == 302

    assert Idea.objects.get(pk=held.pk).stage == "published"
    assert Comment.objects.get(pk=comment.pk).is_hidden
    assert not Flag.objects.filter(status="open").exists()
    client.get("/admin/snippets/ideas/idea/")  # shows (and so clears) the confirmation messages
    after = client.get("/admin/snippets/ideas/idea/?queue=attention").content.decode()
    assert "Held idea" not in after and "Reported idea" not in after
    actions = set(ModelLogEntry.objects.filter(user=moderator).values_list("action", flat=True))
    assert actions == {"greenlight.idea.approve", "greenlight.idea.restore", "greenlight.comment.hide"}


def test_residents_cannot_reach_the_moderation_actions(client, home_page):
    idea = IdeaFactory(challenge=ChallengeFactory.create("submission"))
    client.force_login(UserFactory(roles=["Residents"]))
    response = client.post(f"/admin/moderation/idea/{idea.pk}/hide/", {"reason": "Because"})
    assert response.status_code in (302, 403)
    assert not Idea.objects.get(pk=idea.pk).is_hidden
