"""A resident shares an idea with a photo, discusses, replies, follows and reports, on a phone-
sized screen; axe checks every page on the way."""

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from ideas import services
from ideas.models import Flag, Idea
from tests.factories import PASSWORD, ChallengeFactory, DistrictFactory, IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def photo_file(tmp_path):
    path = tmp_path / "bench.jpg"
    image = Image.new("RGB", (800, 600), (90, 160, 90))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif.tobytes())
    path.write_bytes(buffer.getvalue())
    return path


def _sign_in(journey, email):
    page = journey.page
    journey.go("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(journey.base_url + "/")


def test_resident_shares_discusses_and_reports(journey, home_page, photo_file):
    DistrictFactory(name="Harbour", slug="harbour")
    challenge = ChallengeFactory.create("submission", title="Greener squares", suggested_tags="Trees, Play")
    neighbour = UserFactory(display_name="Nina Neighbour")
    other_idea = IdeaFactory(challenge=challenge, author=neighbour, title="Fountains for hot days")
    services.comment_post(idea=other_idea, author=neighbour, body="Also some shade, please.")
    resident = UserFactory(display_name="Rosa R.")
    page = journey.page
    page.set_viewport_size({"width": 390, "height": 844})

    _sign_in(journey, resident.email)
    journey.go(challenge.url)
    expect(page.get_by_role("heading", name="Greener squares")).to_be_visible()
    journey.check_a11y("challenge page")
    page.get_by_role("button", name="Follow this challenge").click()
    expect(page.get_by_text("You now follow “Greener squares”.")).to_be_visible()

    page.get_by_role("link", name="Share your idea").click()
    journey.check_a11y("idea form")
    page.get_by_role("button", name="Submit idea").click()
    expect(page.get_by_text("This field is required.").first).to_be_visible()
    journey.check_a11y("idea form with errors")
    page.get_by_label("Title").fill("Climbing trees in Market Square")
    page.get_by_label("One-line summary").fill("Plant trees children may climb, with soft ground below.")
    page.get_by_label("Describe your idea").fill("Old squares have no shade.\n\n- oaks\n- chestnuts")
    # Live counters show each field's limit as the resident types.
    expect(page.get_by_text("9 of 600 words")).to_be_visible()
    expect(page.get_by_text("31 of 140 characters")).to_be_visible()
    page.get_by_label(re.compile(r"^Photo")).set_input_files(str(photo_file))
    page.get_by_label("Describe the photo").fill("A green square with young trees")
    page.get_by_label(re.compile(r"^I may share this photo")).check()
    page.get_by_label("Trees").check()
    page.get_by_label("District").select_option(label="Harbour")
    page.get_by_role("button", name="Submit idea").click()
    expect(page.get_by_text("Thank you! Your idea is published.")).to_be_visible()
    expect(page.get_by_role("img", name="A green square with young trees")).to_be_visible()
    journey.check_a11y("idea published")
    idea = Idea.objects.get(title="Climbing trees in Market Square")
    assert b"PhoneMaker" not in idea.image.file.open("rb").read()

    page.get_by_label("Your comment").fill("Happy to water them in summer.")
    page.get_by_role("button", name="Post comment").click()
    expect(page.get_by_text("Your comment is posted.")).to_be_visible()
    page.locator("summary", has_text="Reply").first.click()
    page.get_by_label("Your reply").first.fill("The school next door could help too.")
    page.get_by_role("button", name="Post reply").first.click()
    expect(page.locator(".comment-list--replies").get_by_text("The school next door could help too.")).to_be_visible()
    journey.check_a11y("discussion")

    journey.go(other_idea.get_absolute_url())
    journey.check_a11y("another idea")
    page.get_by_role("link", name=re.compile("Report this comment")).click()
    journey.check_a11y("report form")
    page.get_by_role("button", name="Send report").click()
    expect(page.get_by_text("This field is required.")).to_be_visible()
    page.get_by_label("Abusive or hateful").check()
    page.get_by_label("Anything the moderators should know?").fill("Not really abusive, just testing.")
    page.get_by_role("button", name="Send report").click()
    expect(page.get_by_text("Thank you for your report. A moderator will look at it.")).to_be_visible()
    journey.check_a11y("reported")
    assert Flag.objects.filter(reporter=resident, comment__idea=other_idea).exists()

    journey.go("/ideas/mine/")
    expect(page.get_by_role("link", name="Climbing trees in Market Square")).to_be_visible()
    journey.check_a11y("my ideas")
    journey.go("/ideas/following/")
    expect(page.get_by_role("link", name="Greener squares")).to_be_visible()
    journey.check_a11y("following")
