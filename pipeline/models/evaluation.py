from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

SCORE_MIN = 1
SCORE_MAX = 5


class EvaluatorAssignment(models.Model):
    """Leadership asks an evaluator to score a challenge's shortlist, or only some ideas of it."""

    challenge = models.ForeignKey(
        "ideas.ChallengePage",
        verbose_name=_("challenge"),
        on_delete=models.CASCADE,
        related_name="evaluator_assignments",
    )
    idea = models.ForeignKey(
        "ideas.Idea",
        verbose_name=_("idea"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="evaluator_assignments",
        help_text=_("Leave empty to assign the whole challenge."),
    )
    evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("evaluator"), on_delete=models.CASCADE, related_name="assignments"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("assigned"), auto_now_add=True)

    class Meta:
        verbose_name = _("evaluator assignment")
        verbose_name_plural = _("evaluator assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["challenge", "evaluator"], condition=Q(idea__isnull=True), name="one_assignment_per_challenge"
            ),
            models.UniqueConstraint(
                fields=["idea", "evaluator"], condition=Q(idea__isnull=False), name="one_assignment_per_idea"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.evaluator} → {self.idea or self.challenge}"


class Evaluation(models.Model):
    """One evaluator's submitted scorecard for one idea: a score per criterion and a comment."""

    idea = models.ForeignKey("ideas.Idea", verbose_name=_("idea"), on_delete=models.CASCADE, related_name="evaluations")
    evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("evaluator"), on_delete=models.CASCADE, related_name="evaluations"
    )
    comment = models.TextField(_("comment"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["submitted_at", "id"]
        constraints = [models.UniqueConstraint(fields=["idea", "evaluator"], name="one_evaluation_per_evaluator")]

    def __str__(self) -> str:
        return f"{self.evaluator} on {self.idea}"


class CriterionScore(models.Model):
    """A score from 1 to 5 on one of the challenge's criteria."""

    evaluation = models.ForeignKey(
        Evaluation, verbose_name=_("evaluation"), on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(
        "ideas.EvaluationCriterion", verbose_name=_("criterion"), on_delete=models.CASCADE, related_name="scores"
    )
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(SCORE_MIN), MaxValueValidator(SCORE_MAX)]
    )

    class Meta:
        verbose_name = _("criterion score")
        verbose_name_plural = _("criterion scores")
        constraints = [
            models.UniqueConstraint(fields=["evaluation", "criterion"], name="one_score_per_criterion"),
            models.CheckConstraint(
                condition=Q(score__gte=SCORE_MIN) & Q(score__lte=SCORE_MAX), name="score_between_1_and_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"
