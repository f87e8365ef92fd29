"""voting.view_pairwise_results: the results page of a pairwise challenge."""

import pytest
from django.contrib.auth.models import AnonymousUser

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("audience", ["everyone", "residents", "staff"])
@pytest.mark.parametrize("moment", ["before", "during", "after"])
@pytest.mark.parametrize("hide", [False, True])
def test_results_follow_the_hidden_totals_setting(make_challenge, people, at, audience, moment, hide):
    challenge = make_challenge(audience=audience, voting_method="pairwise", hide_totals_during_voting=hide)
    with at(moment):
        public = AnonymousUser().has_perm("voting.view_pairwise_results", challenge)
        leadership = people["leadership"].has_perm("voting.view_pairwise_results", challenge)
    assert public is (not hide or moment == "after")
    assert leadership is True


def test_support_challenges_have_no_pairwise_results(make_challenge, people, at):
    with at("after"):
        assert people["leadership"].has_perm("voting.view_pairwise_results", make_challenge()) is False
