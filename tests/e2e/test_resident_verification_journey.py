"""A resident is refused a vote where only verified residents may vote, enters the code the
city sent (with the keyboard, a typo first), and supports the idea."""

import re

from playwright.sync_api import expect

from tests.factories import PASSWORD, ChallengeFactory, IdeaFactory, UserFactory, issue_resident_codes
from voting.models import Support


def test_refused_then_enters_the_code_then_supports(journey, home_page):
    streets = ChallengeFactory.create("voting", title="Better streets", residents_must_verify=True)
    crossing = IdeaFactory(challenge=streets, title="Raised crossing outside Elm Street school")
    issue_resident_codes(streets, "ELM-4821-KQ")
    resident = UserFactory(email="amira.khan@example.org", roles=["Residents"])
    page = journey.page

    journey.go("/accounts/login/")
    page.get_by_label("Email").fill(resident.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(journey.base_url + "/")

    journey.go(streets.url)
    expect(
        page.get_by_text("Only verified residents may vote in this challenge. Enter the code the city sent you.")
    ).to_be_visible()
    expect(page.get_by_role("button", name=re.compile(r"^Support\s*:"))).to_have_count(0)
    journey.check_a11y("refused")

    page.get_by_role("link", name="Verify as a resident", exact=True).click()
    expect(page.get_by_role("heading", name="Verify as a resident")).to_be_visible()
    expect(page.get_by_label("Challenge")).to_have_value(str(streets.pk))
    journey.check_a11y("code page")

    code = page.get_by_label("Your code")
    code.fill("ELM-4812-KQ")
    code.press("Enter")
    expect(page.get_by_text("This code does not work for this challenge.")).to_be_visible()
    journey.check_a11y("wrong code")

    page.get_by_label("Your code").fill("elm 4821 kq")
    page.get_by_label("Your code").press("Enter")
    page.wait_for_url(re.compile(re.escape(journey.base_url + streets.url)))
    expect(page.get_by_text("You are verified as a resident for “Better streets”. You can vote now.")).to_be_visible()
    journey.check_a11y("verified")

    support = page.get_by_role("button", name=re.compile(rf"^Support\s*:\s*{re.escape(crossing.title)}$"))
    support.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text(f"You support “{crossing.title}”.")).to_be_visible()
    assert Support.objects.filter(voter=resident, idea=crossing).exists()
