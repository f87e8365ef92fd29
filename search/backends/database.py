"""Search over search's own index table in the site's database.

On PostgreSQL it uses the stored, GIN-indexed weighted search vector, websearch_to_tsquery,
ranking, ts_headline and pg_trgm (:mod:`search.backends.postgres`); on SQLite — the
embedded default — a simpler word-matching engine (:mod:`search.backends.portable`). Both
answer the same contract and share the facet counts, which are one aggregate query.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.db import connection
from django.db.models import Case, Exists, F, OuterRef, QuerySet, Value, When
from django.utils.html import conditional_escape

from ideas.models import listed_ideas_q, totals_hidden_q
from ideas.transitions import stage_label

from ..models import IndexedIdea, IndexedTag
from ..text import MAX_SIMILAR_TEXT_LENGTH, clean_query
from ..vectors import table
from . import meaning
from .base import (
    FACETS,
    PAGE_SIZE,
    FacetValue,
    SearchBackend,
    SearchFilters,
    SearchHit,
    SearchResults,
    SimilarIdea,
    Suggestion,
    clamp_page,
    clamp_sort,
)

FACET_SIZE = {"challenge": 12, "stage": 12, "district": 12, "year": 10, "tag": 15}
HIT_FIELDS = (
    "visible_supports",
    "idea_id",
    "title",
    "summary",
    "challenge_id",
    "challenge_title",
    "stage",
    "district__name",
    "tag_text",
    "published_at",
    "novelty",
)


def public_entries() -> QuerySet[IndexedIdea]:
    """Index rows whose idea is listed right now (public, not merged into another idea — it
    lives on there; the index may be a moment behind), with
    ``visible_supports``: the idea's live support count, or None while its challenge hides
    running totals from the public (search answers everyone alike)."""
    return IndexedIdea.objects.filter(listed_ideas_q("idea__")).annotate(
        visible_supports=Case(
            When(totals_hidden_q(prefix="challenge__"), then=Value(None)), default=F("idea__support_count")
        )
    )


def engine_for_connection():
    from . import portable, postgres

    return postgres.PostgresEngine() if connection.vendor == "postgresql" else portable.PortableEngine()


class DatabaseBackend(SearchBackend):
    """Full-text search in the database: nothing else to run."""

    name = "database"

    @property
    def engine(self):
        return engine_for_connection()

    # Keeping the index right ---------------------------------------------------------
    def index_ideas(self, idea_ids: Iterable[int]) -> int:
        from .. import services

        return services.index_refresh(idea_ids=idea_ids)

    def remove_ideas(self, idea_ids: Iterable[int]) -> None:
        from .. import services

        services.index_remove(idea_ids=idea_ids)

    def rebuild(self, *, progress: Callable[[int, int], None] | None = None) -> int:
        from .. import services

        return services.index_rebuild(progress=progress)

    # Reading ------------------------------------------------------------------------
    def filtered(self, filters: SearchFilters | None) -> QuerySet[IndexedIdea]:
        qs = public_entries()
        filters = filters or SearchFilters()
        if filters.challenge:
            qs = qs.filter(challenge_id=filters.challenge)
        if filters.stage:
            qs = qs.filter(stage=filters.stage)
        if filters.district:
            qs = qs.filter(district__slug=filters.district)
        if filters.year:
            qs = qs.filter(year=filters.year)
        if filters.tag:
            qs = qs.filter(Exists(IndexedTag.objects.filter(entry=OuterRef("pk"), slug=filters.tag)))
        return qs

    def search(self, query, filters=None, sort="relevance", page=1, page_size=PAGE_SIZE) -> SearchResults:
        query = clean_query(query)
        filters = filters or SearchFilters()
        sort, page = clamp_sort(sort), clamp_page(page)
        engine = self.engine
        qs = self.filtered(filters)
        if query:
            condition = engine.matches(query)
            if condition is None:
                empty = {name: [] for name in FACETS}
                return SearchResults(query=query, hits=[], total=0, page=page, page_size=page_size, facets=empty)
            qs = qs.filter(condition)
        total, facets = self.facets(qs, filters)
        if sort == "relevance" and query:
            qs = qs.annotate(rank=engine.rank(query)).order_by("-rank", "-published_at", "-pk")
        elif sort == "supported":
            qs = qs.order_by(F("visible_supports").desc(nulls_last=True), "-published_at", "-pk")
        elif sort == "novelty":
            qs = qs.order_by(F("novelty").desc(nulls_last=True), "-published_at", "-pk")
        else:
            qs = qs.order_by("-published_at", "-pk")
        offset = (page - 1) * page_size
        headlines = engine.headline_annotations(query) if query else {}
        qs = qs.annotate(**headlines)
        fields = HIT_FIELDS + (tuple(headlines) if headlines else ("body_text",))
        rows = list(qs.values(*fields)[offset : offset + page_size]) if offset < total else []
        hits = [self._hit(row, engine.snippet(row, query)) for row in rows]
        return SearchResults(query=query, hits=hits, total=total, page=page, page_size=page_size, facets=facets)

    @staticmethod
    def _hit(row: dict, snippet) -> SearchHit:
        return SearchHit(
            idea_id=row["idea_id"],
            title=row["title"],
            summary=row["summary"],
            snippet=snippet,
            challenge_id=row["challenge_id"],
            challenge_title=row["challenge_title"],
            stage=row["stage"],
            district=row["district__name"] or "",
            tags=[tag for tag in row["tag_text"].split(", ") if tag],
            published_at=row["published_at"],
            support_count=row["visible_supports"],
            novelty=row["novelty"],
            score=float(row.get("rank") or 0),
            title_html=row.get("title_html") or conditional_escape(row["title"]),
        )

    def facets(self, qs: QuerySet, filters: SearchFilters) -> tuple[int, dict[str, list[FacetValue]]]:
        """The number of matches and the counts of every facet, in one aggregate query."""
        sub_sql, params = qs.values(
            "idea_id", "challenge_id", "challenge_title", "stage", "district_id", "year"
        ).query.sql_with_params()
        tag_table, district_table = IndexedTag._meta.db_table, "accounts_district"
        size = FACET_SIZE
        materialized = "MATERIALIZED " if connection.vendor == "postgresql" else ""
        sql = f"""
            WITH s AS {materialized}({sub_sql})
            SELECT 'total', NULL, NULL, COUNT(*) FROM s
            UNION ALL SELECT * FROM (SELECT 'challenge', CAST(challenge_id AS TEXT), MAX(challenge_title), COUNT(*) AS n
                FROM s GROUP BY challenge_id ORDER BY n DESC LIMIT {size["challenge"]}) AS c
            UNION ALL SELECT * FROM (SELECT 'stage', stage, NULL, COUNT(*) AS n
                FROM s GROUP BY stage ORDER BY n DESC LIMIT {size["stage"]}) AS st
            UNION ALL SELECT * FROM (SELECT 'district', d.slug, MAX(d.name), COUNT(*) AS n
                FROM s JOIN {district_table} d ON d.id = s.district_id
                GROUP BY d.slug ORDER BY n DESC LIMIT {size["district"]}) AS di
            UNION ALL SELECT * FROM (SELECT 'year', CAST(year AS TEXT), NULL, COUNT(*) AS n
                FROM s GROUP BY year ORDER BY year DESC LIMIT {size["year"]}) AS y
            UNION ALL SELECT * FROM (SELECT 'tag', t.slug, MAX(t.name), COUNT(*) AS n
                FROM s JOIN {tag_table} t ON t.entry_id = s.idea_id
                GROUP BY t.slug ORDER BY n DESC, t.slug LIMIT {size["tag"]}) AS tg
        """  # noqa: S608 — only table names and integers are interpolated; values are parameters
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        total = 0
        facets: dict[str, list[FacetValue]] = {name: [] for name in FACETS}
        chosen = {name: str(value) for name, value in filters.as_dict().items()}
        for facet, value, label, count in rows:
            if facet == "total":
                total = count
                continue
            if facet == "stage":
                label = stage_label(value)
            facets[facet].append(
                FacetValue(value=value, label=label or value, count=count, selected=chosen.get(facet) == value)
            )
        return total, facets

    def suggest(self, prefix: str, limit: int = 8) -> list[Suggestion]:
        prefix = clean_query(prefix, limit=100)
        if not prefix:
            return []
        matching = self.engine.completing(public_entries(), prefix)
        if matching is None:
            return []
        rows = matching.order_by(F("visible_supports").desc(nulls_last=True), "-published_at")
        rows = rows.values_list("idea_id", "title")
        seen, result = set(), []
        for idea_id, title in rows[: limit * 3]:
            if title.lower() not in seen:
                seen.add(title.lower())
                result.append(Suggestion(text=title, idea_id=idea_id))
        return result[:limit]

    def similar(self, text="", *, idea_id=None, k=5, exclude_ids=(), challenge_id=None) -> list[SimilarIdea]:
        """Meaning first, exact words still counting (:mod:`search.backends.meaning`); by
        words alone while no idea has a meaning vector. Merged ideas are left out: they
        live on in the idea they were merged into."""
        exclude = set(exclude_ids)
        vector = None
        if idea_id is not None:
            entry = IndexedIdea.objects.filter(pk=idea_id).values("title", "summary").first()
            if entry is None:
                return []
            text = f"{entry['title']} {entry['summary']}"
            exclude.add(idea_id)
        text = clean_query(text, limit=MAX_SIMILAR_TEXT_LENGTH)
        if not text:
            return []
        qs = public_entries()  # listed ideas only: merged ones live on in their target
        if challenge_id:
            qs = qs.filter(challenge_id=challenge_id)
        if exclude:
            qs = qs.exclude(pk__in=exclude)
        vectors = table() if meaning.available() else None
        if vectors is not None and len(vectors):
            if idea_id is not None:
                vector = vectors.vector_of(idea_id)
            found = meaning.similar(
                qs, text, k=k, vector=vector, exclude_ids=exclude, challenge_id=challenge_id, vectors=vectors
            )
        else:
            found = self.similar_by_words(qs, text, k)
        return [similar_idea(row, score) for row, score in found]

    def similar_by_words(self, qs, text: str, k: int) -> list[tuple[dict, float]]:
        """Similar ideas by shared words only (term overlap plus trigrams), as before meaning
        vectors: the fallback, and the comparison in the benchmark."""
        return self.engine.similar(qs, text, k)


def similar_idea(row: dict, score: float) -> SimilarIdea:
    return SimilarIdea(
        idea_id=row["idea_id"],
        title=row["title"],
        summary=row["summary"],
        challenge_title=row["challenge_title"],
        support_count=row["visible_supports"],
        score=round(min(1.0, score), 4),
        challenge_id=row.get("challenge_id"),
    )
