import pytest

from tests.factories import ChallengeFactory, UserFactory


@pytest.fixture
def challenge(db, home_page):
    return ChallengeFactory.create("submission", suggested_tags="Parks, Traffic, Safety")


@pytest.fixture
def author(db):
    return UserFactory(roles=["Residents"])


@pytest.fixture
def moderator(db):
    return UserFactory(roles=["Moderators"])


@pytest.fixture
def staff_member(db):
    return UserFactory(roles=["City staff"])
