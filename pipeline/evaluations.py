"""Writes of the review: who evaluates a challenge, and evaluators' scorecards. Callers reach
them through :mod:`pipeline.services`."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.rules import is_evaluator
from ideas.models import ChallengePage, Idea
from innovation.errors import Invalid, NotAllowed

from . import signals
from .models import CriterionScore, Evaluation, EvaluatorAssignment
from .models.evaluation import SCORE_MAX, SCORE_MIN


@transaction.atomic
def evaluator_assign(
    *, challenge: ChallengePage, evaluator: User, actor: User, idea: Idea | None = None
) -> EvaluatorAssignment:
    """Ask an evaluator to score a challenge's shortlist, or one idea of it. Only leadership
    assigns evaluators (``pipeline.assign_evaluators``)."""
    if not actor.has_perm("pipeline.assign_evaluators", challenge):
        raise NotAllowed(_("Only leadership assigns evaluators."))
    if not is_evaluator(evaluator):
        raise Invalid({"evaluator": _("%(name)s is not an evaluator.") % {"name": evaluator}})
    if idea is not None and idea.challenge_id != challenge.pk:
        raise Invalid({"idea": _("That idea belongs to another challenge.")})
    assignment, _created = EvaluatorAssignment.objects.get_or_create(
        challenge=challenge, idea=idea, evaluator=evaluator, defaults={"assigned_by": actor}
    )
    return assignment


@transaction.atomic
def evaluation_submit(*, idea: Idea, evaluator: User, scores: dict[int, int], comment: str = "") -> Evaluation:
    """Submit (or revise) an evaluator's scorecard: every criterion of the challenge, 1–5."""
    from .rules import may_score

    idea = Idea.objects.select_related("challenge").get(pk=idea.pk)
    if idea.author_id == evaluator.pk:
        raise Invalid(_("You cannot score your own idea."))
    if not may_score(evaluator, idea):
        raise Invalid(_("Only evaluators assigned to this challenge may score its shortlisted ideas."))
    criteria = list(idea.challenge.criteria.all())
    if not criteria:
        raise Invalid(_("This challenge has no evaluation criteria yet."))
    errors = {}
    for criterion in criteria:
        score = scores.get(criterion.pk)
        if score is None:
            errors[f"criterion_{criterion.pk}"] = _("Score “%(name)s” from 1 to 5.") % {"name": criterion.name}
        elif not SCORE_MIN <= int(score) <= SCORE_MAX:
            errors[f"criterion_{criterion.pk}"] = _("Scores go from 1 to 5.")
    unknown = set(scores) - {criterion.pk for criterion in criteria}
    if unknown:
        errors["__all__"] = _("Some scores are for criteria this challenge does not have.")
    if errors:
        raise Invalid(errors)
    evaluation, _created = Evaluation.objects.update_or_create(
        idea=idea, evaluator=evaluator, defaults={"comment": comment.strip(), "submitted_at": timezone.now()}
    )
    for criterion in criteria:
        CriterionScore.objects.update_or_create(
            evaluation=evaluation, criterion=criterion, defaults={"score": int(scores[criterion.pk])}
        )
    signals.evaluation_submitted.send(sender=Evaluation, evaluation=evaluation, actor=evaluator)
    return evaluation
