import re

from django.core import mail
from playwright.sync_api import expect

from tests.factories import DistrictFactory


def test_sign_up_verify_sign_in_set_district_sign_out(journey, home_page):
    DistrictFactory(name="Harbour", slug="harbour")
    page = journey.page

    journey.go("/accounts/signup/")
    journey.check_a11y("signup")
    page.get_by_label("Email").fill("journey@example.org")
    page.get_by_label("Password", exact=True).fill("tulip-harbour-bicycle")
    page.get_by_label("Password (again)").fill("tulip-harbour-bicycle")
    page.get_by_label("Display name").fill("Journey J.")
    page.get_by_label("I accept the terms of use").check()
    # The same words as the header's link.
    page.locator("main").get_by_role("button", name="Sign up", exact=True).click()
    page.wait_for_url("**/accounts/confirm-email/")
    journey.check_a11y("verification sent")

    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    page.goto(link)
    journey.check_a11y("confirm email")
    page.get_by_role("button", name="Confirm").click()
    # Confirming the address signs the person in, under the name they chose.
    expect(page.get_by_role("link", name="Journey J.")).to_be_visible()
    journey.check_a11y("home signed in")

    journey.go("/me/profile/")
    journey.check_a11y("profile")
    expect(page.get_by_label("Display name")).to_have_value("Journey J.")
    page.get_by_label("District").select_option(label="Harbour")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Your profile has been saved.")).to_be_visible()
    expect(page.get_by_label("District")).not_to_have_value("")
    journey.check_a11y("profile saved")

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()
    journey.check_a11y("signed out")

    journey.go("/accounts/login/")
    journey.check_a11y("login")
    page.get_by_label("Email").fill("journey@example.org")
    page.get_by_label("Password", exact=True).fill("tulip-harbour-bicycle")
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(journey.base_url + "/")
    expect(page.get_by_role("link", name="Journey J.")).to_be_visible()
