"""Failed sign-ins: brute force stays limited, but a stranger's wrong passwords never lock the
owner out, and a password reset ends a lock."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

STRANGER = "198.51.100.7"
OWNER_AT_HOME = "203.0.113.20"


@pytest.fixture
def owner():
    return UserFactory(email="amira.haddad@example.org", display_name="Amira Haddad", roles=["Residents"])


def _sign_in(client, email, password, address):
    return client.post(reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR=address)


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def _fail_five_times(client, email, address):
    for _ in range(5):
        response = _sign_in(client, email, "guessing-her-password", address)
        assert response.status_code == 200
        assert not _signed_in(client)


def test_wrong_passwords_from_a_stranger_do_not_lock_the_owner_out(client, owner):
    _fail_five_times(client, owner.email, STRANGER)

    response = _sign_in(client, owner.email, PASSWORD, OWNER_AT_HOME)

    assert response.status_code == 302
    assert _signed_in(client)


def test_guessing_from_one_address_is_still_stopped_after_five_failures(client, owner):
    _fail_five_times(client, owner.email, STRANGER)

    response = _sign_in(client, owner.email, PASSWORD, STRANGER)

    assert response.status_code == 200
    assert not _signed_in(client)
    assert "Too many failed login attempts" in response.content.decode()


def test_forged_forwarded_for_does_not_give_a_guesser_fresh_attempts(client, owner):
    for n in range(5):
        client.post(
            reverse("account_login"),
            {"login": owner.email, "password": "guessing-her-password"},
            REMOTE_ADDR=STRANGER,
            HTTP_X_FORWARDED_FOR=f"10.0.0.{n}",
        )
    response = client.post(
        reverse("account_login"),
        {"login": owner.email, "password": PASSWORD},
        REMOTE_ADDR=STRANGER,
        HTTP_X_FORWARDED_FOR="10.0.0.99",
    )
    assert not _signed_in(client)
    assert "Too many failed login attempts" in response.content.decode()


def test_a_password_reset_ends_the_lock(client, owner):
    _fail_five_times(client, owner.email, OWNER_AT_HOME)
    assert "Too many" in _sign_in(client, owner.email, PASSWORD, OWNER_AT_HOME).content.decode()

    client.post(reverse("account_reset_password"), {"email": owner.email}, REMOTE_ADDR=OWNER_AT_HOME)
    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    form_page = client.get(path, REMOTE_ADDR=OWNER_AT_HOME, follow=True)
    new_password = "a-new-riverside-passphrase"
    client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else path,
        {"password1": new_password, "password2": new_password},
        REMOTE_ADDR=OWNER_AT_HOME,
    )

    response = _sign_in(client, owner.email, new_password, OWNER_AT_HOME)

    assert response.status_code == 302
    assert _signed_in(client)
