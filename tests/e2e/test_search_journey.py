"""A resident searches, narrows by a facet, then starts an idea that already exists: the ideas
that mean the same appear right under the title and summary, one can be supported from there
without losing the draft, and one that cannot be supported yet says why."""

import re

from playwright.sync_api import expect

from search import services
from tests.factories import PASSWORD, ChallengeFactory, DistrictFactory, IdeaFactory, UserFactory
from voting.models import Support


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
    voting = ChallengeFactory.create("voting", title="Cycling city", slug="cycling-city")
    barrier = IdeaFactory(
        challenge=voting,
        title="Kerbs between cycle lanes and traffic",
        summary="A physical barrier along busy roads so cars cannot drift into the cycle lane.",
    )
    merged = IdeaFactory(
        challenge=streets, title="Segregated cycle lane on Main Street", summary="Kerbs for cyclists.", stage="merged"
    )
    services.index_refresh(idea_ids=[bike.pk, other.pk, barrier.pk, merged.pk])
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
    page.get_by_label("Title").press_sequentially("Cycle lanes with a barrier on Main St", delay=20)
    page.get_by_label("One-line summary").fill("Kerbs so that cars keep away from people on bikes")
    hint = page.get_by_role("region", name="Is your idea already here?")
    expect(hint).to_be_visible()
    expect(hint.get_by_role("link", name=re.compile("^Protected bike lanes on Main Street"))).to_be_visible()
    expect(hint.get_by_role("link", name=re.compile("^Segregated cycle lane"))).to_have_count(0)  # merged
    # Right under the title and summary, before the rest of the form.
    summary_box = page.get_by_label("One-line summary").bounding_box()
    hint_box = hint.bounding_box()
    description_box = page.get_by_label("Describe your idea").bounding_box()
    assert summary_box["y"] < hint_box["y"] < description_box["y"]
    journey.check_a11y("similar ideas hint")

    # The idea in a challenge that is not voting yet says so instead of offering support.
    in_submission = hint.get_by_role("listitem").filter(has_text="Protected bike lanes on Main Street")
    expect(in_submission.get_by_text(re.compile("It can be supported from .+, when voting opens"))).to_be_visible()
    expect(in_submission.get_by_role("button", name="Support this one instead")).to_have_count(0)

    # The one in a voting challenge is supported here; what was typed stays.
    voting_item = hint.get_by_role("listitem").filter(has_text="Kerbs between cycle lanes and traffic")
    voting_item.get_by_role("button", name="Support this one instead").click()
    expect(
        voting_item.get_by_text(re.compile("You now support this idea. Your own draft is still here"))
    ).to_be_visible()
    assert Support.objects.filter(voter=resident, idea=barrier).exists()
    expect(page.get_by_label("Title")).to_have_value("Cycle lanes with a barrier on Main St")
    expect(page.get_by_label("One-line summary")).to_have_value("Kerbs so that cars keep away from people on bikes")
    journey.check_a11y("supported from the hint")

    items = hint.get_by_role("listitem")
    count = items.count()
    hint.get_by_role("button", name="Mine is different").first.click()
    expect(items).to_have_count(count - 1)
