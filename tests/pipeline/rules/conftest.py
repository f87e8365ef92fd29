import pytest


@pytest.fixture
def who_may(people):
    """The people (by role name) for whom ``permission`` holds on ``obj``."""

    def check(permission: str, obj=None) -> set[str]:
        return {name for name, person in people.items() if person.has_perm(permission, obj)}

    return check
