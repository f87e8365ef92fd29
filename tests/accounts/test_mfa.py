import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


@override_settings(GREENLIGHT_ADMIN_REQUIRES_MFA=True)
def test_admin_without_two_factor_is_sent_to_set_it_up(client, user_factory):
    leader = user_factory(roles=["Leadership"])
    client.force_login(leader)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/accounts/2fa/totp/activate/" in response["Location"]


@override_settings(GREENLIGHT_ADMIN_REQUIRES_MFA=False)
def test_admin_without_two_factor_allowed_in_development(client, user_factory):
    client.force_login(user_factory(roles=["Leadership"]))
    assert client.get("/admin/").status_code == 200


def test_staff_can_open_two_factor_setup(client, user_factory):
    client.force_login(user_factory(roles=["City staff"]))
    response = client.get("/accounts/2fa/totp/activate/")
    assert response.status_code in (200, 302)
