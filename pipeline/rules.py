"""Who may do what in the pipeline. The same rule decides the button and the request.

Which roles may make each stage move is declared in the transition table
(:mod:`ideas.transitions`); ``pipeline.move_idea`` and ``pipeline.merge_idea`` are derived
from it. The other permissions decide access to the board, scorecards and pilots."""

import rules

from accounts import roles
from accounts.rules import is_evaluator, is_leadership, is_moderator
from ideas.models import IdeaStage
from ideas.predicates import is_author
from ideas.transitions import roles_for


def holds_a_role_for(via: str):
    """Holds a role that makes at least one move through ``via`` in the transition table."""

    @rules.predicate(name=f"holds_a_role_for:{via}")
    def predicate(user) -> bool:
        if not getattr(user, "is_authenticated", False):
            return False
        return user.is_superuser or bool(roles_for(via) & roles.user_roles(user))

    return predicate


@rules.predicate
def idea_is_shortlisted(user, idea) -> bool:
    return idea is not None and idea.stage == IdeaStage.SHORTLISTED


@rules.predicate
def idea_is_selected(user, idea) -> bool:
    return idea is not None and idea.stage == IdeaStage.SELECTED


@rules.predicate
def is_assigned_to(user, idea) -> bool:
    """Assigned to the idea itself or to its whole challenge."""
    if idea is None or not getattr(user, "is_authenticated", False):
        return False
    from django.db.models import Q

    from .models import EvaluatorAssignment

    return EvaluatorAssignment.objects.filter(
        Q(idea=idea) | Q(idea__isnull=True, challenge_id=idea.challenge_id), evaluator=user
    ).exists()


@rules.predicate
def review_is_open(user, idea) -> bool:
    """Blind review hides authors and others' scores; open review does not."""
    return idea is not None and not idea.challenge.blind_review


@rules.predicate
def has_scored(user, idea) -> bool:
    from .models import Evaluation

    return idea is not None and Evaluation.objects.filter(idea=idea, evaluator=user).exists()


may_score = is_evaluator & is_assigned_to & ~is_author & idea_is_shortlisted
may_see_review = is_leadership | (is_evaluator & is_assigned_to & (review_is_open | has_scored))
may_start_pilot = is_leadership & idea_is_selected

rules.add_perm("pipeline.view_board", is_leadership)
rules.add_perm("pipeline.move_idea", holds_a_role_for("pipeline"))
rules.add_perm("pipeline.merge_idea", holds_a_role_for("merge"))
rules.add_perm("pipeline.assign_evaluators", is_leadership)
rules.add_perm("pipeline.view_evaluation_summary", is_leadership)
rules.add_perm("pipeline.view_evaluations", is_evaluator | is_leadership)
rules.add_perm("pipeline.score_idea", may_score)
# The author and the other evaluators' scores of an idea under review.
rules.add_perm("pipeline.see_review", may_see_review)
rules.add_perm("pipeline.start_pilot", may_start_pilot)
rules.add_perm("pipeline.view_idea_pipeline", is_moderator | is_leadership)


@rules.predicate
def pilot_is_live(user, pilot) -> bool:
    return pilot is not None and pilot.live


rules.add_perm("pipeline.follow_pilot", rules.is_authenticated & pilot_is_live)
