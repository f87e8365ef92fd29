"""Indexing really happens in a Celery worker process, and only after the idea's commit."""

import pytest
from django.db import transaction

from ideas import signals
from ideas.models import Idea
from search.backends.database import DatabaseBackend
from search.models import IndexedIdea
from tests.celery_worker import celery_worker  # noqa: F401 (a fixture)
from tests.factories import IdeaFactory

# A worker reads committed data; restore what migrations created (root page, roles) after each flush.
pytestmark = pytest.mark.django_db(transaction=True)


def test_a_published_idea_is_indexed_by_the_worker_after_commit(celery_worker):  # noqa: F811
    with transaction.atomic():
        idea = IdeaFactory(title="Rooftop beehives on the library", summary="Honey for the neighbourhood.")
        signals.idea_published.send(sender=Idea, idea=idea, actor=idea.author)
        assert celery_worker.queued() == 0  # nothing is sent while the transaction may still roll back
    # The worker indexes the text, then encodes its meaning (loading the model the first time),
    # then scores novelty.
    celery_worker.wait_until(lambda: IndexedIdea.objects.filter(pk=idea.pk, novelty__isnull=False).exists())
    assert [hit.title for hit in DatabaseBackend().search("beehives").hits] == ["Rooftop beehives on the library"]
    assert IndexedIdea.objects.get(pk=idea.pk).novelty == 1.0  # scored by the worker too

    Idea.objects.filter(pk=idea.pk).update(is_hidden=True)
    signals.idea_hidden.send(sender=Idea, idea=idea, actor=idea.author, reason="spam")
    celery_worker.wait_until(lambda: not IndexedIdea.objects.filter(pk=idea.pk).exists())


def test_a_rolled_back_publication_sends_nothing(celery_worker):  # noqa: F811
    with pytest.raises(RuntimeError), transaction.atomic():
        idea = IdeaFactory(title="Rooftop beehives", summary="Honey.")
        signals.idea_published.send(sender=Idea, idea=idea, actor=idea.author)
        raise RuntimeError("the service failed after publishing")
    assert celery_worker.queued() == 0
    assert not IndexedIdea.objects.exists()
