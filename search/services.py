"""Writes to search's own index table, the ideas' meaning vectors and their novelty scores.

Each function takes ids, reads the ideas as they are now and makes the index agree: calling
it twice, or with ideas that are no longer public, is safe. Celery tasks (``search.tasks``)
call these after the idea's own transaction has committed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from datetime import datetime

import numpy as np
from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from ideas.models import Idea

from .encoder import get_encoder, to_bytes
from .models import IndexedIdea, IndexedTag
from .text import clean_query, html_to_text
from .vectors import changed, table

BATCH = 1000
VECTOR_BATCH = 256
ENTRY_FIELDS = [
    "challenge",
    "district",
    "stage",
    "year",
    "published_at",
    "title",
    "summary",
    "body_text",
    "tag_text",
    "challenge_title",
    "support_count",
    "indexed_at",
]


def search_vector():
    """Title above summary and tags above the description above the challenge's title."""
    return (
        SearchVector("title", weight="A", config="english")
        + SearchVector("summary", weight="B", config="english")
        + SearchVector("tag_text", weight="B", config="english")
        + SearchVector("body_text", weight="C", config="english")
        + SearchVector("challenge_title", weight="D", config="english")
    )


def indexable_ideas():
    """Ideas that belong in search: public, in a live challenge (merged ones too; which are
    listed is decided when reading, by ``backends.database.public_entries``)."""
    return (
        Idea.objects.public()
        .filter(challenge__live=True)
        .select_related("challenge", "district")
        .prefetch_related("tags")
        .order_by("pk")
    )


def _entry_for(idea: Idea, now: datetime) -> IndexedIdea:
    published = idea.published_at or idea.created_at
    return IndexedIdea(
        idea_id=idea.pk,
        challenge_id=idea.challenge_id,
        district_id=idea.district_id,
        stage=idea.stage,
        year=published.year,
        published_at=published,
        title=clean_query(idea.title, limit=140),
        summary=clean_query(idea.summary, limit=280),
        body_text=html_to_text(idea.body),
        tag_text=", ".join(sorted(tag.name for tag in idea.tags.all())),
        challenge_title=clean_query(idea.challenge.title, limit=255),
        support_count=idea.support_count,
        indexed_at=now,
    )


def _write(ideas: list[Idea]) -> None:
    """Upsert the entries and their tags in one transaction; refresh the search vector."""
    if not ideas:
        return
    now = timezone.now()
    ids = [idea.pk for idea in ideas]
    with transaction.atomic():
        IndexedIdea.objects.bulk_create(
            [_entry_for(idea, now) for idea in ideas],
            update_conflicts=True,
            unique_fields=["idea"],
            update_fields=ENTRY_FIELDS,
        )
        IndexedTag.objects.filter(entry_id__in=ids).delete()
        tags = []
        for idea in ideas:
            slugs = set()
            for tag in idea.tags.all():
                slug = (tag.slug or slugify(tag.name, allow_unicode=True))[:100]
                if slug and slug not in slugs:
                    slugs.add(slug)
                    tags.append(IndexedTag(entry_id=idea.pk, name=tag.name[:100], slug=slug))
        IndexedTag.objects.bulk_create(tags)
        if connection.vendor == "postgresql":
            IndexedIdea.objects.filter(pk__in=ids).update(search_vector=search_vector())
    changed()


def index_refresh(*, idea_ids: Iterable[int]) -> int:
    """Make the index agree with these ideas: public ones are (re)written with their meaning
    vectors, the others leave. Returns how many of them are in the index afterwards."""
    ids = {int(pk) for pk in idea_ids}
    if not ids:
        return 0
    ideas = list(indexable_ideas().filter(pk__in=ids))
    with transaction.atomic():
        _write(ideas)
        IndexedIdea.objects.filter(pk__in=ids - {idea.pk for idea in ideas}).delete()
    changed()
    vectors_refresh(idea_ids=[idea.pk for idea in ideas])
    return len(ideas)


def index_remove(*, idea_ids: Iterable[int]) -> None:
    """Take these ideas out of the index (whatever their state)."""
    IndexedIdea.objects.filter(pk__in={int(pk) for pk in idea_ids}).delete()
    changed()


def index_rebuild(*, progress: Callable[[int, int], None] | None = None) -> int:
    """Rewrite every public idea's entry, batch by batch (search keeps answering
    meanwhile), then drop the entries of ideas that are no longer public. Meaning vectors
    are kept where the text did not change (:func:`vectors_refresh` does the rest)."""
    ideas = indexable_ideas()
    total, done, last_pk = ideas.count(), 0, 0
    while True:
        batch = list(ideas.filter(pk__gt=last_pk)[:BATCH])
        if not batch:
            break
        _write(batch)
        done += len(batch)
        last_pk = batch[-1].pk
        if progress:
            progress(done, total)
    IndexedIdea.objects.exclude(idea__in=indexable_ideas().values("pk")).delete()
    changed()
    return done


def gist(title: str, summary: str) -> str:
    """The text whose meaning an idea's vector holds: its title and summary."""
    title = (title or "").strip()
    return f"{title.rstrip('.!?')}. {summary or ''}".strip() if title else (summary or "")


def vector_key(model_id: str, text: str) -> str:
    """Which model made a vector from which text: a changed text or model means a new vector."""
    return f"{model_id}:{hashlib.sha256(text.encode()).hexdigest()[:40]}"


def vectors_refresh(
    *,
    idea_ids: Iterable[int] | None = None,
    force: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Give every indexed idea (or these) a meaning vector made from its current title and
    summary by the current model, encoding only what is missing or out of date (all of them
    with ``force``), in batches. Returns how many vectors were written."""
    encoder = get_encoder()
    entries = IndexedIdea.objects.order_by("pk")
    if idea_ids is not None:
        entries = entries.filter(pk__in={int(pk) for pk in idea_ids})
    todo = []
    for pk, title, summary, key in entries.values_list("pk", "title", "summary", "vector_key").iterator(5000):
        text = gist(title, summary)
        wanted = vector_key(encoder.model_id, text)
        if force or key != wanted:
            todo.append((pk, text, wanted))
    todo.sort(key=lambda item: len(item[1]))  # batches of like lengths: less padding to encode
    done = 0
    for start in range(0, len(todo), VECTOR_BATCH):
        chunk = todo[start : start + VECTOR_BATCH]
        vectors = encoder.encode([text for _pk, text, _key in chunk])
        now = timezone.now()
        IndexedIdea.objects.bulk_update(
            [
                IndexedIdea(pk=pk, vector=to_bytes(vector), vector_key=key, indexed_at=now)
                for (pk, _text, key), vector in zip(chunk, vectors, strict=True)
            ],
            ["vector", "vector_key", "indexed_at"],
        )
        done += len(chunk)
        changed()
        if progress:
            progress(done, len(todo))
    return done


def _write_novelty(scores: dict[int, float]) -> int:
    now = timezone.now()
    rows = [IndexedIdea(pk=pk, novelty=float(score), novelty_computed_at=now) for pk, score in scores.items()]
    IndexedIdea.objects.bulk_update(rows, ["novelty", "novelty_computed_at"], batch_size=BATCH)
    return len(rows)


def novelty_compute(*, idea_ids: Iterable[int]) -> int:
    """Score how different in meaning each idea is from every earlier public idea (and
    pilot): 1 minus its greatest cosine similarity to them, 0–1. Ideas without a vector yet
    keep no score. Returns how many scores were written."""
    from . import novelty

    vectors = table(full=True)
    ids = [pk for pk in sorted({int(pk) for pk in idea_ids}) if vectors.vector_of(pk) is not None]
    if not ids:
        return 0
    rows = np.array([vectors.row_of[pk] for pk in ids])
    queries, published = vectors.matrix[rows], vectors.published[rows]
    best = np.maximum(
        vectors.greatest_earlier(queries, published, vectors.ids[rows]),
        novelty.greatest_other(queries, published),
    )
    return _write_novelty(dict(zip(ids, novelty.from_similarity(best).tolist(), strict=True)))


def novelty_refresh_all(*, progress: Callable[[int, int], None] | None = None) -> int:
    """Score every indexed idea: each compared with all ideas before it, in blocks."""
    from . import novelty

    vectors = table(full=True)
    best = vectors.greatest_earlier_all(progress=progress)
    ids = np.array(list(best), dtype=np.int64)
    if not len(ids):
        return 0
    rows = np.array([vectors.row_of[pk] for pk in ids.tolist()])
    similarity = np.maximum(
        np.array(list(best.values()), dtype=np.float32),
        novelty.greatest_other(vectors.matrix[rows], vectors.published[rows]),
    )
    return _write_novelty(dict(zip(ids.tolist(), novelty.from_similarity(similarity).tolist(), strict=True)))
