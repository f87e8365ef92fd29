"""A moderator clears the queue in the Wagtail admin: approves a held idea and hides a
reported comment with a public reason, which residents then see."""

import pytest
from playwright.sync_api import expect

from ideas import services
from ideas.models import Comment, Idea
from tests.factories import PASSWORD, ChallengeFactory, IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_moderator_clears_the_queue(journey, home_page):
    challenge = ChallengeFactory.create("submission", moderation_mode="pre", title="Quiet streets")
    author = UserFactory(display_name="Ali A.")
    held = services.idea_create(challenge=challenge, author=author, title="Sleeping policemen", summary="Humps")
    idea = IdeaFactory(challenge=challenge, author=author, title="Night buses")
    comment = services.comment_post(idea=idea, author=UserFactory(), body="You are all idiots.")
    services.flag_add(reporter=author, comment=comment, reason="abuse")
    moderator = UserFactory(roles=["Moderators"])
    page = journey.page

    journey.go("/accounts/login/?next=/admin/")
    page.get_by_label("Email").fill(moderator.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url("**/admin/")

    page.get_by_role("button", name="Moderation").click()
    page.get_by_role("link", name="Ideas").click()  # the menu opens the queue on "Needs attention"
    expect(page.get_by_text("Sleeping policemen")).to_be_visible()
    expect(page.get_by_role("link", name="Night buses")).to_have_count(0)
    journey.check_a11y("idea queue")
    page.get_by_role("link", name="Approve and publish").click()
    journey.check_a11y("approve")
    page.get_by_role("button", name="Approve", exact=True).click()
    expect(page.get_by_text("Done: Approve and publish — “Sleeping policemen”.")).to_be_visible()
    expect(page.get_by_role("link", name="Approve and publish")).to_have_count(0)

    journey.go("/admin/snippets/ideas/comment/?queue=reported")
    page.get_by_role("link", name="Hide with a public reason").click()
    page.get_by_label("Reason").fill("Personal attacks are not allowed.")
    page.get_by_role("button", name="Hide", exact=True).click()
    expect(page.get_by_text("Done: Hide with a public reason")).to_be_visible()

    assert Idea.objects.get(pk=held.pk).stage == "published"
    assert Comment.objects.get(pk=comment.pk).is_hidden
    journey.go(idea.get_absolute_url())
    expect(page.get_by_text("Personal attacks are not allowed.")).to_be_visible()
    expect(page.get_by_text("You are all idiots.")).to_have_count(0)
    journey.check_a11y("idea after moderation")
