import os

import pytest
from django.core.cache import cache

from tests.factories import DistrictFactory, UserFactory

# Playwright's sync API runs an event loop in the test thread; the ORM calls made by the
# test itself (reading the outbox, creating users) are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with an empty cache (rate limits, throttles) in the real Redis."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def user_factory(db):
    return UserFactory


@pytest.fixture
def district(db):
    return DistrictFactory(name="Riverside", slug="riverside")


@pytest.fixture
def resident(db):
    return UserFactory(roles=["Residents"])


@pytest.fixture
def api_client():
    from rest_framework.test import APIClient

    return APIClient()


@pytest.fixture
def home_page(db):
    """The programme's home page as the site root (what ``load_demo`` makes first)."""
    from home import demo
    from home.models import HomePage

    demo.load(stdout=open(os.devnull, "w"))  # noqa: SIM115
    return HomePage.objects.get()
