"""Elasticsearch 8 backend, built on elasticsearch-dsl.

Ideas are read from search's own index table (kept by the database backend) and pushed in
bulk; rebuilds fill a new concrete index and then move the alias in one atomic call, so
search never goes empty. When the cluster cannot answer, every query is answered by the
database backend instead and a warning is logged; indexing raises so its Celery task
retries with backoff.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from django.utils import timezone
from django.utils.html import conditional_escape
from elasticsearch import ApiError, Elasticsearch, TransportError, helpers

from ideas.models import ChallengePage, totals_hidden_q
from ideas.transitions import stage_label

from ..models import IndexedIdea
from ..text import MAX_SIMILAR_TEXT_LENGTH, clean_query, marked_to_html
from ..vectors import table
from . import documents, meaning
from .base import (
    FACETS,
    PAGE_SIZE,
    FacetValue,
    SearchBackend,
    SearchFilters,
    SearchHit,
    SearchResults,
    SearchUnavailable,
    SimilarIdea,
    Suggestion,
    clamp_page,
    clamp_sort,
)
from .database import DatabaseBackend, public_entries, similar_idea

logger = logging.getLogger(__name__)
UNAVAILABLE = (TransportError, ApiError)
# Elasticsearch scores are unbounded; s / (s + SCORE_HALF) maps them onto 0–1.
SCORE_HALF = 10.0


def hidden_totals_challenges() -> list[int]:
    """Ids of the challenges hiding running totals from the public right now, for the
    "Most supported" sort and the suggestions' order (the indexed support counts know nothing
    of the clock)."""
    return list(ChallengePage.objects.filter(totals_hidden_q()).values_list("pk", flat=True))


class ElasticsearchBackend(SearchBackend):
    """Params: ``URLS`` (list), ``INDEX`` (the alias, default ``greenlight-ideas``),
    ``TIMEOUT`` (seconds, default 5)."""

    name = "elasticsearch"
    keeps_own_copy = True
    unavailable_errors = UNAVAILABLE

    def __init__(self, params: dict | None = None):
        super().__init__(params)
        self.alias = self.params.get("INDEX", "greenlight-ideas")
        self.fallback = DatabaseBackend()
        self._client: Elasticsearch | None = None

    @property
    def client(self) -> Elasticsearch:
        if self._client is None:
            self._client = Elasticsearch(
                self.params.get("URLS") or ["http://127.0.0.1:9200"],
                request_timeout=self.params.get("TIMEOUT", 5),
                max_retries=0,
                retry_on_timeout=False,
            )
        return self._client

    def check(self) -> None:
        self.client.info()

    # Keeping the index right ---------------------------------------------------------
    def ensure_index(self) -> None:
        if not self.client.indices.exists_alias(name=self.alias):
            name = f"{self.alias}-{timezone.now():%Y%m%d%H%M%S%f}"
            documents.ideas_index(name).create(using=self.client)
            self.client.indices.put_alias(index=name, name=self.alias)

    def index_ideas(self, idea_ids: Iterable[int]) -> int:
        try:
            return self._index_ideas(set(idea_ids))
        except UNAVAILABLE as exc:
            raise SearchUnavailable(f"Elasticsearch at {self.alias}: {exc}") from exc

    def _index_ideas(self, ids: set[int]) -> int:
        self.ensure_index()
        entries = list(public_entries().filter(pk__in=ids).select_related("district").prefetch_related("tags"))
        actions = [{"_index": self.alias, **documents.document_for(entry)} for entry in entries]
        gone = ids - {entry.idea_id for entry in entries}
        actions += [{"_op_type": "delete", "_index": self.alias, "_id": str(pk)} for pk in gone]
        helpers.bulk(self.client, actions, raise_on_error=False, raise_on_exception=True)
        return len(entries)

    def remove_ideas(self, idea_ids: Iterable[int]) -> None:
        actions = [{"_op_type": "delete", "_index": self.alias, "_id": str(pk)} for pk in set(idea_ids)]
        try:
            helpers.bulk(self.client, actions, raise_on_error=False, raise_on_exception=True)
        except UNAVAILABLE as exc:
            raise SearchUnavailable(f"Elasticsearch at {self.alias}: {exc}") from exc

    def rebuild(self, *, progress: Callable[[int, int], None] | None = None) -> int:
        name = f"{self.alias}-{timezone.now():%Y%m%d%H%M%S%f}"
        documents.ideas_index(name).create(using=self.client)
        entries = public_entries().select_related("district").prefetch_related("tags").order_by("pk")
        total, done = entries.count(), 0
        for ok, _info in helpers.streaming_bulk(
            self.client,
            ({"_index": name, **documents.document_for(entry)} for entry in entries.iterator(chunk_size=500)),
            chunk_size=500,
        ):
            done += ok
            if progress:
                progress(done, total)
        self.client.indices.refresh(index=name)
        old = (
            list(self.client.indices.get_alias(name=self.alias))
            if self.client.indices.exists_alias(name=self.alias)
            else []
        )
        if self.client.indices.exists(index=self.alias) and not old:
            self.client.indices.delete(index=self.alias)  # a concrete index squatting on the alias name
        actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
        self.client.indices.update_aliases(actions=actions + [{"add": {"index": name, "alias": self.alias}}])
        for index in old:
            self.client.indices.delete(index=index)
        return done

    # Reading ------------------------------------------------------------------------
    def _falling_back(self, exc: Exception, what: str) -> None:
        logger.warning("Elasticsearch could not answer %s (%s); answering from the database instead.", what, exc)

    def search(self, query, filters=None, sort="relevance", page=1, page_size=PAGE_SIZE) -> SearchResults:
        query = clean_query(query)
        filters = filters or SearchFilters()
        sort, page = clamp_sort(sort), clamp_page(page)
        hidden = hidden_totals_challenges() if sort == "supported" else ()
        body = documents.search_body(
            self.alias,
            query,
            filters,
            sort,
            (page - 1) * page_size,
            page_size,
            using=self.client,
            hidden_challenges=hidden,
        )
        try:
            response = body.execute()
        except UNAVAILABLE as exc:
            self._falling_back(exc, "a search")
            return self.fallback.search(query, filters, sort, page, page_size)
        live = self._live_support_counts([hit.idea_id for hit in response])
        hits = []
        for hit in response:
            if hit.idea_id not in live:
                continue
            marked = getattr(hit.meta, "highlight", None)
            snippet = " … ".join(marked.body if marked and "body" in marked else []) or (
                marked.summary[0] if marked and "summary" in marked else hit.summary
            )
            title = marked.title[0] if marked and "title" in marked else None
            hits.append(
                SearchHit(
                    idea_id=hit.idea_id,
                    title=hit.title,
                    summary=hit.summary,
                    snippet=marked_to_html(snippet),
                    challenge_id=hit.challenge_id,
                    challenge_title=hit.challenge_title,
                    stage=hit.stage,
                    district=getattr(hit, "district_name", None) or "",
                    tags=list(getattr(hit, "tag_names", []) or []),
                    published_at=hit.published_at,
                    support_count=live[hit.idea_id],
                    novelty=getattr(hit, "novelty", None),
                    score=hit.meta.score or 0.0,
                    title_html=marked_to_html(title) if title else conditional_escape(hit.title),
                )
            )
        return SearchResults(
            query=query,
            hits=hits,
            total=response.hits.total.value,
            page=page,
            page_size=page_size,
            facets=self._facets(response, filters),
        )

    @staticmethod
    def _live_support_counts(ids: list[int]) -> dict[int, int]:
        """Which of these ideas are public right now, with their current support counts."""
        return dict(public_entries().filter(pk__in=ids).values_list("idea_id", "visible_supports"))

    @staticmethod
    def _facets(response, filters: SearchFilters) -> dict[str, list[FacetValue]]:
        chosen = {name: str(value) for name, value in filters.as_dict().items()}
        facets = {}
        for name in FACETS:
            values = []
            for bucket in getattr(response.aggregations, name).buckets:
                value = str(bucket.key)
                labels = bucket.label.buckets if "label" in bucket else []
                label = labels[0].key if labels else value
                if name == "stage":
                    label = stage_label(value)
                values.append(
                    FacetValue(
                        value=value, label=str(label), count=bucket.doc_count, selected=chosen.get(name) == value
                    )
                )
            facets[name] = values
        return facets

    def suggest(self, prefix: str, limit: int = 8) -> list[Suggestion]:
        prefix = clean_query(prefix, limit=100)
        if not prefix:
            return []
        try:
            response = documents.suggest_body(
                self.alias, prefix, limit * 3, using=self.client, hidden_challenges=hidden_totals_challenges()
            ).execute()
        except UNAVAILABLE as exc:
            self._falling_back(exc, "suggestions")
            return self.fallback.suggest(prefix, limit)
        live = self._live_support_counts([hit.idea_id for hit in response])
        seen, result = set(), []
        for hit in response:
            if hit.idea_id in live and hit.title.lower() not in seen:
                seen.add(hit.title.lower())
                result.append(Suggestion(text=hit.title, idea_id=hit.idea_id))
        return result[:limit]

    def similar(self, text="", *, idea_id=None, k=5, exclude_ids=(), challenge_id=None) -> list[SimilarIdea]:
        """Candidates from the cluster (kNN on the meaning vectors plus more-like-this on the
        words), scored 0–1 with the same formula as the database backend."""
        text = clean_query(text, limit=MAX_SIMILAR_TEXT_LENGTH)
        if not text and idea_id is None:
            return []
        exclude = set(exclude_ids) | ({idea_id} if idea_id is not None else set())
        vector = None
        if meaning.available():
            vectors = table()
            if idea_id is not None:
                vector = vectors.vector_of(idea_id)
                entry = IndexedIdea.objects.filter(pk=idea_id).values_list("title", "summary").first()
                text = f"{entry[0]} {entry[1]}" if entry else text
            elif text:
                vector = meaning.query_vector(text)
        body = documents.similar_body(
            self.alias,
            text=text,
            idea_id=idea_id,
            size=k + 5,
            exclude_ids=exclude,
            challenge_id=challenge_id,
            vector=vector,
            using=self.client,
        )
        try:
            response = body.execute()
        except UNAVAILABLE as exc:
            self._falling_back(exc, "similar ideas")
            return self.fallback.similar(text, idea_id=idea_id, k=k, exclude_ids=exclude_ids, challenge_id=challenge_id)
        live = self._live_support_counts([hit.idea_id for hit in response])
        rows = [
            {
                "idea_id": hit.idea_id,
                "title": hit.title,
                "summary": hit.summary,
                "challenge_id": getattr(hit, "challenge_id", None),
                "challenge_title": hit.challenge_title,
                "visible_supports": live[hit.idea_id],
            }
            for hit in response
            if hit.idea_id in live  # listed right now (public_entries): not merged, not hidden
        ]
        if vector is None:
            raw = {hit.idea_id: hit.meta.score for hit in response}
            scored = [(row, raw[row["idea_id"]] / (raw[row["idea_id"]] + SCORE_HALF)) for row in rows]
        else:
            vectors = table()
            cosines = {}
            for row in rows:
                stored = vectors.vector_of(row["idea_id"])
                cosines[row["idea_id"]] = float(stored @ vector) if stored is not None else 0.0
            scored = meaning.rescore(rows, text, cosines)
        return [similar_idea(row, score) for row, score in scored][:k]
