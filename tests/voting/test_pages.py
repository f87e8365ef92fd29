import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ideas.models import Idea
from tests.factories import ChallengeFactory, IdeaFactory, UserFactory
from voting import services
from voting.models import PairwiseVote, Support

pytestmark = pytest.mark.django_db

# Signed in, one of them is the header's count of unread notifications; and Wagtail finds
# the active locale for the page tree (internationalisation on): 2 queries.
MAX_QUERIES = 18


@pytest.fixture
def voter(client):
    person = UserFactory(roles=["Residents"])
    client.force_login(person)
    return person


@pytest.fixture
def support_challenge(home_page):
    return ChallengeFactory.create("voting", supports_per_person=5)


@pytest.fixture
def pairwise_challenge(home_page):
    return ChallengeFactory.create("voting", voting_method="pairwise")


def test_support_and_withdraw_from_the_challenge_page(client, voter, support_challenge):
    idea = IdeaFactory(challenge=support_challenge, title="Shade trees on Main Street")
    page = client.get(support_challenge.url).content.decode()
    assert "5 of 5 supports left" in page
    assert 'Support<span class="visually-hidden">: Shade trees on Main Street' in page

    response = client.post(f"/votes/ideas/{idea.pk}/support/", {"action": "add", "next": support_challenge.url})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "You support “Shade trees on Main Street”. 4 of 5 supports left." in page
    assert "4 of 5 supports left" in page
    assert "Withdraw support" in page
    assert "<strong>1</strong> support" in page

    client.post(f"/votes/ideas/{idea.pk}/support/", {"action": "withdraw"})
    assert not Support.objects.exists()


def test_the_cap_shows_and_refuses(client, voter, support_challenge):
    support_challenge.supports_per_person = 1
    support_challenge.save()
    first, second = IdeaFactory.create_batch(2, challenge=support_challenge)
    client.post(f"/votes/ideas/{first.pk}/support/", {"action": "add"})

    page = client.get(support_challenge.url).content.decode()
    assert "0 of 1 support left" in page
    assert "You have used all your supports. Withdraw one to support this idea." in page

    response = client.post(f"/votes/ideas/{second.pk}/support/", {"action": "add"}, follow=True)
    assert "You have used all 1 of your supports" in response.content.decode()
    assert not Support.objects.filter(idea=second).exists()


def test_hidden_totals_list_my_supports_first_without_counts(client, voter, support_challenge):
    support_challenge.hide_totals_during_voting = True
    support_challenge.save()
    ideas = IdeaFactory.create_batch(6, challenge=support_challenge)
    services.support_add(voter=voter, idea=ideas[3])
    for idea in ideas[:3]:
        services.support_add(voter=UserFactory(), idea=idea)

    response = client.get(support_challenge.url)

    assert response.context["sort"] == "my_supports"
    assert response.context["ideas"][0] == ideas[3]
    text = response.content.decode()
    assert "<strong>1</strong> support" not in text
    assert 'value="supported"' not in text and 'value="trending"' not in text


def test_sorts_offered_by_method(client, support_challenge, pairwise_challenge):
    support_sorts = [option.key for option in client.get(support_challenge.url).context["sorts"]]
    pairwise_sorts = [option.key for option in client.get(pairwise_challenge.url).context["sorts"]]
    assert "trending" in support_sorts and "pairwise" not in support_sorts
    assert "pairwise" in pairwise_sorts and "trending" not in pairwise_sorts


def _bulk_ideas(challenge, count):
    author = UserFactory()
    Idea.objects.bulk_create(
        Idea(challenge=challenge, author=author, title=f"Idea {n}", summary="Summary", stage="published")
        for n in range(count)
    )


def _count(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("sort", ["trending", "newest"])
def test_challenge_page_with_support_buttons_keeps_its_query_count(client, voter, support_challenge, sort):
    _bulk_ideas(support_challenge, 5)
    for idea in Idea.objects.all()[:3]:
        services.support_add(voter=voter, idea=idea)
    few = _count(client, f"{support_challenge.url}?sort={sort}")
    _bulk_ideas(support_challenge, 45)
    many = _count(client, f"{support_challenge.url}?sort={sort}")
    assert few == many <= MAX_QUERIES


def test_results_page_keeps_its_query_count(client, pairwise_challenge):
    client.force_login(UserFactory(roles=["Leadership"]))
    _bulk_ideas(pairwise_challenge, 5)
    services.pairwise_scores_fit(challenge=pairwise_challenge)
    url = f"/votes/challenges/{pairwise_challenge.pk}/results/"
    few = _count(client, url)
    _bulk_ideas(pairwise_challenge, 95)
    services.pairwise_scores_fit(challenge=pairwise_challenge)
    many = _count(client, url)
    assert few == many <= MAX_QUERIES


def test_compare_page_shows_a_new_pair_after_each_choice(client, voter, pairwise_challenge):
    IdeaFactory.create_batch(3, challenge=pairwise_challenge)
    url = f"/votes/challenges/{pairwise_challenge.pk}/compare/"
    for answered in range(3):
        response = client.get(url)
        left, right = response.context["pair"]
        assert f"You have compared {answered} pair" in response.content.decode()
        assert client.post(url, {"left": left.pk, "right": right.pk, "choice": "right"}).status_code == 302
    assert PairwiseVote.objects.filter(voter=voter).count() == 3
    assert "You have compared every pair of ideas" in client.get(url).content.decode()


def test_results_page_ranks_by_score_and_explains_it(
    client, voter, pairwise_challenge, django_capture_on_commit_callbacks
):
    best, worst = IdeaFactory(challenge=pairwise_challenge, title="Best"), IdeaFactory(challenge=pairwise_challenge)
    with django_capture_on_commit_callbacks(execute=True):
        services.pairwise_vote_cast(voter=voter, challenge=pairwise_challenge, left=best, right=worst, choice="left")

    text = client.get(f"/votes/challenges/{pairwise_challenge.pk}/results/").content.decode()

    assert text.index("Best") < text.index(worst.title)
    assert "How the score is computed" in text
    assert 'class="range-bar"' in text
    assert "Who took part, by district" not in text


def test_results_are_hidden_while_totals_are(client, voter, pairwise_challenge):
    pairwise_challenge.hide_totals_during_voting = True
    pairwise_challenge.save()
    text = client.get(f"/votes/challenges/{pairwise_challenge.pk}/results/").content.decode()
    assert "hidden until voting closes" in text


def test_voters_add_their_idea_from_the_compare_page_while_ideas_are_open(client, voter, home_page):
    dates = ChallengeFactory.dates_for("voting")
    dates["ideas_close"] = dates["voting_close"]
    challenge = ChallengeFactory.create("voting", voting_method="pairwise", **dates)
    url = f"/votes/challenges/{challenge.pk}/compare/"
    assert "Missing something? Add your own idea" in client.get(url).content.decode()

    response = client.post(url + "idea/", {"title": "A splash pad", "summary": ""})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()

    response = client.post(url + "idea/", {"title": "A splash pad", "summary": "Water play for hot days."})
    assert response.status_code == 302
    assert Idea.objects.get(challenge=challenge, author=voter).title == "A splash pad"
