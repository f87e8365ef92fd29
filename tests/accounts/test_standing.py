"""A person's standing (verified address, roles) is read once per user object and stays
correct when it changes: confirming an address or gaining a role counts at once."""

import pytest
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from django.contrib.auth.models import Group
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory

from accounts import roles, standing
from tests.factories import ChallengeFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_confirming_the_address_lets_the_same_person_share_an_idea_at_once(home_page):
    challenge = ChallengeFactory.create("submission")
    person = UserFactory(verified=False, roles=[roles.RESIDENTS])
    assert not person.has_perm("ideas.add_idea", challenge)

    request = RequestFactory().get("/")
    request.user = person
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    address = EmailAddress.objects.get(user=person)
    EmailConfirmationHMAC(address).confirm(request)

    assert person.has_perm("ideas.add_idea", challenge)


def test_a_role_given_in_the_admin_counts_for_the_same_user_object():
    person = UserFactory(roles=[roles.RESIDENTS])
    assert not person.has_perm("pipeline.move_idea")
    person.groups.add(Group.objects.get(name=roles.LEADERSHIP))
    assert person.has_perm("pipeline.move_idea")
    person.groups.remove(Group.objects.get(name=roles.LEADERSHIP))
    assert not person.has_perm("pipeline.move_idea")


def test_the_answer_is_read_once_per_request(django_assert_num_queries):
    person = UserFactory(roles=[roles.MODERATORS])
    with django_assert_num_queries(2):
        for _ in range(5):
            assert standing.is_verified(person)
            assert roles.MODERATORS in standing.roles_of(person)
