"""The ideas app's records: challenges (Wagtail pages), ideas, and the discussion around them."""

from .challenges import (
    Audience,
    ChallengeIndexPage,
    ChallengePage,
    EvaluationCriterion,
    ModerationMode,
    Phase,
    totals_hidden_for,
    totals_hidden_q,
)
from .discussion import Comment, Flag, FlagReason, FlagStatus, Follow
from .ideas import (
    PUBLIC_STAGES,
    Idea,
    IdeaQuerySet,
    IdeaStage,
    TaggedIdea,
    listed_ideas_q,
    public_ideas_q,
    written_language_field,
)

__all__ = [
    "PUBLIC_STAGES",
    "Audience",
    "ChallengeIndexPage",
    "ChallengePage",
    "Comment",
    "EvaluationCriterion",
    "Flag",
    "FlagReason",
    "FlagStatus",
    "Follow",
    "Idea",
    "IdeaQuerySet",
    "IdeaStage",
    "ModerationMode",
    "Phase",
    "TaggedIdea",
    "listed_ideas_q",
    "public_ideas_q",
    "totals_hidden_for",
    "totals_hidden_q",
    "written_language_field",
]
