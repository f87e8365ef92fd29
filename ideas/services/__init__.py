"""Writes about challenges, ideas, comments, flags and follows.

Every service checks the rule that allows it (the same rule that shows the button), validates,
writes in one transaction and sends its signal from ``ideas.signals`` once the write is done,
so the apps above (voting, pipeline, search, notifications) can react without ``ideas``
importing them. Callers import from here: ``from ideas import services``.

- :mod:`.ideas`: share, submit, edit, withdraw an idea;
- :mod:`.moderation`: approve, reject, hide and restore;
- :mod:`.discussion`: comments, reports and follows.
"""

from .discussion import comment_delete, comment_edit, comment_post, flag_add, follow_add, follow_remove
from .ideas import MAX_TAGS, idea_create, idea_submit, idea_update, idea_withdraw
from .moderation import comment_hide, comment_restore, idea_approve, idea_hide, idea_reject, idea_restore

__all__ = [
    "MAX_TAGS",
    "comment_delete",
    "comment_edit",
    "comment_hide",
    "comment_post",
    "comment_restore",
    "flag_add",
    "follow_add",
    "follow_remove",
    "idea_approve",
    "idea_create",
    "idea_hide",
    "idea_reject",
    "idea_restore",
    "idea_submit",
    "idea_update",
    "idea_withdraw",
]
