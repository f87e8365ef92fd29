"""An API client gets its token from an administrator: ``manage.py api_token`` creates,
rotates and revokes it, printing the key once."""

import io

import pytest
from django.core.management import CommandError, call_command

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _run(*args) -> str:
    out = io.StringIO()
    call_command("api_token", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue().strip()


@pytest.fixture
def resident():
    return UserFactory(email="tomasz.nowak@example.org", display_name="Tomasz Nowak", roles=["Residents"])


def test_a_token_signs_the_api_client_in_and_rotating_retires_the_old_key(api_client, resident):
    key = _run("Tomasz.Nowak@example.org")
    me = api_client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {key}")
    assert me.status_code == 200
    assert me.json()["display_name"] == "Tomasz Nowak"

    with pytest.raises(CommandError, match="already has an API token"):
        _run(resident.email)
    new_key = _run(resident.email, "--rotate")

    assert new_key != key
    assert api_client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {key}").status_code in (401, 403)
    assert api_client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {new_key}").status_code == 200


def test_revoking_ends_api_access(api_client, resident):
    key = _run(resident.email)
    assert _run(resident.email, "--revoke") == "Token revoked."
    assert api_client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {key}").status_code in (401, 403)


def test_an_unknown_address_is_a_clear_error():
    with pytest.raises(CommandError, match="No active account"):
        _run("nobody@example.org")
