"""The board's own card figures: supports, pairwise score and evaluation score."""

from django.utils.translation import gettext_lazy as _

from voting.methods import VotingMethod
from voting.selectors import pairwise_scores

from .extensions import register_board_metric


def supports_for(ideas) -> dict:
    return {idea.pk: idea.support_count for idea in ideas}


def pairwise_for(ideas) -> dict:
    """The chance each idea beats another of its challenge in pairwise votes (0–1); none for
    challenges that vote otherwise."""
    if not any(idea.challenge.voting_method == VotingMethod.PAIRWISE for idea in ideas):
        return {}
    return {pk: score.score for pk, score in pairwise_scores([idea.pk for idea in ideas]).items()}


def evaluation_for(ideas) -> dict:
    from .selectors import weighted_scores

    return weighted_scores(ideas)


register_board_metric("supports", _("Supports"), supports_for, order=10, display="integer")
register_board_metric("pairwise", _("Pairwise score"), pairwise_for, order=20, display="percent")
register_board_metric("evaluation", _("Evaluation score"), evaluation_for, order=30)
