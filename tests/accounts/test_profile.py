import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_profile_requires_sign_in(client):
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_resident_sets_display_name_and_district(client, resident, district):
    client.force_login(resident)
    response = client.post(
        reverse("accounts:profile"), {"display_name": "Rosa R.", "district": district.pk}, follow=True
    )
    assert "Your profile has been saved." in response.content.decode()
    resident.refresh_from_db()
    assert resident.display_name == "Rosa R."
    assert resident.district == district


def test_email_as_display_name_is_refused(client, resident):
    client.force_login(resident)
    response = client.post(reverse("accounts:profile"), {"display_name": "me@example.org", "district": ""})
    assert "Please do not use an email address" in response.content.decode()
    resident.refresh_from_db()
    assert resident.display_name != "me@example.org"


def test_unknown_district_is_refused(client, resident):
    client.force_login(resident)
    response = client.post(reverse("accounts:profile"), {"display_name": "Rosa", "district": "99999"})
    assert "Select a valid choice" in response.content.decode()


def test_public_name_never_shows_email(user_factory):
    person = user_factory(display_name="", email="secret@example.org")
    assert "secret" not in str(person.public_name)
