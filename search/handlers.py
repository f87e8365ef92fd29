"""Search listens to the events of the apps below it and reindexes after their commit.

These are receivers of the apps' own named signals (sent by their services), not model
``post_save`` receivers.
"""

import logging

from django.db import transaction

from ideas import signals as idea_signals

logger = logging.getLogger(__name__)

IDEA_EVENTS = (
    idea_signals.idea_published,
    idea_signals.idea_updated,
    idea_signals.idea_hidden,
    idea_signals.idea_restored,
    idea_signals.idea_withdrawn,
)


def _queue_reindex(ids: list[int]) -> None:
    from .tasks import index_ideas

    try:
        index_ideas.delay(ids)
    except Exception:
        # The change is committed; beat's ``reconcile_index`` finds what is missing or stale.
        logger.warning(
            "Reindexing ideas %s could not be queued; the reconcile sweep does it later.", ids, exc_info=True
        )


def reindex_after_commit(idea_ids) -> None:
    """Reindex these ideas once the surrounding transaction commits. A broker outage never
    fails the request that changed them."""
    ids = sorted({int(pk) for pk in idea_ids})
    if ids:
        transaction.on_commit(lambda: _queue_reindex(ids))


def _idea_changed(sender, idea=None, **kwargs):
    if idea is not None:
        reindex_after_commit([idea.pk])


def connect() -> None:
    for signal in IDEA_EVENTS:
        signal.connect(_idea_changed, dispatch_uid="search-reindex")
