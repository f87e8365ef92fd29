"""A resident follows an idea, leadership shortlists it, the resident sees the unread count,
opens the notification, and stops that kind of email through the link in the email."""

import re

from django.core import mail
from playwright.sync_api import expect

from accounts import roles
from notifications.models import EmailPreference, Frequency, Kind
from tests.e2e.test_pipeline_journey import move_on_board, sign_in
from tests.factories import ChallengeFactory, IdeaFactory, UserFactory


def sign_out(journey) -> None:
    journey.page.get_by_role("button", name="Sign out").click()


def test_a_follower_hears_of_a_shortlisting_and_unsubscribes_from_the_email(journey, home_page, settings):
    settings.WAGTAILADMIN_BASE_URL = journey.base_url  # links in emails point at this server
    challenge = ChallengeFactory.create("review", title="Safer walks to school")
    idea = IdeaFactory(
        challenge=challenge,
        stage="under_review",
        title="Lollipop crossing guards at Linden Road",
        summary="Volunteer crossing guards at the two busiest crossings before and after school.",
    )
    UserFactory(email="tomas.berg@example.org", roles=[roles.RESIDENTS], display_name="Tomas Berg")
    UserFactory(email="lena.okafor@city.example", roles=[roles.LEADERSHIP], display_name="Lena Okafor")
    page = journey.page

    # The resident follows the idea and asks for emails about followed ideas right away.
    sign_in(journey, "tomas.berg@example.org")
    journey.go(idea.get_absolute_url())
    page.get_by_role("button", name="Follow this idea").click()
    expect(page.get_by_role("button", name="Stop following")).to_be_visible()
    journey.check_a11y("idea followed")
    journey.go("/notifications/email/")
    page.get_by_role("group", name="Ideas I follow").get_by_label("Right away").check()
    page.get_by_role("button", name="Save my choices").click()
    expect(page.get_by_text("Your email choices are saved.")).to_be_visible()
    journey.check_a11y("email choices")
    sign_out(journey)

    # Leadership shortlists it on the board.
    sign_in(journey, "lena.okafor@city.example")
    journey.go(f"/admin/pipeline/board/{challenge.pk}/")
    move_on_board(page, idea.title, "Shortlisted", "Parents and the school back it strongly.")
    journey.go("/")
    sign_out(journey)

    # The resident sees one unread notification and opens it.
    sign_in(journey, "tomas.berg@example.org")
    bell = page.locator("a.bell")
    expect(bell).to_contain_text("Notifications")
    expect(bell.locator(".bell__count")).to_have_text("1")
    journey.check_a11y("home with unread count")
    bell.click()
    entry = page.get_by_role("link", name=f"“{idea.title}” moved to “Shortlisted”")
    expect(entry).to_be_visible()
    expect(page.get_by_text("Parents and the school back it strongly.")).to_be_visible()
    journey.check_a11y("notifications page")
    entry.click()
    page.wait_for_url(re.compile(rf".*/ideas/{idea.pk}/$"))
    expect(page.locator("a.bell .bell__count")).to_have_count(0)
    journey.check_a11y("idea page after reading")
    sign_out(journey)

    # The email came too; its link stops these emails without signing in.
    [email] = [m for m in mail.outbox if m.to == ["tomas.berg@example.org"]]
    assert "Shortlisted" in email.subject
    link = re.search(r"Stop these emails: (\S+)", email.body).group(1)
    page.goto(link)
    expect(page.get_by_text("Stop emails for “Ideas I follow”?")).to_be_visible()
    journey.check_a11y("unsubscribe")
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_text("you will no longer get emails for “Ideas I follow”")).to_be_visible()
    journey.check_a11y("unsubscribed")
    preference = EmailPreference.objects.get(user__email="tomas.berg@example.org", kind=Kind.FOLLOWED_IDEAS)
    assert preference.frequency == Frequency.NEVER
