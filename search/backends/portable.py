"""The database backend's engine where PostgreSQL is not available (SQLite, the embedded
``make run``): every word must appear (as its stem) in the idea's text, ``-word`` excludes,
``"a phrase"`` must appear as written; ranking counts where the words appear (title above
summary and tags above description). Similar ideas are scored in Python with the same
formula as on PostgreSQL: term overlap (Dice) plus trigram similarity of title and summary.

Why not SQLite's FTS5: nothing linguistic is maintained here (stems and stop words are
Snowball's, from their packages, the same PostgreSQL's "english" configuration uses), and
FTS5 would add a virtual table kept in step by every index write, a SQLite-only migration,
and a different ranking (bm25) from PostgreSQL's, so the same query would order ideas
differently in the demo and in production. The trigram formula is pg_trgm's definition in
a few lines, so similar ideas score alike on both engines (the quality tests run on both).
"""

from __future__ import annotations

import re

from django.db.models import Case, FloatField, Q, Value, When

from ..text import STOPWORDS, highlight, similarity, stem, terms, word_pattern, words
from .base import SIMILAR_FIELDS

TEXT_FIELDS = {"title": 4.0, "summary": 2.0, "tag_text": 2.0, "body_text": 1.0, "challenge_title": 0.5}
CANDIDATES = 500
_PHRASE = re.compile(r'"([^"]+)"')


def parse(text: str) -> tuple[list[str], list[str]]:
    """(needles that must appear, needles that must not) from a web-search style query."""
    required = [phrase.strip().lower() for phrase in _PHRASE.findall(text) if phrase.strip()]
    rest = _PHRASE.sub(" ", text)
    excluded = []
    for token in rest.split():
        negative = token.startswith("-")
        for word in words(token):
            if word in STOPWORDS or word == "or" or len(word) < 2:
                continue
            (excluded if negative else required).append(stem(word))
    return required[:12], excluded[:12]


def _anywhere(needle: str) -> Q:
    """The needle as a word (or a word with its stem) in any text field: "tree" must not
    match "street". ``iregex`` runs Python's ``re`` on SQLite."""
    pattern = word_pattern(needle)
    q = Q()
    for field in TEXT_FIELDS:
        q |= Q(**{f"{field}__iregex": pattern})
    return q


class PortableEngine:
    def matches(self, text: str) -> Q | None:
        """None when nothing can match (only stop words or symbols)."""
        required, excluded = parse(text)
        if not required:
            return None
        q = Q()
        for needle in required:
            q &= _anywhere(needle)
        for needle in excluded:
            q &= ~_anywhere(needle)
        return q

    def rank(self, text: str):
        required, _ = parse(text)
        score = Value(0.0)
        for needle in required:
            for field, weight in TEXT_FIELDS.items():
                score = score + Case(
                    When(**{f"{field}__iregex": word_pattern(needle)}, then=Value(weight)),
                    default=Value(0.0),
                    output_field=FloatField(),
                )
        return score

    def headline_annotations(self, text: str) -> dict:
        return {}

    def snippet(self, row: dict, text: str):
        required, _ = parse(text)
        query_terms = [term for needle in required for term in terms(needle)]
        row["title_html"] = highlight(row["title"], query_terms, length=len(row["title"]) + 1)
        return highlight(f"{row['summary']} {row.get('body_text', '')}", query_terms)

    def completing(self, qs, prefix: str):
        """Entries whose title contains every word typed so far; None when there is no word."""
        parts = words(prefix)[:8]
        if not parts:
            return None
        for part in parts:
            qs = qs.filter(title__icontains=part)
        return qs

    def similar(self, qs, text: str, k: int) -> list[tuple[dict, float]]:
        typed_terms = set(terms(text))
        if not typed_terms:
            return []
        # The longest terms are the most telling; match any of them.
        telling = sorted(typed_terms, key=len, reverse=True)[:10]
        q = Q()
        for term in telling:
            q |= Q(title__icontains=term) | Q(summary__icontains=term) | Q(tag_text__icontains=term)
        rows = qs.filter(q).order_by("-published_at").values(*SIMILAR_FIELDS)[:CANDIDATES]
        scored = []
        for row in rows:
            gist = f"{row['title']} {row['summary']}"
            score = similarity(gist, text)
            scored.append((score, row))
        scored.sort(key=lambda pair: pair[0], reverse=True)
        return [(row, score) for score, row in scored[:k] if score > 0]
