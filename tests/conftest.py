import os

import pytest
from django.core.cache import cache

from search import vectors
from tests.factories import DistrictFactory, UserFactory

# Playwright's sync API runs an event loop in the test thread; the ORM calls made by the
# test itself (reading the outbox, creating users) are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


_MIGRATION_DATA: dict[str, str] = {}


@pytest.fixture(scope="session", autouse=True)
def _migration_data(django_db_setup, django_db_blocker):
    """What the migrations wrote (roles, the Wagtail root page and collection), kept once."""
    from django.db import connection

    with django_db_blocker.unblock():
        if "default" not in _MIGRATION_DATA:
            _MIGRATION_DATA["default"] = connection.creation.serialize_db_to_string()
    return _MIGRATION_DATA["default"]


@pytest.fixture(autouse=True)
def _restore_migration_data(request):
    """Tests that commit (live server, real Celery worker, concurrency) end with a flush that
    empties every table. The next such test starts from the migrations' data again: empty
    the tables without re-creating content types, then load the kept copy."""
    marker = request.node.get_closest_marker("django_db")
    fixtures = set(request.fixturenames)
    if not ((marker and marker.kwargs.get("transaction")) or fixtures & {"transactional_db", "live_server"}):
        yield
        return
    data = request.getfixturevalue("_migration_data")
    request.getfixturevalue("transactional_db")
    from django.core.management import call_command
    from django.db import connection
    from wagtail.models import Page

    if not Page.objects.filter(depth=1).exists():
        call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True, reset_sequences=False)
        connection.creation.deserialize_db_from_string(data)
    yield


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with an empty cache (rate limits, throttles) in the real Redis, and
    with search's in-process table of meaning vectors forgotten (the database was rolled back)."""
    cache.clear()
    vectors.forget()
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
