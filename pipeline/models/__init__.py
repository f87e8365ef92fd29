"""The pipeline's records: the public timeline of each idea's stages, evaluators' scorecards,
and the pilot pages that test selected ideas in the city."""

from .evaluation import CriterionScore, Evaluation, EvaluatorAssignment
from .pilots import (
    PilotFollow,
    PilotIdea,
    PilotIndexPage,
    PilotMilestone,
    PilotPage,
    PilotStatus,
    PilotUpdate,
)
from .stages import StageChange

__all__ = [
    "CriterionScore",
    "Evaluation",
    "EvaluatorAssignment",
    "PilotFollow",
    "PilotIdea",
    "PilotIndexPage",
    "PilotMilestone",
    "PilotPage",
    "PilotStatus",
    "PilotUpdate",
    "StageChange",
]
