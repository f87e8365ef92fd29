import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_site():
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_home_page_explains_the_programme(client, demo_site):
    response = client.get("/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Ideas that move our city" in body
    assert "How it works" in body
    assert 'href="#main"' in body  # skip link
    assert "/static/css/site.css" in body
    assert "About Greenlight" in body  # the menu


def test_public_pages_load_nothing_from_other_hosts(client, demo_site):
    body = client.get("/").content.decode()
    assert "//cdn" not in body and "googleapis" not in body
    for attribute in ('src="http', 'href="http'):
        assert attribute not in body


def test_strict_content_security_policy_on_public_pages(client, demo_site):
    policy = client.get("/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_load_demo_twice_keeps_data(demo_site):
    from accounts.models import User
    from home.models import HomePage

    people = User.objects.count()
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert User.objects.count() == people
    assert HomePage.objects.filter(locale__language_code="en").count() == 1


def test_styled_404_leaks_nothing(client, demo_site):
    response = client.get("/no-such-page/")
    body = response.content.decode()
    assert response.status_code == 404
    assert "We could not find that page" in body
    assert "Traceback" not in body and "urlpatterns" not in body


def test_styled_500(rf, demo_site):
    from home.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


def test_healthz(client):
    assert client.get("/healthz").json() == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "broker": "not used",
    }
