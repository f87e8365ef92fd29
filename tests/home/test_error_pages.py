"""Under ``make run`` (DEBUG on) people see the site's own 404 and 500 pages, not Django's
technical ones."""

import pytest
from django.urls import path

from innovation import urls as project_urls

pytestmark = pytest.mark.django_db


def _explode(request):
    raise RuntimeError("The ballot box fell over")


urlpatterns = [path("explode/", _explode), *project_urls.urlpatterns]


@pytest.fixture
def debug_with_site_pages(settings):
    settings.DEBUG = True
    settings.GREENLIGHT_SITE_ERROR_PAGES = True


def test_a_missing_page_shows_the_site_404_with_debug_on(client, home_page, debug_with_site_pages):
    response = client.get("/challenges/no-such-challenge/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "We could not find that page" in body
    assert "Using the URLconf" not in body and "technical" not in body


def test_a_crash_shows_the_site_500_with_debug_on(client, home_page, debug_with_site_pages, settings, caplog):
    settings.ROOT_URLCONF = __name__
    client.raise_request_exception = False
    response = client.get("/explode/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
    assert "The ballot box fell over" in caplog.text  # the traceback is still logged


def test_developers_can_ask_for_the_technical_pages(client, home_page, settings):
    settings.DEBUG = True
    settings.GREENLIGHT_SITE_ERROR_PAGES = False
    response = client.get("/challenges/no-such-challenge/")
    assert response.status_code == 404
    assert "We could not find that page" not in response.content.decode()
