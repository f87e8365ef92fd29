"""Search listens to the events of the apps below it and reindexes after their commit.

These are receivers of the apps' own named signals (sent by their services), not model
``post_save`` receivers.
"""

from django.db import transaction

from ideas import signals as idea_signals

IDEA_EVENTS = (
    idea_signals.idea_published,
    idea_signals.idea_updated,
    idea_signals.idea_hidden,
    idea_signals.idea_restored,
    idea_signals.idea_withdrawn,
)


def reindex_after_commit(idea_ids) -> None:
    from .tasks import index_ideas

    ids = sorted({int(pk) for pk in idea_ids})
    if ids:
        # robust: with the broker down the change still succeeds; beat's reconcile catches up.
        transaction.on_commit(lambda: index_ideas.delay(ids), robust=True)


def _idea_changed(sender, idea=None, **kwargs):
    if idea is not None:
        reindex_after_commit([idea.pk])


def connect() -> None:
    for signal in IDEA_EVENTS:
        signal.connect(_idea_changed, dispatch_uid="search-reindex")
