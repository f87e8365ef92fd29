"""A resident picks the place of an idea on a map instead of typing coordinates, and the
challenge page shows its ideas on a map. Tiles come from the site itself (a plain grid tile):
nothing is fetched from outside."""

import re

import pytest
from playwright.sync_api import expect

from ideas.models import Idea
from tests.factories import PASSWORD, ChallengeFactory, IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def local_tiles(settings):
    settings.GREENLIGHT_MAP = {
        "TILE_URL": "/static/images/map-grid-tile.png",
        "ATTRIBUTION": "",
        "CENTER": [33.9533, -117.3962],
        "ZOOM": 13,
    }


def test_pick_a_place_on_the_map_and_see_it_on_the_challenge_map(journey, home_page, local_tiles):
    challenge = ChallengeFactory.create("submission", title="Greener squares")
    IdeaFactory(
        challenge=challenge,
        title="Drinking fountain in Fairmount Park",
        latitude="33.9990",
        longitude="-117.3780",
    )
    resident = UserFactory(display_name="Rosa R.")
    page = journey.page
    outside = []
    page.on(
        "request", lambda request: outside.append(request.url) if not request.url.startswith(journey.base_url) else None
    )

    journey.go("/accounts/login/")
    page.get_by_label("Email").fill(resident.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(journey.base_url + "/")

    journey.go(challenge.url)
    expect(page.get_by_role("heading", name="Ideas on the map")).to_be_visible()
    expect(page.locator(".map--ideas .leaflet-marker-icon")).to_have_count(1)
    journey.check_a11y("challenge map")

    page.get_by_role("link", name="Share your idea").click()
    picker = page.locator(".map--picker")
    expect(picker).to_be_visible()
    journey.check_a11y("idea form with a map")
    page.get_by_label("Title").fill("Shade sails over the Market Square benches")
    page.get_by_label("One-line summary").fill(
        "Benches in Market Square are empty all summer because there is no shade."
    )
    page.get_by_label(re.compile(r"^Place")).fill("Market Square")
    box = picker.bounding_box()
    picker.click(position={"x": box["width"] * 0.7, "y": box["height"] * 0.3})
    expect(page.get_by_label(re.compile(r"^Latitude"))).to_have_value(re.compile(r"^33\.9\d{4}\d*$"))
    expect(page.get_by_label(re.compile(r"^Longitude"))).to_have_value(re.compile(r"^-117\.\d+$"))
    expect(picker.locator(".leaflet-marker-icon")).to_have_count(1)
    page.get_by_role("button", name="Submit idea").click()
    expect(page.get_by_text("Thank you! Your idea is published.")).to_be_visible()

    idea = Idea.objects.get(title="Shade sails over the Market Square benches")
    assert idea.latitude is not None and idea.longitude is not None
    assert float(idea.latitude) > 33.9533 and float(idea.longitude) > -117.3962  # up and to the right
    journey.go(challenge.url)
    expect(page.locator(".map--ideas .leaflet-marker-icon")).to_have_count(2)
    assert outside == [], f"requests left the site: {outside}"
