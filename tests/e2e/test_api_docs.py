"""The API reference at /api/docs/ (Redoc, served by the site itself) passes axe."""

from playwright.sync_api import expect


def test_api_reference_is_readable_and_accessible(journey, home_page):
    # What the browser fetched (the content security policy blocks Redoc's own link to its
    # logo on another host, so nothing from elsewhere gets through).
    requested = []
    journey.page.on("response", lambda response: requested.append(response.url))
    journey.go("/api/docs/")
    page = journey.page
    expect(page.get_by_role("heading", name="Greenlight API", level=1)).to_be_visible(timeout=20_000)
    expect(page.get_by_text("/api/v1/challenges/", exact=True).first).to_be_attached()
    journey.check_a11y("api docs")
    elsewhere = [url for url in requested if not url.startswith((journey.base_url, "data:", "blob:"))]
    assert not elsewhere
