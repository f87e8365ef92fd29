"""Deleting an account withdraws its pairwise choices in challenges still voting — the
results are refitted without them — and keeps them, without the person, in closed ones."""

import pytest

from accounts import services as account_services
from tests.factories import PASSWORD, ChallengeFactory, IdeaFactory, UserFactory
from voting import services
from voting.models import PairwiseScore, PairwiseVote

pytestmark = pytest.mark.django_db


def _compare(voter, challenge, winner, loser):
    services.pairwise_vote_cast(voter=voter, challenge=challenge, left=winner, right=loser, choice="left")


def test_choices_in_an_open_challenge_leave_the_results(client, home_page, django_capture_on_commit_callbacks):
    parks = ChallengeFactory.create("voting", voting_method="pairwise", title="Parks for everyone")
    splash = IdeaFactory(challenge=parks, title="A splash pad in Riverside Park")
    benches = IdeaFactory(challenge=parks, title="More benches along the river path")
    shade = IdeaFactory(challenge=parks, title="Shade trees on the playground")
    leaving = UserFactory(email="jonas.weber@example.org", roles=["Residents"])
    neighbour = UserFactory(roles=["Residents"])
    with django_capture_on_commit_callbacks(execute=True):
        # Jonas prefers the splash pad three times over; the neighbour prefers the benches once.
        _compare(leaving, parks, splash, benches)
        _compare(leaving, parks, splash, shade)
        services.pairwise_vote_cast(voter=leaving, challenge=parks, left=benches, right=shade, choice="undecided")
        _compare(neighbour, parks, benches, splash)
    results = f"/votes/challenges/{parks.pk}/results/"
    before = client.get(results).content.decode()
    assert "3 choices by 2 people" in before
    assert before.index(splash.title) < before.index(benches.title)

    with django_capture_on_commit_callbacks(execute=True):
        account_services.account_delete(user=leaving, password=PASSWORD)

    assert not PairwiseVote.objects.filter(voter=leaving).exists()
    assert {s.idea_id: s.comparisons for s in PairwiseScore.objects.filter(challenge=parks)} == {
        splash.pk: 1,
        benches.pk: 1,
        shade.pk: 0,
    }
    after = client.get(results).content.decode()
    assert "1 choice by 1 person so far" in after
    assert after.index(benches.title) < after.index(splash.title)
    assert PairwiseScore.objects.get(pk=splash.pk).wins == 0


def test_choices_in_a_closed_challenge_stay_without_the_person(home_page, django_capture_on_commit_callbacks):
    lights = ChallengeFactory.create("closed", voting_method="pairwise", title="Smart lighting")
    dimming = IdeaFactory(challenge=lights, title="Lights that dim when streets are empty")
    solar = IdeaFactory(challenge=lights, title="Solar lamps in the community garden")
    leaving = UserFactory(email="li.wei@example.org", roles=["Residents"])
    PairwiseVote.objects.create(voter=leaving, challenge=lights, first=dimming, second=solar, outcome="first")
    services.pairwise_comparisons_recount(challenge=lights)

    account_services.account_delete(user=leaving, password=PASSWORD)

    vote = PairwiseVote.objects.get(challenge=lights)
    assert vote.outcome == "first" and vote.voter.public_name == "Former participant"
    assert "li.wei" not in vote.voter.email
    assert PairwiseScore.objects.get(pk=dimming.pk).comparisons == 1
