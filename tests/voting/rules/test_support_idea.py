"""voting.support_idea: verified people in the challenge's audience, while it is voting."""

import pytest

from tests.factories import IdeaFactory

from .conftest import ALLOWED_WHILE_VOTING

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("audience", ALLOWED_WHILE_VOTING)
@pytest.mark.parametrize("moment", ["before", "during", "after"])
def test_who_may_support_before_during_and_after_voting(make_challenge, who_may, audience, moment):
    idea = IdeaFactory(challenge=make_challenge(audience=audience))
    expected = ALLOWED_WHILE_VOTING[audience] if moment == "during" else set()
    assert who_may("voting.support_idea", idea, moment) == expected


@pytest.mark.parametrize("may_support_own", [False, True])
def test_authors_support_their_own_idea_only_where_the_challenge_allows_it(make_challenge, people, at, may_support_own):
    author = people["resident"]
    idea = IdeaFactory(challenge=make_challenge(authors_may_support_own=may_support_own), author=author)
    with at("during"):
        assert author.has_perm("voting.support_idea", idea) is may_support_own
        assert people["staff"].has_perm("voting.support_idea", idea) is True


@pytest.mark.parametrize("stage", ["submitted", "rejected", "merged", "withdrawn"])
def test_ideas_that_are_not_open_take_no_support(make_challenge, people, at, stage):
    idea = IdeaFactory(challenge=make_challenge(), stage=stage)
    with at("during"):
        assert people["resident"].has_perm("voting.support_idea", idea) is False


def test_pairwise_challenges_take_no_supports(make_challenge, people, at):
    idea = IdeaFactory(challenge=make_challenge(voting_method="pairwise"))
    with at("during"):
        assert people["resident"].has_perm("voting.support_idea", idea) is False
