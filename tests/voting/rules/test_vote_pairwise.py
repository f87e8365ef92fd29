"""voting.vote_pairwise: verified people in the audience of a pairwise challenge, while voting."""

import pytest

from .conftest import ALLOWED_WHILE_VOTING

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("audience", ALLOWED_WHILE_VOTING)
@pytest.mark.parametrize("moment", ["before", "during", "after"])
def test_who_may_compare_before_during_and_after_voting(make_challenge, who_may, audience, moment):
    challenge = make_challenge(audience=audience, voting_method="pairwise")
    expected = ALLOWED_WHILE_VOTING[audience] if moment == "during" else set()
    assert who_may("voting.vote_pairwise", challenge, moment) == expected


def test_support_challenges_take_no_pairwise_votes(make_challenge, people, at):
    challenge = make_challenge(voting_method="support")
    with at("during"):
        assert people["resident"].has_perm("voting.vote_pairwise", challenge) is False
