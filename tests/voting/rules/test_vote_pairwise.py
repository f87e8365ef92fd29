"""voting.vote_pairwise: verified people in the audience of a pairwise challenge, while voting."""

import pytest
from django.contrib.auth.models import AnonymousUser

pytestmark = pytest.mark.django_db

ALLOWED = {
    "everyone": {"resident", "staff", "leadership"},
    "residents": {"resident", "leadership"},
    "staff": {"staff"},
}


@pytest.mark.parametrize("audience", ALLOWED)
@pytest.mark.parametrize("moment", ["before", "during", "after"])
def test_who_may_compare_before_during_and_after_voting(make_challenge, people, at, audience, moment):
    challenge = make_challenge(audience=audience, voting_method="pairwise")
    with at(moment):
        allowed = {name for name, person in people.items() if person.has_perm("voting.vote_pairwise", challenge)}
        anonymous = AnonymousUser().has_perm("voting.vote_pairwise", challenge)
    assert allowed == (ALLOWED[audience] if moment == "during" else set())
    assert anonymous is False


def test_support_challenges_take_no_pairwise_votes(make_challenge, people, at):
    challenge = make_challenge(voting_method="support")
    with at("during"):
        assert people["resident"].has_perm("voting.vote_pairwise", challenge) is False
