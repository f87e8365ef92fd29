"""Scorecards: who may score, blind review, and the summary leadership reads."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from pipeline import services
from pipeline.selectors import evaluation_summary
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def assigned(reviewed_challenge, leadership):
    """Three evaluators assigned to the whole challenge."""

    def make(count=3):
        people = [UserFactory(roles=["Evaluators"], display_name=f"Evaluator {n}") for n in range(count)]
        for person in people:
            services.evaluator_assign(challenge=reviewed_challenge, evaluator=person, actor=leadership)
        return people

    return make


def test_summary_weighted_score_mean_spread_and_disagreement(idea_in, criteria, assigned):
    impact, cost = criteria  # weights 2 and 1
    idea = idea_in("shortlisted")
    first, second, third = assigned()
    services.evaluation_submit(idea=idea, evaluator=first, scores={impact.pk: 5, cost.pk: 2})
    services.evaluation_submit(idea=idea, evaluator=second, scores={impact.pk: 4, cost.pk: 2})
    services.evaluation_submit(idea=idea, evaluator=third, scores={impact.pk: 1, cost.pk: 3}, comment="Unproven.")
    summary = evaluation_summary(idea=idea)
    by_name = {c.criterion.name: c for c in summary.criteria}
    assert summary.evaluators == 3
    assert by_name["Impact"].mean == pytest.approx(10 / 3)
    assert by_name["Impact"].spread == pytest.approx(1.6997, abs=1e-3)
    assert by_name["Impact"].disagreement  # 1 against 5
    assert not by_name["Cost"].disagreement
    assert summary.weighted_score == pytest.approx((2 * 10 / 3 + 1 * 7 / 3) / 3)
    assert summary.disagreement


def test_revising_a_scorecard_replaces_it(idea_in, criteria, assigned):
    impact, cost = criteria
    idea = idea_in("shortlisted")
    (person,) = assigned(1)
    services.evaluation_submit(idea=idea, evaluator=person, scores={impact.pk: 1, cost.pk: 1})
    services.evaluation_submit(idea=idea, evaluator=person, scores={impact.pk: 4, cost.pk: 4})
    summary = evaluation_summary(idea=idea)
    assert summary.evaluators == 1 and summary.weighted_score == 4


def test_an_evaluator_cannot_score_their_own_idea(idea_in, criteria, assigned):
    impact, cost = criteria
    (person,) = assigned(1)
    own = idea_in("shortlisted", author=person)
    with pytest.raises(ValidationError, match="You cannot score your own idea"):
        services.evaluation_submit(idea=own, evaluator=person, scores={impact.pk: 5, cost.pk: 5})
    assert evaluation_summary(idea=own).evaluators == 0


@pytest.mark.parametrize("stage", ["published", "under_review", "selected"])
def test_only_shortlisted_ideas_are_scored(stage, idea_in, criteria, assigned):
    impact, cost = criteria
    (person,) = assigned(1)
    with pytest.raises(ValidationError, match="shortlisted"):
        services.evaluation_submit(idea=idea_in(stage), evaluator=person, scores={impact.pk: 3, cost.pk: 3})


def test_every_criterion_needs_a_score_between_1_and_5(idea_in, criteria, assigned):
    impact, cost = criteria
    (person,) = assigned(1)
    idea = idea_in("shortlisted")
    with pytest.raises(ValidationError) as error:
        services.evaluation_submit(idea=idea, evaluator=person, scores={impact.pk: 6})
    assert error.value.message_dict == {
        f"criterion_{impact.pk}": ["Scores go from 1 to 5."],
        f"criterion_{cost.pk}": ["Score “Cost” from 1 to 5."],
    }


def test_unassigned_evaluators_may_not_score(idea_in, criteria, evaluator):
    impact, cost = criteria
    with pytest.raises(ValidationError, match="Only evaluators assigned"):
        services.evaluation_submit(idea=idea_in("shortlisted"), evaluator=evaluator, scores={impact.pk: 3, cost.pk: 3})


def test_assigning_someone_who_is_not_an_evaluator_is_refused(reviewed_challenge, resident, leadership):
    with pytest.raises(ValidationError, match="is not an evaluator"):
        services.evaluator_assign(challenge=reviewed_challenge, evaluator=resident, actor=leadership)


# Blind review, as the evaluator sees it in the admin --------------------------------------
def scorecard(client, idea):
    return client.get(reverse("pipeline:scorecard", args=[idea.pk])).content.decode()


def test_blind_review_hides_author_and_others_until_one_has_scored(
    client, reviewed_challenge, idea_in, criteria, assigned
):
    reviewed_challenge.blind_review = True
    reviewed_challenge.save()
    impact, cost = criteria
    idea = idea_in("shortlisted", author=UserFactory(display_name="Alex Author"))
    first, second, _third = assigned()
    services.evaluation_submit(idea=idea, evaluator=first, scores={impact.pk: 2, cost.pk: 5}, comment="Pricey.")

    client.force_login(second)
    before = scorecard(client, idea)
    assert "Alex Author" not in before
    assert "Pricey." not in before and "Evaluator 0" not in before
    assert "Blind review" in before

    response = client.post(
        reverse("pipeline:scorecard", args=[idea.pk]),
        {f"criterion_{impact.pk}": "4", f"criterion_{cost.pk}": "3", "comment": "Worth it."},
        follow=True,
    )
    after = response.content.decode()
    assert "Your scores for" in after
    assert "Alex Author" in after
    assert "Pricey." in after and "Evaluator 0" in after


def test_open_review_shows_author_and_others_at_once(client, idea_in, criteria, assigned):
    impact, cost = criteria
    idea = idea_in("shortlisted", author=UserFactory(display_name="Alex Author"))
    first, second, _third = assigned()
    services.evaluation_submit(idea=idea, evaluator=first, scores={impact.pk: 2, cost.pk: 5}, comment="Pricey.")
    client.force_login(second)
    body = scorecard(client, idea)
    assert "Alex Author" in body and "Pricey." in body


def test_leadership_reads_the_summary_on_the_evaluation_page(
    client, leadership, reviewed_challenge, idea_in, criteria, assigned
):
    impact, cost = criteria
    idea = idea_in("shortlisted", title="Pocket parks")
    first, second, _third = assigned()
    services.evaluation_submit(idea=idea, evaluator=first, scores={impact.pk: 1, cost.pk: 3})
    services.evaluation_submit(idea=idea, evaluator=second, scores={impact.pk: 5, cost.pk: 3})
    client.force_login(leadership)
    body = client.get(reverse("pipeline:evaluators", args=[reviewed_challenge.pk])).content.decode()
    assert "Pocket parks" in body
    assert "3.00" in body  # weighted: (2*3 + 1*3) / 3
    assert "3.0 ± 2.0" in body  # impact
    assert '<strong class="pipeline-flag">Yes</strong>' in body
    detail = client.get(reverse("pipeline:idea", args=[idea.pk])).content.decode()
    assert "Strong disagreement" in detail and "2 evaluators have scored." in detail
