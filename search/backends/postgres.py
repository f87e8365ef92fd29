"""PostgreSQL full-text engine of the database backend.

- Matching: ``search_vector @@ websearch_to_tsquery('english', q)`` on the stored, GIN-indexed
  weighted vector; ``websearch_to_tsquery`` never raises on what people type.
- Ranking: ``ts_rank`` with the default weights (title A > summary and tags B > body C).
- Snippets: ``ts_headline`` with private-use marks, escaped and turned into ``<mark>`` in Python.
- Suggestions: prefix ``to_tsquery('simple', 'word:*')`` on a GIN expression index of titles.
- Similar ideas: candidates by any shared lexeme (or, for short texts, pg_trgm on the
  title), scored by term overlap (Dice) plus trigram similarity of title and summary.
"""

from __future__ import annotations

import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchQueryField, SearchRank, TrigramSimilarity
from django.db.models import BooleanField, F, FloatField, Func, Q, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat

from ..models import IndexedIdea
from ..text import MARK_END, MARK_START, OVERLAP_WEIGHT, TRIGRAM_WEIGHT, highlight, marked_to_html, terms, words
from .base import SIMILAR_FIELDS

CONFIG = "english"
CANDIDATES = 200
SHORT_TEXT = 80


class TsMatch(Func):
    """``vector @@ query`` as a boolean expression usable in ``filter()``."""

    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


def any_word_query(text: str) -> RawSQL:
    """A tsquery matching documents sharing any lexeme with ``text``."""
    return RawSQL(
        "replace(plainto_tsquery(%s::regconfig, %s)::text, '&', '|')::tsquery",
        (CONFIG, text),
        output_field=SearchQueryField(),
    )


def prefix_query(text: str) -> str | None:
    """``'bike':* & 'lan':*`` from what has been typed; None when there is no word."""
    parts = [word.replace("'", "").replace("\\", "") for word in words(text)]
    parts = [part for part in parts if part][:8]
    if not parts:
        return None
    return " & ".join(f"'{part}':*" for part in parts)


# A "-" that negates nothing (not right before a word or a quote). Runs of them make
# websearch_to_tsquery fail ("tsquery stack too small") from about 33 on.
_LOOSE_NEGATION = re.compile(r'-(?![^\W_]|")')


class PostgresEngine:
    def query(self, text: str) -> SearchQuery:
        return SearchQuery(_LOOSE_NEGATION.sub(" ", text), search_type="websearch", config=CONFIG)

    def matches(self, text: str) -> Q:
        return Q(search_vector=self.query(text))

    def rank(self, text: str):
        return SearchRank(F("search_vector"), self.query(text))

    def headline_annotations(self, text: str) -> dict:
        query = self.query(text)
        options = {"config": CONFIG, "start_sel": MARK_START, "stop_sel": MARK_END}
        return {
            "title_marked": SearchHeadline("title", query, highlight_all=True, **options),
            "snippet_marked": SearchHeadline(
                Concat("summary", Value(" "), "body_text", output_field=TextField()),
                query,
                max_words=35,
                min_words=15,
                short_word=3,
                max_fragments=2,
                fragment_delimiter=" … ",
                **options,
            ),
        }

    def snippet(self, row: dict, text: str):
        if "snippet_marked" in row:
            row["title_html"] = marked_to_html(row["title_marked"])
            return marked_to_html(row["snippet_marked"])
        return highlight(f"{row['summary']} {row.get('body_text', '')}", terms(text))

    def completing(self, qs, prefix: str):
        """Entries whose title has a word starting with each word typed; None without words."""
        tsquery = prefix_query(prefix)
        if tsquery is None:
            return None
        # Only constant SQL and the table's own name; what was typed is a parameter.
        title_vector = RawSQL(f"to_tsvector('simple'::regconfig, {IndexedIdea._meta.db_table}.title)", ())  # noqa: S611
        return qs.filter(TsMatch(title_vector, RawSQL("to_tsquery('simple'::regconfig, %s)", (tsquery,))))

    def similar(self, qs, text: str, k: int) -> list[tuple[dict, float]]:
        if not text:
            return []
        table = IndexedIdea._meta.db_table
        gist = f"({table}.title || ' ' || {table}.summary)"
        lexemes = f"tsvector_to_array(to_tsvector('{CONFIG}'::regconfig, {gist}))"
        typed = f"tsvector_to_array(to_tsvector('{CONFIG}'::regconfig, %s))"
        overlap = RawSQL(  # noqa: S611 — constant SQL; the typed text is a parameter
            f"(2.0 * cardinality(ARRAY(SELECT unnest({lexemes}) INTERSECT SELECT unnest({typed})))"
            f" / GREATEST(1, cardinality({lexemes}) + cardinality({typed})))",
            (text, text),
            output_field=FloatField(),
        )
        any_word = any_word_query(text)
        candidates = Q(
            pk__in=qs.filter(TsMatch(F("search_vector"), any_word))
            .annotate(candidate_rank=SearchRank(F("search_vector"), any_word))
            .order_by("-candidate_rank")
            .values("pk")[:CANDIDATES]
        )
        if len(text) <= SHORT_TEXT:
            candidates |= Q(
                pk__in=qs.filter(title__trigram_similar=text)
                .annotate(title_similarity=TrigramSimilarity("title", text))
                .order_by("-title_similarity")
                .values("pk")[:30]
            )
        rows = (
            qs.filter(candidates)
            .annotate(
                score=Value(OVERLAP_WEIGHT) * overlap
                + Value(TRIGRAM_WEIGHT)
                * TrigramSimilarity(Concat("title", Value(" "), "summary", output_field=TextField()), text)
            )
            .order_by("-score", "-published_at")
            .values(*SIMILAR_FIELDS, "score")[:k]
        )
        return [(row, float(row["score"])) for row in rows]
