"""Supporting, reporting and comparing update the page in place: on a phone, a resident far
down a long list of ideas supports one and stays where they were; a voter compares ten pairs
without the page ever reloading and is offered a pause."""

import re

from playwright.sync_api import expect

from ideas.models import Flag
from tests.factories import PASSWORD, ChallengeFactory, IdeaFactory, UserFactory
from voting.models import PairwiseVote, Support

STREET_IDEAS = [
    ("Benches along Harbour Road", "Older residents cannot walk the whole road without a place to rest."),
    ("Shade trees on Mill Street", "The bus stop on Mill Street has no shade and is unbearable in July."),
    ("Softer street lights in Oakfield", "The new lights are so harsh that people keep their curtains shut."),
    ("Safe crossing at the school gate", "Parents dodge cars every morning at the Elm Lane school gate."),
    ("Bike racks at the library", "Bikes are chained to the railings because there is nowhere else."),
    ("Drinking fountain in Central Square", "Refill bottles instead of buying water on hot market days."),
    ("Wider pavement on Station Hill", "Two buggies cannot pass each other on the way to the station."),
    ("Quiet hours for leaf blowers", "Early Saturday leaf blowers wake the whole street."),
    ("Bus shelter with a real-time board", "People miss the 42 because they cannot see when it comes."),
    ("Night bus to the hospital", "Shift workers have no way home after a late shift."),
    ("Play street on Sundays", "Close Cedar Road to cars on Sunday afternoons so children can play."),
    ("Public toilets by the river path", "Families leave the river path early because there is no toilet."),
]


def _sign_in(journey, email):
    page = journey.page
    journey.go("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(journey.base_url + "/")


def _mark_page(page):
    """A flag that only survives as long as the page is not reloaded."""
    page.evaluate("window.__sameDocument = true")


def _same_page(page) -> bool:
    return page.evaluate("window.__sameDocument === true")


def test_support_in_place_on_a_phone_keeps_the_scroll_position(journey, home_page):
    streets = ChallengeFactory.create("voting", title="Better streets", supports_per_person=3)
    ideas = [IdeaFactory(challenge=streets, title=title, summary=summary) for title, summary in STREET_IDEAS]
    resident = UserFactory(roles=["Residents"])
    page = journey.page
    page.set_viewport_size({"width": 390, "height": 844})

    _sign_in(journey, resident.email)
    journey.go(streets.url)
    journey.check_a11y("long list on a phone")
    _mark_page(page)
    target = ideas[1]  # newest first: the second idea created is near the end of the list
    button = page.get_by_role("button", name=re.compile(rf"^Support\s*:\s*{re.escape(target.title)}$"))
    button.scroll_into_view_if_needed()
    before = page.evaluate("window.scrollY")
    assert before > 2000, "the idea should be far down the page on a phone"

    button.click()
    card = page.locator(f"#idea-{target.pk}")
    expect(card.get_by_text("You support this")).to_be_visible()
    status = page.get_by_role("status")
    expect(status.get_by_text(f"You support “{target.title}”. 2 of 3 supports left.")).to_be_visible()
    expect(page.get_by_text("2 of 3 supports left", exact=True)).to_have_count(1)
    # Focus stays on the card's own button, now "Withdraw support".
    expect(card.get_by_role("button", name=re.compile(r"^Withdraw support"))).to_be_focused()
    assert _same_page(page), "supporting reloaded the page"
    assert abs(page.evaluate("window.scrollY") - before) < 60
    journey.check_a11y("supported in place")

    card.get_by_role("button", name=re.compile(r"^Withdraw support")).click()
    expect(card.get_by_role("button", name=re.compile(r"^Support\s*:"))).to_be_visible()
    expect(page.get_by_role("status").get_by_text(f"You no longer support “{target.title}”.")).to_be_visible()
    assert _same_page(page)
    assert abs(page.evaluate("window.scrollY") - before) < 60
    assert not Support.objects.filter(voter=resident).exists()


def test_support_without_javascript_returns_to_the_same_card(journey, home_page, browser):
    streets = ChallengeFactory.create("voting", title="Better streets")
    ideas = [IdeaFactory(challenge=streets, title=title, summary=summary) for title, summary in STREET_IDEAS]
    resident = UserFactory(roles=["Residents"])
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(journey.base_url + "/accounts/login/")
    page.get_by_label("Email").fill(resident.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.goto(journey.base_url + streets.url)
    target = ideas[2]
    page.get_by_role("button", name=re.compile(rf"^Support\s*:\s*{re.escape(target.title)}$")).click()
    assert page.url.endswith(f"#idea-{target.pk}")
    assert page.evaluate("window.scrollY") > 1500
    expect(page.locator(f"#idea-{target.pk}").get_by_text("You support this")).to_be_visible()
    context.close()


def test_report_an_idea_in_place(journey, home_page):
    streets = ChallengeFactory.create("voting", title="Better streets")
    idea = IdeaFactory(challenge=streets, title="Quiet hours for leaf blowers", summary=STREET_IDEAS[7][1])
    resident = UserFactory(roles=["Residents"])
    page = journey.page
    _sign_in(journey, resident.email)
    journey.go(idea.get_absolute_url())
    _mark_page(page)
    page.get_by_role("link", name="Report this idea").click()
    page.get_by_role("button", name="Send report").click()
    expect(page.get_by_text("This field is required.").first).to_be_visible()
    page.get_by_label("Spam or advertising").check()
    journey.check_a11y("report form in place")
    page.get_by_role("button", name="Send report").click()
    expect(page.get_by_role("status").get_by_text("Thank you for your report.")).to_be_visible()
    expect(page.get_by_role("button", name="Send report")).to_have_count(0)
    assert _same_page(page), "reporting reloaded the page"
    assert Flag.objects.filter(reporter=resident, idea=idea).count() == 1


def test_compare_ten_pairs_without_a_reload_then_pause(journey, home_page):
    parks = ChallengeFactory.create("voting", title="Parks for everyone", voting_method="pairwise")
    for title, summary in STREET_IDEAS[:7]:  # 21 pairs: more than one round
        IdeaFactory(challenge=parks, title=title, summary=summary)
    resident = UserFactory(roles=["Residents"])
    page = journey.page

    journey.go(parks.url)
    expect(page.get_by_role("link", name="Sign in to compare ideas")).to_be_visible()
    expect(page.get_by_text("Voting is open: compare the ideas two at a time")).to_be_visible()

    _sign_in(journey, resident.email)
    journey.go(f"/votes/challenges/{parks.pk}/compare/")
    journey.check_a11y("compare")
    _mark_page(page)
    for answered in range(10):
        expect(page.get_by_text(f"Pair {answered + 1} of 10 in this round")).to_be_visible()
        choices = page.locator(".compare__choice")
        expect(choices).to_have_count(2)
        choices.nth(answered % 2).click()
        if answered < 9:
            expect(page.locator(".compare__choice").first).to_be_focused()
    expect(page.get_by_role("heading", name="You've compared 10 pairs")).to_be_visible()
    assert _same_page(page), "comparing reloaded the page"
    assert PairwiseVote.objects.filter(voter=resident).count() == 10
    journey.check_a11y("pause after ten")

    page.get_by_role("button", name="Keep going").click()
    expect(page.get_by_text("Pair 1 of 10 in this round")).to_be_visible()
    page.locator(".compare__choice").first.click()
    expect(page.get_by_text("You have compared 11 pairs.")).to_be_visible()
    assert _same_page(page)
    page.get_by_role("link", name="See the ranking so far").click()
    expect(page.get_by_role("heading", name="How the score is computed")).to_be_visible()
    journey.check_a11y("ranking")
