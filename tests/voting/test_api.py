import pytest

from tests.factories import ChallengeFactory, IdeaFactory, UserFactory
from voting import services
from voting.models import PairwiseVote, Support

pytestmark = pytest.mark.django_db


@pytest.fixture
def voter(api_client):
    person = UserFactory(roles=["Residents"])
    api_client.force_authenticate(person)
    return person


def _support_url(idea) -> str:
    return f"/api/v1/ideas/{idea.pk}/support/"


def test_support_then_again_then_withdraw(api_client, voter):
    idea = IdeaFactory(challenge=ChallengeFactory.create("voting", supports_per_person=5))

    first = api_client.post(_support_url(idea))
    again = api_client.post(_support_url(idea))
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json() == {
        "idea": idea.pk,
        "supported": True,
        "support_count": 1,
        "supports_cap": 5,
        "supports_left": 4,
    }

    withdrawn = api_client.delete(_support_url(idea))
    assert withdrawn.status_code == 200
    assert withdrawn.json()["supported"] is False
    assert withdrawn.json()["support_count"] == 0
    assert withdrawn.json()["supports_left"] == 5


def test_the_cap_answers_409_with_a_message(api_client, voter):
    challenge = ChallengeFactory.create("voting", supports_per_person=1)
    kept, refused = IdeaFactory.create_batch(2, challenge=challenge)
    api_client.post(_support_url(kept))

    response = api_client.post(_support_url(refused))

    assert response.status_code == 409
    assert response.json()["code"] == "cap_reached"
    assert "Withdraw one" in response.json()["detail"]
    assert not Support.objects.filter(idea=refused).exists()


@pytest.mark.parametrize("phase", ["submission", "review"])
def test_outside_voting_supports_answer_409_closed(api_client, voter, phase):
    idea = IdeaFactory(challenge=ChallengeFactory.create(phase))
    for method in (api_client.post, api_client.delete):
        response = method(_support_url(idea))
        assert response.status_code == 409
        assert response.json() == {"detail": "Voting is closed for this challenge.", "code": "closed"}


def test_refusals_say_why(api_client):
    challenge = ChallengeFactory.create("voting", audience="staff")
    idea = IdeaFactory(challenge=challenge)

    assert api_client.post(_support_url(idea)).status_code in (401, 403)

    api_client.force_authenticate(UserFactory(roles=["Residents"]))
    response = api_client.post(_support_url(idea))
    assert response.status_code == 403
    assert response.json()["detail"] == "This challenge is open to city staff only."

    api_client.force_authenticate(UserFactory(roles=["City staff"], verified=False))
    assert api_client.post(_support_url(idea)).json()["detail"] == "Confirm your email address to vote."

    own = IdeaFactory(challenge=ChallengeFactory.create("voting"), author=UserFactory())
    api_client.force_authenticate(own.author)
    assert api_client.post(_support_url(own)).json()["detail"] == "You cannot support your own idea."


def test_hidden_ideas_are_not_found(api_client, voter):
    idea = IdeaFactory(challenge=ChallengeFactory.create("voting"), is_hidden=True)
    assert api_client.post(_support_url(idea)).status_code == 404


def test_hidden_totals_are_null_for_voters(api_client, voter):
    idea = IdeaFactory(challenge=ChallengeFactory.create("voting", hide_totals_during_voting=True))
    assert api_client.post(_support_url(idea)).json()["support_count"] is None
    results = api_client.get(f"/api/v1/challenges/{idea.challenge.pk}/results/").json()
    assert results["results"][0]["support_count"] is None


def test_pairwise_voting_through_the_api(api_client, voter, django_capture_on_commit_callbacks):
    challenge = ChallengeFactory.create("voting", voting_method="pairwise")
    IdeaFactory.create_batch(4, challenge=challenge)

    seen = set()
    for _ in range(6):
        pair = api_client.get(f"/api/v1/challenges/{challenge.pk}/pair/").json()
        left, right = pair["left"]["id"], pair["right"]["id"]
        assert frozenset((left, right)) not in seen
        seen.add(frozenset((left, right)))
        with django_capture_on_commit_callbacks(execute=True):
            response = api_client.post(
                f"/api/v1/challenges/{challenge.pk}/pairwise-votes/",
                {"left": left, "right": right, "choice": "left"},
                format="json",
            )
        assert response.status_code == 201

    # Four ideas make six pairs: all answered.
    assert api_client.get(f"/api/v1/challenges/{challenge.pk}/pair/").status_code == 204
    assert response.json()["next"] is None
    assert PairwiseVote.objects.filter(voter=voter).count() == 6

    results = api_client.get(f"/api/v1/challenges/{challenge.pk}/results/").json()
    assert results["count"] == 4
    scores = [row["score"] for row in results["results"]]
    assert scores == sorted(scores, reverse=True)
    assert all(row["lower"] <= row["score"] <= row["upper"] for row in results["results"])


def test_pairwise_vote_errors_name_the_field(api_client, voter):
    challenge = ChallengeFactory.create("voting", voting_method="pairwise")
    idea = IdeaFactory(challenge=challenge)
    other = IdeaFactory(challenge=ChallengeFactory.create("voting", voting_method="pairwise"))
    url = f"/api/v1/challenges/{challenge.pk}/pairwise-votes/"

    missing = api_client.post(url, {"left": idea.pk}, format="json")
    assert missing.status_code == 400
    assert set(missing.json()) == {"right", "choice"}

    stranger = api_client.post(url, {"left": idea.pk, "right": other.pk, "choice": "left"}, format="json")
    assert stranger.status_code == 400
    assert stranger.json() == {"right": ["No idea with this id in this challenge."]}
    assert not PairwiseVote.objects.exists()


def test_district_totals_are_for_leadership_with_small_counts_hidden(api_client, district):
    challenge = ChallengeFactory.create("voting")
    idea = IdeaFactory(challenge=challenge)
    for _ in range(6):
        services.support_add(voter=UserFactory(district=district), idea=idea)
    for _ in range(2):
        services.support_add(voter=UserFactory(), idea=idea)
    url = f"/api/v1/challenges/{challenge.pk}/district-totals/"

    api_client.force_authenticate(UserFactory(roles=["Residents"]))
    assert api_client.get(url).status_code == 403

    api_client.force_authenticate(UserFactory(roles=["Leadership"]))
    body = api_client.get(url).json()
    assert body["people"] == 8
    # With one small count hidden the next smallest is hidden too, or 8 - 6 would reveal it.
    assert body["districts"] == [
        {"district": "Riverside", "people": None, "votes": None},
        {"district": "", "people": None, "votes": None},
    ]


def test_votes_are_throttled(api_client, voter, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "votes": "3/min"},
    }
    idea = IdeaFactory(challenge=ChallengeFactory.create("voting"))
    statuses = [api_client.post(_support_url(idea)).status_code for _ in range(4)]
    assert statuses == [201, 200, 200, 429]


def test_the_schema_documents_the_voting_endpoints(api_client):
    schema = api_client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    for path in (
        "/api/v1/ideas/{id}/support/",
        "/api/v1/challenges/{id}/pair/",
        "/api/v1/challenges/{id}/pairwise-votes/",
        "/api/v1/challenges/{id}/results/",
    ):
        assert path in schema["paths"], path
