import pytest

from accounts import roles
from tests.factories import UserFactory


@pytest.fixture
def leadership(db):
    return UserFactory(roles=[roles.LEADERSHIP], display_name="Lena Okafor")


@pytest.fixture
def person(db):
    return UserFactory(roles=[roles.RESIDENTS], display_name="Marta Silva", email="marta.silva@example.org")
