"""Writes to search's own index table and to the ideas' novelty scores.

Each function takes ids, reads the ideas as they are now and makes the index agree: calling
it twice, or with ideas that are no longer public, is safe. Celery tasks (``search.tasks``)
call these after the idea's own transaction has committed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from ideas.models import Idea

from .models import IndexedIdea, IndexedTag
from .text import clean_query, html_to_text

BATCH = 1000
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
    """Ideas that belong in search: public, in a live challenge."""
    return (
        Idea.objects.public()
        .filter(challenge__live=True)
        .select_related("challenge", "district")
        .prefetch_related("tags")
        .order_by("pk")
    )


def _entry_for(idea: Idea, now) -> IndexedIdea:
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


def index_refresh(*, idea_ids: Iterable[int]) -> int:
    """Make the index agree with these ideas: public ones are (re)written, the others leave.
    Returns how many of them are in the index afterwards."""
    ids = {int(pk) for pk in idea_ids}
    if not ids:
        return 0
    ideas = list(indexable_ideas().filter(pk__in=ids))
    with transaction.atomic():
        _write(ideas)
        IndexedIdea.objects.filter(pk__in=ids - {idea.pk for idea in ideas}).delete()
    return len(ideas)


def index_remove(*, idea_ids: Iterable[int]) -> None:
    """Take these ideas out of the index (whatever their state)."""
    IndexedIdea.objects.filter(pk__in={int(pk) for pk in idea_ids}).delete()


def index_rebuild(*, progress: Callable[[int, int], None] | None = None) -> int:
    """Rewrite every public idea's entry, batch by batch (search keeps answering
    meanwhile), then drop the entries of ideas that are no longer public."""
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
    return done


def novelty_compute(*, idea_ids: Iterable[int]) -> int:
    """Score how different each idea is from every earlier public idea (and pilot, where
    the pipeline provides them): 1 minus its greatest similarity to them, 0–1 on the same
    scale for every idea. Returns how many scores were written."""
    from .novelty import novelty_of

    entries = IndexedIdea.objects.filter(pk__in={int(pk) for pk in idea_ids}).order_by("published_at", "pk")
    now, written = timezone.now(), 0
    for entry in entries:
        score = novelty_of(entry)
        IndexedIdea.objects.filter(pk=entry.pk).update(novelty=score, novelty_computed_at=now)
        written += 1
    return written


def novelty_refresh_all(*, progress: Callable[[int, int], None] | None = None, only_missing: bool = False) -> int:
    """Score every indexed idea (or only those without a score yet)."""
    entries = IndexedIdea.objects.all()
    if only_missing:
        entries = entries.filter(novelty__isnull=True)
    ids = list(entries.order_by("published_at", "pk").values_list("pk", flat=True))
    done = 0
    for start in range(0, len(ids), 200):
        done += novelty_compute(idea_ids=ids[start : start + 200])
        if progress:
            progress(done, len(ids))
    return done
