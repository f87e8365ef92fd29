"""Ideas enter and leave search when the ideas app announces a change, after its commit."""

import pytest

from ideas import signals
from ideas.models import Idea
from search import services, tasks
from search.backends.database import DatabaseBackend
from search.models import IndexedIdea
from tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db


def titles(query):
    return [hit.title for hit in DatabaseBackend().search(query).hits]


def test_a_published_idea_is_found_once_its_transaction_commits(django_capture_on_commit_callbacks):
    idea = IdeaFactory(title="Rooftop beehives on the library", summary="Honey for the neighbourhood.")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        signals.idea_published.send(sender=Idea, idea=idea, actor=idea.author)
    assert titles("beehives") == []  # nothing happens before the commit
    assert callbacks  # search's reindex (and the notifications outbox's relay) wait for the commit
    for callback in callbacks:
        callback()
    assert titles("beehives") == ["Rooftop beehives on the library"]


def test_an_edited_idea_is_found_by_its_new_words(django_capture_on_commit_callbacks):
    idea = IdeaFactory(title="Rooftop beehives", summary="Honey.")
    services.index_refresh(idea_ids=[idea.pk])
    Idea.objects.filter(pk=idea.pk).update(title="Rooftop gardens")
    with django_capture_on_commit_callbacks(execute=True):
        signals.idea_updated.send(sender=Idea, idea=idea, actor=idea.author)
    assert titles("gardens") == ["Rooftop gardens"]
    assert titles("beehives") == []


@pytest.mark.parametrize(
    ("signal", "change"),
    [
        (signals.idea_hidden, {"is_hidden": True}),
        (signals.idea_withdrawn, {"stage": "withdrawn"}),
        (signals.idea_hidden, {"stage": "rejected"}),
    ],
)
def test_hidden_rejected_and_withdrawn_ideas_leave_the_index(django_capture_on_commit_callbacks, signal, change):
    idea = IdeaFactory(title="Rooftop beehives", summary="Honey.")
    services.index_refresh(idea_ids=[idea.pk])
    Idea.objects.filter(pk=idea.pk).update(**change)
    with django_capture_on_commit_callbacks(execute=True):
        signal.send(sender=Idea, idea=idea, actor=idea.author)
    assert not IndexedIdea.objects.filter(pk=idea.pk).exists()


def test_a_restored_idea_comes_back(django_capture_on_commit_callbacks):
    idea = IdeaFactory(title="Rooftop beehives", summary="Honey.", is_hidden=True)
    Idea.objects.filter(pk=idea.pk).update(is_hidden=False)
    with django_capture_on_commit_callbacks(execute=True):
        signals.idea_restored.send(sender=Idea, idea=idea, actor=idea.author)
    assert titles("beehives") == ["Rooftop beehives"]


def test_indexing_twice_changes_nothing():
    idea = IdeaFactory(title="Rooftop beehives", summary="Honey.")
    idea.tags.add("bees", "food")
    tasks.index_ideas.delay([idea.pk])
    first = IndexedIdea.objects.values().get(pk=idea.pk)
    tasks.index_ideas.delay([idea.pk, idea.pk])
    second = IndexedIdea.objects.values().get(pk=idea.pk)
    assert {k: v for k, v in first.items() if k not in ("indexed_at", "novelty_computed_at")} == {
        k: v for k, v in second.items() if k not in ("indexed_at", "novelty_computed_at")
    }
    assert sorted(IndexedIdea.objects.get(pk=idea.pk).tags.values_list("slug", flat=True)) == ["bees", "food"]


def test_the_reconcile_task_catches_up_with_changes_it_was_not_told_about():
    IdeaFactory(title="Rooftop beehives", summary="Honey.")
    gone = IdeaFactory(title="Floating pool", summary="Swim in the river.")
    services.index_refresh(idea_ids=[gone.pk])
    Idea.objects.filter(pk=gone.pk).update(is_hidden=True)
    assert tasks.reconcile_index.delay().get() == 2
    assert titles("beehives") == ["Rooftop beehives"]
    assert titles("pool") == []
    assert tasks.reconcile_index.delay().get() == 0


def test_rebuild_indexes_every_public_idea_and_nothing_else():
    public = IdeaFactory.create_batch(3)
    IdeaFactory(is_hidden=True)
    IdeaFactory(stage="draft", published_at=None)
    seen = []
    assert services.index_rebuild(progress=lambda done, total: seen.append((done, total))) == 3
    assert set(IndexedIdea.objects.values_list("pk", flat=True)) == {idea.pk for idea in public}
    assert seen[-1] == (3, 3)
