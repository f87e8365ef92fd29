"""voting.withdraw_support: until voting closes, never after."""

import pytest

from tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("audience", ["everyone", "residents", "staff"])
@pytest.mark.parametrize(("moment", "allowed"), [("before", False), ("during", True), ("after", False)])
def test_withdrawing_is_possible_only_while_voting(make_challenge, people, at, audience, moment, allowed):
    idea = IdeaFactory(challenge=make_challenge(audience=audience))
    with at(moment):
        assert people["resident"].has_perm("voting.withdraw_support", idea) is allowed
        assert people["staff"].has_perm("voting.withdraw_support", idea) is allowed
        assert people["unverified"].has_perm("voting.withdraw_support", idea) is False
