"""A resident searches, narrows by a facet, then starts an idea that already exists and is
shown the similar ideas while typing."""

import re

from playwright.sync_api import expect

from search import services
from tests.factories import PASSWORD, ChallengeFactory, DistrictFactory, IdeaFactory, UserFactory


def test_search_narrow_by_facet_and_see_similar_ideas_while_typing(journey, home_page):
    harbour = DistrictFactory(name="Harbour", slug="harbour")
    streets = ChallengeFactory.create("submission", title="Safer streets", slug="safer-streets")
    bike = IdeaFactory(
        challenge=streets,
        title="Protected bike lanes on Main Street",
        summary="Separate cyclists from cars with kerbs along Main Street.",
        district=harbour,
    )
    bike.tags.add("cycling")
    other = IdeaFactory(challenge=streets, title="Bike parking at the library", summary="Racks for twenty bikes.")
    services.index_refresh(idea_ids=[bike.pk, other.pk])
    resident = UserFactory(email="rosa@example.org", roles=["Residents"])
    page = journey.page

    journey.go("/")
    page.get_by_role("link", name="Search", exact=True).click()
    journey.check_a11y("search start")
    box = page.get_by_role("combobox", name="Search ideas, challenges and pilots")
    box.press_sequentially("bike la", delay=40)
    suggestion = page.get_by_role("option", name="Protected bike lanes on Main Street")
    expect(suggestion).to_be_visible()
    journey.check_a11y("suggestions")
    box.press("Escape")
    expect(page.get_by_role("listbox")).to_be_hidden()
    box.fill("bike")
    box.press("Enter")
    expect(page.get_by_role("heading", name="2 ideas")).to_be_visible()
    journey.check_a11y("results")

    page.get_by_role("link", name=re.compile(r"^Harbour \(1")).click()
    expect(page.get_by_role("heading", name="1 idea")).to_be_visible()
    expect(page.get_by_role("link", name="Protected bike lanes on Main Street")).to_be_visible()
    expect(page.get_by_role("link", name="Remove District: Harbour")).to_be_visible()
    journey.check_a11y("narrowed")

    journey.go("/accounts/login/")
    page.get_by_label("Email").fill(resident.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(journey.base_url + "/")

    journey.go(f"/ideas/new/{streets.pk}/")
    page.get_by_label("Title").press_sequentially("Bike lanes on Main Street", delay=30)
    hint = page.get_by_role("region", name="Is your idea already here?")
    expect(hint).to_be_visible()
    expect(hint.get_by_role("link", name="Protected bike lanes on Main Street")).to_be_visible()
    expect(hint.get_by_role("link", name="Support this one instead").first).to_have_attribute(
        "href", f"/ideas/{bike.pk}/"
    )
    journey.check_a11y("similar ideas hint")
    items = hint.get_by_role("listitem")
    count = items.count()
    hint.get_by_role("button", name="Mine is different").first.click()
    expect(items).to_have_count(count - 1)
