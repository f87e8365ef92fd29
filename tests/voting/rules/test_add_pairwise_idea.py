"""voting.add_pairwise_idea: voters add their own idea from the pairwise screen while ideas
are still accepted (the submission phase may overlap voting)."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("audience", ["everyone", "residents", "staff"])
@pytest.mark.parametrize(("moment", "open_for_ideas"), [("before", True), ("during", False), ("after", False)])
def test_adding_an_idea_follows_the_submission_phase(make_challenge, people, at, audience, moment, open_for_ideas):
    challenge = make_challenge(audience=audience, voting_method="pairwise")
    in_audience = {"everyone": "resident", "residents": "resident", "staff": "staff"}[audience]
    with at(moment):
        assert people[in_audience].has_perm("voting.add_pairwise_idea", challenge) is open_for_ideas
        assert people["unverified"].has_perm("voting.add_pairwise_idea", challenge) is False


def test_while_both_phases_overlap_voters_may_add_ideas(make_challenge, people, at):
    from .conftest import DATES

    challenge = make_challenge(voting_method="pairwise", ideas_close=DATES["voting_close"])
    with at("during"):
        assert people["resident"].has_perm("voting.add_pairwise_idea", challenge) is True
        assert people["resident"].has_perm("voting.vote_pairwise", challenge) is True
