"""The admin shows people's initials, not Gravatar images fetched from outside, unless the
city turns Gravatar on."""

import base64

import pytest
from wagtail.admin.templatetags.wagtailadmin_tags import avatar_url

from accounts.avatars import initials
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "letters"),
    [("Rosa Ramirez", "RR"), ("Mayor's Office", "MO"), ("Resident #29", "R"), ("", "?"), ("ana", "A")],
)
def test_initials(name, letters):
    assert initials(name) == letters


def test_the_admin_avatar_is_initials_without_gravatar(client, home_page):
    person = UserFactory(display_name="Rosa Ramirez", roles=["Moderators"])
    url = avatar_url(person, 50)
    assert url.startswith("data:image/svg+xml;base64,")
    assert ">RR<" in base64.b64decode(url.split(",", 1)[1]).decode()
    client.force_login(person)
    assert "gravatar" not in client.get("/admin/").content.decode()


def test_a_city_may_turn_gravatar_on(settings):
    settings.GREENLIGHT_GRAVATAR = True
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = "//www.gravatar.com/avatar"
    person = UserFactory(display_name="Rosa Ramirez")
    assert "gravatar.com" in avatar_url(person, 50)
