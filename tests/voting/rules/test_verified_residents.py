"""Only verified residents vote where the challenge asks for it: support and pairwise votes
are refused until the person entered the code the city sent, before, during and after voting."""

import pytest

from tests.factories import IdeaFactory, issue_resident_codes
from voting import residents
from voting.rules import refusal

from .conftest import ALLOWED_WHILE_VOTING

pytestmark = pytest.mark.django_db

RESIDENT_REFUSAL = "Only verified residents may vote in this challenge. Enter the code the city sent you."


@pytest.mark.parametrize("moment", ["before", "during", "after"])
def test_nobody_supports_before_verifying_and_a_verified_resident_does_while_voting(
    make_challenge, who_may, people, at, moment
):
    challenge = make_challenge(residents_must_verify=True)
    idea = IdeaFactory(challenge=challenge, title="A crossing guard at Maple and 5th")
    assert who_may("voting.support_idea", idea, moment) == set()

    issue_resident_codes(challenge, "MAPLE-4821-KQ")
    with at("before"):
        residents.resident_code_redeem(user=people["resident"], challenge=challenge, code="maple 4821 kq")
    expected = {"resident"} if moment == "during" else set()
    assert who_may("voting.support_idea", idea, moment) == expected


def test_the_refusal_names_the_code_only_to_people_who_could_otherwise_vote(make_challenge, people, at):
    idea = IdeaFactory(challenge=make_challenge(residents_must_verify=True))
    with at("during"):
        assert refusal(people["resident"], idea) == ("resident", RESIDENT_REFUSAL)
        assert refusal(people["unverified"], idea)[0] == "verify"
    staff_only = IdeaFactory(challenge=make_challenge(residents_must_verify=True, audience="staff"))
    with at("during"):
        assert refusal(people["resident"], staff_only)[0] == "audience"


def test_pairwise_votes_wait_for_the_code_too(make_challenge, who_may, people, at):
    challenge = make_challenge(voting_method="pairwise", residents_must_verify=True)
    assert who_may("voting.vote_pairwise", challenge, "during") == set()
    issue_resident_codes(challenge, "PARK-7710-ZB")
    residents.resident_code_redeem(user=people["staff"], challenge=challenge, code="PARK-7710-ZB")
    assert who_may("voting.vote_pairwise", challenge, "during") == {"staff"}
    with at("during"):
        assert refusal(people["resident"], challenge, pairwise=True) == ("resident", RESIDENT_REFUSAL)


def test_a_verification_counts_only_for_its_own_challenge(make_challenge, who_may, people):
    streets = make_challenge(residents_must_verify=True)
    parks = make_challenge(residents_must_verify=True)
    issue_resident_codes(streets, "STREET-1234-AB")
    residents.resident_code_redeem(user=people["resident"], challenge=streets, code="STREET-1234-AB")
    assert who_may("voting.support_idea", IdeaFactory(challenge=streets), "during") == {"resident"}
    assert who_may("voting.support_idea", IdeaFactory(challenge=parks), "during") == set()


def test_challenges_without_the_setting_are_unchanged(make_challenge, who_may):
    idea = IdeaFactory(challenge=make_challenge())
    assert who_may("voting.support_idea", idea, "during") == ALLOWED_WHILE_VOTING["everyone"]


def test_withdrawing_a_support_needs_no_code(make_challenge, people, at):
    idea = IdeaFactory(challenge=make_challenge(residents_must_verify=True))
    with at("during"):
        assert people["resident"].has_perm("voting.withdraw_support", idea) is True
