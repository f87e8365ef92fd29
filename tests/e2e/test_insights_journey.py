"""Leadership reads the programme's figures in the admin, looks at another period, and
takes a list away as a spreadsheet."""

import csv
import io
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD
from tests.insights.conftest import leadership, programme  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db(transaction=True)


def test_leadership_reads_the_dashboard_and_downloads_an_export(journey, programme, leadership):  # noqa: F811
    page = journey.page
    journey.go("/accounts/login/?next=/admin/")
    page.get_by_label("Email").fill(leadership.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url("**/admin/")
    journey.go("/admin/")  # past the "signed in" message, which fades in
    expect(page.get_by_role("heading", name="The programme in the last four weeks")).to_be_visible()
    journey.check_a11y("admin home with the summary panel")

    page.get_by_role("link", name="Open the full dashboard").click()
    page.wait_for_url("**/admin/insights/")
    expect(page.get_by_role("heading", name="Pipeline: ideas that reached each stage")).to_be_visible()
    journey.check_a11y("dashboard, last 12 weeks")

    # The hand-built programme happened in two weeks of September 2026.
    page.get_by_role("combobox", name="Period").select_option(label="Dates I choose")
    page.get_by_role("textbox", name="From", exact=True).fill("2026-09-07")
    page.get_by_role("textbox", name="To", exact=True).fill("2026-09-20")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_text("Showing 7 Sep 2026 to 20 Sep 2026.")).to_be_visible()
    districts = page.locator(
        "section", has=page.get_by_role("heading", name="Participation by district next to population")
    )
    districts.get_by_text("Show as a table").click()
    expect(districts.get_by_role("row", name="Riverside 57.9% 30% 11 3")).to_be_visible()
    journey.check_a11y("dashboard, September")

    page.get_by_role("link", name="Greener streets").click()
    expect(page.get_by_role("heading", name="Rankings side by side")).to_be_visible()
    journey.check_a11y("challenge report")

    journey.go("/admin/insights/supports/")
    expect(page.get_by_role("button", name="Download CSV")).to_be_visible()
    journey.check_a11y("supports export")

    journey.go("/admin/insights/ideas/")
    expect(
        page.get_by_role("link", name="Plant shade trees along Mill Road")
        .or_(page.get_by_text("Plant shade trees along Mill Road"))
        .first
    ).to_be_visible()
    journey.check_a11y("ideas listing")
    page.get_by_role("button", name="Actions", exact=True).click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download CSV").click()
    download = download_info.value
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:4] == ["Id", "Title", "Challenge", "Stage"]
    assert len(rows) == 1 + 7
