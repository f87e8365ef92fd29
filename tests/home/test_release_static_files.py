"""In production, static files are collected under content-hashed names (browsers may keep
them for a year, and a release never serves yesterday's script): every page names the hashed
copies, including the map's pin images, and nothing a template names is missing."""

import re

import pytest
from django.core.management import call_command

from tests.factories import ChallengeFactory, IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db

MANIFEST = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
HASHED = re.compile(r"/static/[\w/.-]+\.[0-9a-f]{12}\.(?:js|css|png|svg)")


@pytest.fixture
def released(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "staticfiles"
    settings.STORAGES = {**settings.STORAGES, "staticfiles": MANIFEST}
    settings.GREENLIGHT_MAP = {**settings.GREENLIGHT_MAP, "TILE_URL": "https://tiles.example.org/{z}/{x}/{y}.png"}
    call_command("collectstatic", interactive=False, verbosity=0)
    return settings


def test_pages_name_hashed_static_files(client, home_page, released):
    challenge = ChallengeFactory.create("submission", title="Cooler bus stops for summer")
    IdeaFactory(
        challenge=challenge,
        title="Shade sails over the Magnolia Avenue stops",
        latitude="33.95",
        longitude="-117.39",
    )
    client.force_login(UserFactory())
    for url in ("/", challenge.url, f"/ideas/new/{challenge.pk}/"):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert HASHED.search(body), url
        assert 'src="/static/js/site.js"' not in body
    body = client.get(challenge.url).content.decode()
    assert re.search(r'data-leaflet-icon="/static/vendor/leaflet/images/marker-icon\.[0-9a-f]{12}\.png"', body)
