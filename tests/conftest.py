import os

import pytest
from django.core.cache import cache

from tests.factories import DistrictFactory, UserFactory

# Playwright's sync API runs an event loop in the test thread; the ORM calls made by the
# test itself (reading the outbox, creating users) are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    """Every test that commits (live server, real Celery worker, concurrency) restores what
    the migrations created — roles, the Wagtail root page and collection — after its flush.
    All of them must do so: a plain flush re-creates content types with new ids, and a later
    restore would then collide with them."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        kwargs = dict(marker.kwargs) if marker else {}
        fixtures = set(getattr(item, "fixturenames", ()))
        if kwargs.get("transaction") or fixtures & {"transactional_db", "live_server"}:
            kwargs.update(transaction=True, serialized_rollback=True)
            item.add_marker(pytest.mark.django_db(**kwargs), append=False)


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
