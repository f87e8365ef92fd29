"""Text handling shared by every search backend: cleaning what people type, plain text from
sanitised HTML, English stems and stop words (Snowball's, as PostgreSQL uses), trigram
similarity for the portable engine, and safe highlighting.

Highlights are marked with two private-use characters while the text is plain, then the
text is escaped and the marks become ``<mark>``: what people wrote can never turn into HTML.
"""

import html
import re
import unicodedata

import snowballstemmer
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from stopwords import get_stopwords

MAX_QUERY_LENGTH = 200
MAX_SIMILAR_TEXT_LENGTH = 1000
MARK_START = "\ue000"
MARK_END = "\ue001"

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ue000\ue001]")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)

# PostgreSQL's "english" configuration stems with the Snowball English algorithm and drops
# the Snowball English stop words; the Python side uses the same algorithm and list, from
# the Snowball project's own package and a packaged copy of the list.
LANGUAGE = "english"
STOPWORDS = frozenset(word.replace("’", "'") for word in get_stopwords(LANGUAGE))
_STEMMER = snowballstemmer.stemmer(LANGUAGE)


def clean_query(text: str | None, *, limit: int = MAX_QUERY_LENGTH) -> str:
    """What a person typed, safe to hand to any engine: no control characters, one space
    between words, at most ``limit`` characters (cut at a word boundary)."""
    text = unicodedata.normalize("NFC", str(text or ""))
    text = _SPACE.sub(" ", _CONTROL.sub(" ", text)).strip()
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    return text


def html_to_search_text(value: str) -> str:
    """One line of words from the sanitised HTML of an idea's description, to index and
    match (unlike ``ideas.text.html_to_editable_text``, which keeps the layout for an edit box)."""
    text = strip_tags(re.sub(r"<(br|/p|/li|/h\d)\s*/?>", " ", value or "", flags=re.IGNORECASE))
    return _SPACE.sub(" ", _CONTROL.sub(" ", html.unescape(text))).strip()


def words(text: str) -> list[str]:
    """Lower-case words, apostrophes kept inside a word."""
    return [word.lower().replace("’", "'") for word in _WORD.findall(text or "")]


def stem(word: str) -> str:
    """The Snowball English stem of a word: "lanes" and "lane", "planting" and "plant" agree."""
    return _STEMMER.stemWord(word.lower().removesuffix("'s"))


_ENDINGS = ("", "e", "s", "es", "ed", "ing", "ings", "er", "ers", "ly", "'s", "ness", "ment", "ments")


def word_pattern(needle: str) -> str:
    """A regular expression matching ``needle`` as a whole word, or — for a stem from
    :func:`stem` — any word with that stem: "tree" finds "trees" but never "street"."""
    if " " in needle or not needle.isalnum():
        return rf"(?<![^\W_]){re.escape(needle)}(?![^\W_])"
    forms = {needle + ending for ending in _ENDINGS}
    for end, replacements in (
        ("i", ("y", "ies", "ied")),
        ("y", ("ies", "ied")),
        ("ate", ("ation", "ations", "ational")),
        ("ize", ("ization",)),
    ):
        if needle.endswith(end):
            forms.update(needle[: -len(end)] + replacement for replacement in replacements)
    if needle.endswith("ity"):
        forms.add(needle[:-3] + "ities")
    alternatives = "|".join(sorted((re.escape(form) for form in forms), key=len, reverse=True))
    return rf"(?<![^\W_])(?:{alternatives})(?![^\W_])"


def terms(text: str) -> list[str]:
    """The meaningful stemmed terms of a text, in order, without stop words."""
    return [stem(word) for word in words(text) if word not in STOPWORDS and len(word) > 1]


def trigrams(text: str) -> set[str]:
    """Trigrams the way PostgreSQL's pg_trgm counts them (each word padded with spaces)."""
    grams: set[str] = set()
    for word in words(text):
        padded = f"  {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams


def trigram_similarity(left: str, right: str) -> float:
    a, b = trigrams(left), trigrams(right)
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def term_overlap(left: set[str], right: set[str]) -> float:
    """Dice coefficient of two sets of terms: 1 when they are the same, 0 when disjoint."""
    if not left or not right:
        return 0.0
    return 2 * len(left & right) / (len(left) + len(right))


OVERLAP_WEIGHT = 0.6
TRIGRAM_WEIGHT = 0.4


def similarity(left: str, right: str) -> float:
    """How alike two texts are, 0–1: term overlap plus trigram similarity — the formula the
    PostgreSQL engine computes in SQL."""
    return OVERLAP_WEIGHT * term_overlap(set(terms(left)), set(terms(right))) + TRIGRAM_WEIGHT * trigram_similarity(
        left, right
    )


def marked_to_html(text: str) -> SafeString:
    """Escape plain text whose highlights are marked with MARK_START/MARK_END."""
    escaped = html.escape(text or "", quote=False)
    return mark_safe(escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def highlight(text: str, query_terms: list[str], *, length: int = 220) -> SafeString:
    """A snippet of ``text`` around the first matching word, matches in ``<mark>``."""
    text = text or ""
    wanted = set(query_terms)
    tokens = list(_WORD.finditer(text))
    hits = [m for m in tokens if stem(m.group(0)) in wanted or m.group(0).lower() in wanted]
    start = 0
    if hits and hits[0].start() > length // 3:
        start = text.rfind(" ", 0, hits[0].start() - length // 3) + 1
    end = min(len(text), start + length)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    pieces, cursor = [], start
    for match in hits:
        if match.start() < start or match.end() > end:
            continue
        pieces += [text[cursor : match.start()], MARK_START, match.group(0), MARK_END]
        cursor = match.end()
    pieces.append(text[cursor:end])
    snippet = "".join(pieces)
    return marked_to_html(("… " if start else "") + snippet + (" …" if end < len(text) else ""))
