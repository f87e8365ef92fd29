"""A resident supports and withdraws, runs out of supports, and compares ten pairs."""

import re

from playwright.sync_api import expect

from tests.factories import PASSWORD, ChallengeFactory, IdeaFactory, UserFactory
from voting.models import PairwiseVote, Support


def _named(action: str, title: str):
    """A button's accessible name: the action, then the idea's title (visually hidden)."""
    return re.compile(rf"^{action}\s*:\s*{re.escape(title)}$")


def _sign_in(journey, email):
    page = journey.page
    journey.go("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(journey.base_url + "/")


def test_support_withdraw_cap_and_ten_pairs(journey, home_page):
    streets = ChallengeFactory.create("voting", title="Better streets", supports_per_person=2)
    _benches, trees, lights = (
        IdeaFactory(challenge=streets, title=title) for title in ("More benches", "Shade trees", "Softer lights")
    )
    parks = ChallengeFactory.create("voting", title="Parks for everyone", voting_method="pairwise")
    for title in ("Splash pad", "Night walks", "Dog meadow", "Reading corner", "Open-air gym"):
        IdeaFactory(challenge=parks, title=title)
    resident = UserFactory(roles=["Residents"])
    page = journey.page

    _sign_in(journey, resident.email)
    journey.go(streets.url)
    expect(page.get_by_text("2 of 2 supports left", exact=True)).to_be_visible()
    journey.check_a11y("support challenge")

    page.get_by_role("button", name=_named("Support", "More benches")).click()
    expect(page.get_by_text("You support “More benches”. 1 of 2 supports left.")).to_be_visible()
    journey.check_a11y("supported one")
    page.get_by_role("button", name=_named("Support", "Shade trees")).click()
    expect(page.get_by_text("0 of 2 supports left", exact=True)).to_be_visible()
    # The cap is reached: the third idea offers no button, only the reason.
    expect(page.get_by_role("button", name=_named("Support", "Softer lights"))).to_have_count(0)
    expect(page.get_by_text("You have used all your supports. Withdraw one to support this idea.")).to_be_visible()
    journey.check_a11y("cap reached")

    page.get_by_role("button", name=_named("Withdraw support", "More benches")).click()
    expect(page.get_by_text("You no longer support “More benches”. 1 of 2 supports left.")).to_be_visible()
    page.get_by_role("button", name=_named("Support", "Softer lights")).click()
    expect(page.get_by_text("0 of 2 supports left", exact=True)).to_be_visible()
    assert set(Support.objects.filter(voter=resident).values_list("idea", flat=True)) == {trees.pk, lights.pk}

    journey.go(f"/votes/challenges/{parks.pk}/compare/")
    expect(page.get_by_role("heading", name="Which idea is better?")).to_be_visible()
    journey.check_a11y("compare")
    for answered in range(10):
        expect(page.get_by_text(re.compile(rf"You have compared {answered} pairs?\."))).to_be_visible()
        choices = page.locator(".compare__choice")
        expect(choices).to_have_count(2)
        choices.nth(answered % 2).click()
    expect(page.get_by_text("You have compared every pair of ideas.")).to_be_visible()
    journey.check_a11y("every pair compared")
    assert PairwiseVote.objects.filter(voter=resident).count() == 10

    page.get_by_role("link", name="See the ranking so far").click()
    expect(page.get_by_role("heading", name="How the score is computed")).to_be_visible()
    expect(page.locator(".range-bar")).to_have_count(5)
    journey.check_a11y("ranking")
