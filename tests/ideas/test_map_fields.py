"""The place of an idea: plain latitude and longitude when no tile server is configured, and
the map picker's hooks (with Leaflet served by the site) when one is."""

import pytest

from tests.factories import ChallengeFactory, IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db

TILES = {
    "TILE_URL": "https://tiles.example.org/{z}/{x}/{y}.png",
    "ATTRIBUTION": "© Example",
    "CENTER": [33.95, -117.39],
    "ZOOM": 13,
}


def test_without_tiles_the_form_has_plain_fields_and_no_map(client, home_page, settings):
    settings.GREENLIGHT_MAP = {**TILES, "TILE_URL": ""}
    challenge = ChallengeFactory.create("submission")
    IdeaFactory(challenge=challenge, latitude="33.99", longitude="-117.37")
    client.force_login(UserFactory())
    body = client.get(f"/ideas/new/{challenge.pk}/").content.decode()
    assert 'name="latitude"' in body and 'name="longitude"' in body
    assert "data-map-picker" not in body and "leaflet" not in body
    assert "Ideas on the map" not in client.get(challenge.url).content.decode()


def test_with_tiles_the_form_and_the_challenge_offer_maps(client, home_page, settings):
    settings.GREENLIGHT_MAP = TILES
    challenge = ChallengeFactory.create("submission")
    IdeaFactory(challenge=challenge, title="Fountain in Fairmount Park", latitude="33.99", longitude="-117.37")
    IdeaFactory(challenge=challenge, title="No place given")
    client.force_login(UserFactory())
    body = client.get(f"/ideas/new/{challenge.pk}/").content.decode()
    assert 'data-map-tiles="https://tiles.example.org/{z}/{x}/{y}.png"' in body
    assert "/static/vendor/leaflet/leaflet.js" in body and "cdn" not in body.lower()
    page = client.get(challenge.url).content.decode()
    assert "Ideas on the map" in page and "1 idea names a place." in page
    assert (
        '"title": "Fountain in Fairmount Park"' in page and "No place given" not in page.split("idea-map-data")[1][:500]
    )
