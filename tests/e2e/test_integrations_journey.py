"""A resident makes an API token in their account, copies it once, uses it, and revokes it;
on a 390 px phone, with axe on every page."""

import requests
from playwright.sync_api import expect

from accounts import roles
from tests.factories import PASSWORD, UserFactory


def test_resident_makes_uses_and_revokes_a_token(journey, home_page):
    UserFactory(email="noor@example.org", roles=[roles.RESIDENTS], display_name="Noor B.")
    page = journey.page
    page.set_viewport_size({"width": 390, "height": 844})
    journey.go("/accounts/login/")
    page.get_by_label("Email").fill("noor@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(journey.base_url + "/")

    journey.go("/me/profile/")
    page.get_by_role("link", name="API tokens").click()
    page.wait_for_url("**/me/tokens/")
    journey.check_a11y("tokens, none yet")
    expect(page.get_by_text("You have no API tokens.")).to_be_visible()

    page.get_by_label("Name").fill("Street tree map script")
    page.get_by_label("Access").select_option(label="Read only")
    page.get_by_label("Expires after").select_option(label="30 days")
    page.get_by_role("button", name="Make token").click()
    token = page.get_by_role("textbox", name="Token").input_value()
    assert token.startswith("glt_")
    journey.check_a11y("token shown once")

    answer = requests.get(f"{journey.base_url}/api/v1/me/", headers={"Authorization": f"Bearer {token}"}, timeout=10)
    assert answer.json()["public_name"] == "Noor B."

    journey.go("/me/tokens/")
    expect(page.get_by_role("textbox", name="Token")).to_have_count(0)
    row = page.get_by_role("row", name="Street tree map script")
    expect(row).to_contain_text("Read only")
    row.get_by_role("button", name="Revoke").click()
    expect(page.get_by_text("The token was revoked")).to_be_visible()
    journey.check_a11y("token revoked")
    answer = requests.get(f"{journey.base_url}/api/v1/me/", headers={"Authorization": f"Bearer {token}"}, timeout=10)
    assert answer.status_code == 403
