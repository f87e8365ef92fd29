"""Pages residents use. Views check the rule, call a service and show its result; they hold
no business rules. The challenge page's list is built in :mod:`ideas.listing`.

- :mod:`ideas.views.ideas`: the idea form, the idea page, submit and withdraw, "My ideas"
  and "Following";
- :mod:`ideas.views.discussion`: comments, reports and follows.
"""

from .common import _safe_next
from .discussion import CommentCreateView, CommentDeleteView, CommentEditView, FlagView, FollowView
from .ideas import (
    FollowingView,
    IdeaCreateView,
    IdeaSubmitView,
    IdeaUpdateView,
    IdeaWithdrawView,
    MyIdeasView,
    idea_detail,
)

__all__ = [
    "CommentCreateView",
    "CommentDeleteView",
    "CommentEditView",
    "FlagView",
    "FollowView",
    "FollowingView",
    "IdeaCreateView",
    "IdeaSubmitView",
    "IdeaUpdateView",
    "IdeaWithdrawView",
    "MyIdeasView",
    "_safe_next",
    "idea_detail",
]
