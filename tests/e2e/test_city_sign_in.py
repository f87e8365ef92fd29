"""City staff sign in with the city's identity provider (OpenID Connect), started by the test
in its own process: a real provider, real redirects, real tokens."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from accounts import roles
from accounts.models import User
from accounts.rules import is_verified
from accounts.terms import must_accept_terms

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def city_provider(live_server, settings):
    """The identity provider on a free loopback port, registered as Greenlight's "city" app."""
    callback = f"{live_server.url}/accounts/oidc/city/login/callback/"
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.sso_provider.serve", callback],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stdout.readline()
        assert line.startswith("READY "), f"the identity provider did not start: {line!r}"
        url = f"http://127.0.0.1:{int(line.split()[1])}/o"
        settings.SOCIALACCOUNT_PROVIDERS = {
            "openid_connect": {
                "OAUTH_PKCE_ENABLED": True,
                "APPS": [
                    {
                        "provider_id": "city",
                        "name": "City of Riverside",
                        "client_id": "greenlight",
                        "secret": "greenlight-test-secret",
                        "settings": {"server_url": url},
                    }
                ],
            }
        }
        settings.GREENLIGHT_STAFF_EMAIL_DOMAINS = ["riverside.gov"]
        settings.GREENLIGHT_STAFF_CLAIM = "groups=city-staff"
        settings.GREENLIGHT_TERMS_VERSION = "2026-12"
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def _city_sign_in(journey, username=None, password=None, email=None):
    """Greenlight's sign-in page, "City of Riverside", then the provider's own sign-in (skipped
    when the browser is still signed in there). The first time (``email`` given), Greenlight
    asks for the display name and the current terms before the account exists."""
    page = journey.page
    journey.go("/accounts/login/")
    journey.check_a11y("sign in with the city option")
    page.get_by_role("link", name="City of Riverside").click()
    page.get_by_role("button", name="Continue").click()
    if username:
        expect(page.get_by_role("heading", name="City of Riverside sign-in")).to_be_visible()
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in to the city").click()
    if email:
        expect(page.get_by_role("heading", name="Complete your sign-up")).to_be_visible()
        journey.check_a11y("first city sign-in asks for the terms")
        assert not User.objects.filter(email=email).exists()
        expect(page.get_by_label("Email")).to_have_value(email)
        expect(page.get_by_label("Email")).to_be_disabled()
        expect(page.get_by_label("Display name")).not_to_have_value("")
        page.get_by_label("I accept the terms of use and have read the privacy policy").check()
        page.get_by_role("button", name="Continue").click()
    page.wait_for_url(journey.base_url + "/")


@pytest.mark.parametrize(
    ("username", "password", "email", "staff"),
    [
        ("jmorales", "city-pass-1", "jmorales@riverside.gov", True),  # staff email domain
        ("inspector", "city-pass-2", "inspector@riverside.example.net", True),  # the groups claim
        ("contractor", "city-pass-3", "dana@contractor.example.com", False),
    ],
    ids=["domain", "claim", "neither"],
)
def test_city_sign_in_makes_staff_from_domain_or_claim(
    journey, home_page, city_provider, settings, username, password, email, staff
):
    _city_sign_in(journey, username, password, email=email)
    person = User.objects.get(email=email)
    assert not must_accept_terms(person)
    assert person.terms_acceptances.get().version == settings.GREENLIGHT_TERMS_VERSION
    assert person.display_name == {"jmorales": "Julia M.", "contractor": "Dana K."}.get(username, person.display_name)
    expect(journey.page.get_by_role("link", name=person.public_name)).to_be_visible()
    assert is_verified(person)
    assert roles.RESIDENTS in roles.user_roles(person)
    assert (roles.CITY_STAFF in roles.user_roles(person)) is staff
    assert not person.has_usable_password()

    # Signing in again joins the same account.
    journey.page.get_by_role("button", name="Sign out").click()
    _city_sign_in(journey)
    expect(journey.page.get_by_role("link", name=person.public_name)).to_be_visible()
    assert User.objects.filter(email=email).count() == 1
