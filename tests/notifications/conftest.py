import pytest

from accounts import roles
from tests.factories import ChallengeFactory, IdeaFactory, UserFactory


@pytest.fixture
def leadership(db):
    return UserFactory(roles=[roles.LEADERSHIP], display_name="Lena Okafor", email="lena.okafor@city.example")


@pytest.fixture
def moderator(db):
    return UserFactory(roles=[roles.MODERATORS], display_name="Marco Ruiz")


@pytest.fixture
def author(db):
    return UserFactory(roles=[roles.RESIDENTS], display_name="Amira Haddad", email="amira.haddad@example.org")


@pytest.fixture
def follower(db):
    return UserFactory(roles=[roles.RESIDENTS], display_name="Tomas Berg", email="tomas.berg@example.org")


@pytest.fixture
def reviewed_challenge(home_page):
    return ChallengeFactory.create("review", title="Greener school streets")


@pytest.fixture
def idea(reviewed_challenge, author):
    return IdeaFactory(
        challenge=reviewed_challenge,
        author=author,
        title="Car-free school street on Linden Road",
        summary="Close Linden Road to cars for 30 minutes at the start and end of the school day.",
    )
