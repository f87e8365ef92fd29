"""Who may do what with challenges, ideas and comments. The same rule decides the button a
template shows (``{% has_perm %}``) and the request a view, the API or a service accepts."""

from datetime import timedelta

import rules
from django.utils import timezone

from accounts.rules import is_city_staff, is_moderator, is_verified

from . import transitions
from .models import PUBLIC_STAGES, IdeaStage
from .predicates import challenge_accepts_ideas, challenge_is_open, is_author, is_in_audience

# How long authors may edit their comment after posting it.
COMMENT_EDIT_WINDOW = timedelta(minutes=15)

# An idea can be edited until the city starts working on it (withdrawing follows the
# transition table).
OPEN_STAGES = (IdeaStage.DRAFT, IdeaStage.SUBMITTED, IdeaStage.PUBLISHED)


@rules.predicate
def idea_is_open(user, idea) -> bool:
    return getattr(idea, "stage", None) in OPEN_STAGES


@rules.predicate
def table_allows_withdrawal(user, idea) -> bool:
    """The transition table has a withdrawal from the idea's stage that this person may make."""
    return idea is not None and transitions.may_move(user, idea, IdeaStage.WITHDRAWN)


@rules.predicate
def idea_is_draft(user, idea) -> bool:
    return getattr(idea, "stage", None) == IdeaStage.DRAFT


@rules.predicate
def idea_is_public(user, idea) -> bool:
    return getattr(idea, "stage", None) in PUBLIC_STAGES and not getattr(idea, "is_hidden", True)


@rules.predicate
def is_own_content(user, obj) -> bool:
    return is_author(user, obj)


@rules.predicate
def comment_is_live(user, comment) -> bool:
    return not (comment.is_deleted or comment.is_hidden)


@rules.predicate
def comment_is_recent(user, comment) -> bool:
    return timezone.now() - comment.created_at <= COMMENT_EDIT_WINDOW


# Ideas
# Cheap checks first: whether someone's email is verified costs a query.
can_take_part = is_in_audience & is_verified
rules.add_perm("ideas.add_idea", challenge_accepts_ideas & can_take_part)
rules.add_perm("ideas.view_idea", idea_is_public | is_author | is_moderator)
rules.add_perm("ideas.change_idea", is_author & is_verified & idea_is_open & challenge_accepts_ideas)
rules.add_perm("ideas.submit_idea", is_author & can_take_part & idea_is_draft & challenge_accepts_ideas)
rules.add_perm("ideas.withdraw_idea", table_allows_withdrawal)

# Comments (the object is the idea for adding, the comment otherwise)
rules.add_perm("ideas.add_comment", idea_is_public & challenge_is_open & can_take_part)
rules.add_perm("ideas.post_official_response", is_city_staff & is_verified & idea_is_public & challenge_is_open)
rules.add_perm("ideas.change_comment", is_author & comment_is_live & comment_is_recent & challenge_is_open)
rules.add_perm("ideas.delete_comment", is_author & comment_is_live)

# Community care
# Reports hide content after a few of them, so reporting is a contribution like any other.
rules.add_perm("ideas.flag", rules.is_authenticated & ~is_own_content & is_verified)
rules.add_perm("ideas.follow", rules.is_authenticated)

# Moderation (the Wagtail admin queue)
rules.add_perm("ideas.moderate", is_moderator)


def flag_refusal(user, target) -> str:
    """Why ``user`` may not report ``target`` (an idea or a comment), for people."""
    from django.utils.translation import gettext as _

    if not getattr(user, "is_authenticated", False):
        return _("Sign in to report.")
    if is_own_content(user, target):
        return _("You cannot report your own contribution.")
    if not is_verified(user):
        return _("Confirm your email address to report.")
    return _("You cannot report this.")
