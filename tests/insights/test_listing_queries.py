"""The insights listings (ideas, comments, evaluations, pilots) cost the same number of queries
for 3 rows as for 30: what a row shows comes with the page's own queries, never one per row."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts import roles
from ideas.models import Comment, EvaluationCriterion
from pipeline.models import CriterionScore, Evaluation
from tests.factories import ChallengeFactory, DistrictFactory, IdeaFactory, PilotFactory, UserFactory

pytestmark = pytest.mark.django_db

STREETS = ["Mill Road", "Quay Street", "Linden Road", "Elm Avenue", "Station Square", "Harbour Lane"]
PLACES = ["Riverside", "Old Town", "Hillcrest"]

# The user and roles, the admin's furniture, the listing's filters and choices, its count, its
# rows and what they show (pilots: their pages' tree and revisions).
LISTING_QUERIES = {"insights_ideas": 14, "insights_comments": 13, "insights_evaluations": 15, "insights_pilots": 17}


@pytest.fixture
def lead_client(client):
    client.force_login(UserFactory(roles=[roles.LEADERSHIP], display_name="Lena Okafor"))
    return client


@pytest.fixture
def greener_streets(home_page):
    challenge = ChallengeFactory.create("review", title="Greener streets")
    criteria = [
        EvaluationCriterion.objects.create(challenge=challenge, name="Impact", weight=2),
        EvaluationCriterion.objects.create(challenge=challenge, name="Cost", weight=1),
    ]
    districts = [DistrictFactory(name=name, slug=name.lower().replace(" ", "-")) for name in PLACES]
    return challenge, criteria, districts


def _add(greener_streets, start: int, stop: int) -> None:
    """Ideas ``start`` to ``stop``, each by its own resident, with a comment, a scorecard by its
    own evaluator and a pilot."""
    challenge, criteria, districts = greener_streets
    for number in range(start, stop):
        street = STREETS[number % len(STREETS)]
        idea = IdeaFactory(
            challenge=challenge,
            author=UserFactory(roles=[roles.RESIDENTS], display_name=f"Resident {number}"),
            title=f"Plant shade trees along {street} ({number})",
            summary=f"The pavement on {street} is too hot to walk on in July.",
            district=districts[number % len(districts)],
            stage="under_review",
        )
        Comment.objects.create(
            idea=idea,
            author=UserFactory(roles=[roles.RESIDENTS], display_name=f"Neighbour {number}"),
            body=f"<p>I walk along {street} every day: yes please.</p>",
        )
        evaluation = Evaluation.objects.create(
            idea=idea,
            evaluator=UserFactory(roles=[roles.EVALUATORS], display_name=f"Evaluator {number}"),
            comment="Cheap to try.",
            submitted_at=timezone.now(),
        )
        for criterion, score in zip(criteria, (4, 2), strict=True):
            CriterionScore.objects.create(evaluation=evaluation, criterion=criterion, score=score)
        PilotFactory.create(ideas=[idea], title=f"Shade trees on {street} ({number})")


def _queries(client, django_assert_max_num_queries, name: str) -> int:
    with django_assert_max_num_queries(LISTING_QUERIES[name]) as captured:
        response = client.get(reverse(f"{name}:index"))
    assert response.status_code == 200
    return len(captured)


def test_each_listing_costs_the_same_for_3_or_30_rows(lead_client, greener_streets, django_assert_max_num_queries):
    _add(greener_streets, 0, 3)
    few = {name: _queries(lead_client, django_assert_max_num_queries, name) for name in LISTING_QUERIES}
    _add(greener_streets, 3, 30)
    many = {name: _queries(lead_client, django_assert_max_num_queries, name) for name in LISTING_QUERIES}
    assert many == few
    page = lead_client.get(reverse("insights_comments:index")).content.decode()
    assert "I walk along Harbour Lane every day" in page
    ideas = lead_client.get(reverse("insights_ideas:index")).content.decode()
    assert "Plant shade trees along Harbour Lane (29)" in ideas
