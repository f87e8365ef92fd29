import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from accounts.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _signup(client, email="new@example.org", password="a-long-enough-passphrase", password2=None):
    return client.post(
        reverse("account_signup"),
        {
            "email": email,
            "password1": password,
            "password2": password2 or password,
            "display_name": "Marisol Vega",
            "accept_terms": "on",
        },
    )


def _link_from_last_email():
    return re.search(r"https?://[^\s]+", mail.outbox[-1].body).group(0)


def test_signup_sends_verification_and_blocks_sign_in_until_verified(client):
    response = _signup(client)
    assert response.status_code == 302
    user = User.objects.get(email="new@example.org")
    assert user.groups.filter(name="Residents").exists()
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert "Confirm" in mail.outbox[0].subject or "confirm" in mail.outbox[0].body.lower()

    client.logout()
    response = client.post(
        reverse("account_login"), {"login": "new@example.org", "password": "a-long-enough-passphrase"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")

    link = _link_from_last_email()
    path = link.split("://", 1)[1].split("/", 1)[1]
    client.post("/" + path)
    assert EmailAddress.objects.get(user=user).verified
    response = client.post(
        reverse("account_login"), {"login": "new@example.org", "password": "a-long-enough-passphrase"}
    )
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_weak_password_is_refused_with_a_message_and_nothing_created(client):
    response = _signup(client, password="short1")
    assert response.status_code == 200
    assert "at least 10 characters" in response.content.decode()
    assert not User.objects.filter(email="new@example.org").exists()


def test_common_password_is_refused(client):
    response = _signup(client, password="password123")
    assert "too common" in response.content.decode()
    assert not User.objects.exists()


def test_malformed_email_is_refused(client):
    response = _signup(client, email="not-an-email")
    assert response.status_code == 200
    assert "valid email" in response.content.decode()
    assert not User.objects.exists()


def test_existing_email_is_not_revealed_and_not_duplicated(client):
    UserFactory(email="taken@example.org")
    response = _signup(client, email="taken@example.org")
    # Same outcome as a fresh sign-up: the visitor is told to check their inbox...
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    # ...and the owner gets an email about it instead of a second account being made.
    assert User.objects.filter(email="taken@example.org").count() == 1
    assert "taken@example.org" in mail.outbox[-1].to


def test_sixth_wrong_password_in_five_minutes_is_refused(client):
    UserFactory(email="target@example.org")
    for _attempt in range(5):
        response = client.post(
            reverse("account_login"), {"login": "target@example.org", "password": "wrong-password-x"}
        )
        assert response.status_code == 200
        assert "not correct" in response.content.decode()
    response = client.post(reverse("account_login"), {"login": "target@example.org", "password": PASSWORD})
    body = response.content.decode()
    assert response.status_code in (200, 429)
    assert "Too many failed login attempts" in body
    assert "_auth_user_id" not in client.session


def test_password_reset_by_email(client):
    UserFactory(email="forgetful@example.org")
    client.post(reverse("account_reset_password"), {"email": "forgetful@example.org"})
    assert len(mail.outbox) == 1
    link = _link_from_last_email()
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    response = client.get(path, follow=True)
    form_path = response.redirect_chain[-1][0] if response.redirect_chain else path
    response = client.post(form_path, {"password1": "brand-new-passphrase", "password2": "brand-new-passphrase"})
    assert response.status_code == 302
    assert User.objects.get(email="forgetful@example.org").check_password("brand-new-passphrase")


def test_change_password(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": "another-passphrase-2", "password2": "another-passphrase-2"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("another-passphrase-2")


def test_add_a_new_email_address_needs_verification(client):
    user = UserFactory(email="old@example.org")
    client.force_login(user)
    response = client.post(reverse("account_email"), {"email": "new-address@example.org", "action_add": ""})
    assert response.status_code == 302
    assert EmailAddress.objects.filter(user=user, email="new-address@example.org", verified=False).exists()
    assert "new-address@example.org" in mail.outbox[-1].to
