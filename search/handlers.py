"""Search listens to the events of the apps below it and reindexes after their commit.

These are receivers of the apps' own named signals (sent by their services), not model
``post_save`` receivers.
"""

from ideas import signals as idea_signals
from innovation.queue import queue_task_after_commit

IDEA_EVENTS = (
    idea_signals.idea_published,
    idea_signals.idea_updated,
    idea_signals.idea_hidden,
    idea_signals.idea_restored,
    idea_signals.idea_withdrawn,
)


def reindex_after_commit(idea_ids) -> None:
    """Reindex these ideas once the surrounding transaction commits. A broker outage never
    fails the request that changed them: beat's ``reconcile_index`` finds what is missing or stale."""
    from .tasks import index_ideas

    ids = sorted({int(pk) for pk in idea_ids})
    if ids:
        queue_task_after_commit(index_ideas, [ids])


def _idea_changed(sender, idea=None, **kwargs):
    if idea is not None:
        reindex_after_commit([idea.pk])


def connect() -> None:
    for signal in IDEA_EVENTS:
        signal.connect(_idea_changed, dispatch_uid="search-reindex")
