"""The Elasticsearch document for ideas and the query bodies the Elasticsearch backend sends.

Kept apart from the backend so both can be tested as data (``to_dict()``) without a cluster.
"""

from __future__ import annotations

from elasticsearch_dsl import (
    Date,
    DenseVector,
    Document,
    Float,
    Index,
    Integer,
    Keyword,
    Mapping,
    Search,
    Text,
    analyzer,
    token_filter,
)
from elasticsearch_dsl.query import Bool, Ids, MoreLikeThis, Term

from ..encoder import from_bytes
from ..text import MARK_END, MARK_START
from .base import FACETS, SearchFilters

english = analyzer(
    "greenlight_english",
    tokenizer="standard",
    filter=[
        token_filter("greenlight_possessive", type="stemmer", language="possessive_english"),
        "lowercase",
        "asciifolding",
        token_filter("greenlight_stop", type="stop", stopwords="_english_"),
        token_filter("greenlight_stemmer", type="stemmer", language="english"),
    ],
)
autocomplete = analyzer(
    "greenlight_autocomplete",
    tokenizer="standard",
    filter=[
        "lowercase",
        "asciifolding",
        token_filter("greenlight_edge_ngram", type="edge_ngram", min_gram=1, max_gram=20),
    ],
)
autocomplete_search = analyzer(
    "greenlight_autocomplete_search", tokenizer="standard", filter=["lowercase", "asciifolding"]
)

SEARCH_FIELDS = ["title^3", "summary^2", "tag_names^2", "body", "challenge_title^0.5"]
SIMILAR_FIELDS = ["title", "summary", "tag_names", "body"]
FACET_FIELDS = {
    "challenge": ("challenge_id", "challenge_title.raw", 12),
    "stage": ("stage", None, 12),
    "district": ("district", "district_name", 12),
    "year": ("year", None, 10),
    "tag": ("tags", "tag_names.raw", 15),
}
FILTER_FIELDS = {"challenge": "challenge_id", "stage": "stage", "district": "district", "year": "year", "tag": "tags"}
SORT_ORDERS = {
    "newest": [{"published_at": "desc"}, {"idea_id": "desc"}],
    "supported": [{"support_count": "desc"}, {"published_at": "desc"}],
    "novelty": [{"novelty": {"order": "desc", "missing": "_last"}}, {"published_at": "desc"}],
}
# "Most supported" when some challenges hide running totals: their ideas count as having none
# (last, newest first among them), as the database backend's ``visible_supports`` does.
HIDDEN_TOTALS_LAST = (
    "params.hidden.contains(String.valueOf(doc['challenge_id'].value)) ? -1 : doc['support_count'].value"
)


def visible_supports_desc(hidden_challenges) -> dict:
    """Most supports first, the ideas of ``hidden_challenges`` (ids of challenges hiding running
    totals now) ordered as if they had none."""
    if not hidden_challenges:
        return {"support_count": "desc"}
    script = {"source": HIDDEN_TOTALS_LAST, "params": {"hidden": [str(pk) for pk in hidden_challenges]}}
    return {"_script": {"type": "number", "order": "desc", "script": script}}


def supported_order(hidden_challenges) -> list:
    """The "Most supported" sort, keeping the totals ``hidden_challenges`` hide."""
    return [visible_supports_desc(hidden_challenges), {"published_at": "desc"}]


class IdeaDocument(Document):
    """One public idea: English-analysed text, edge n-grams of the title for suggestions,
    keywords for the facets."""

    idea_id = Integer()
    title = Text(
        analyzer=english,
        fields={
            "suggest": Text(analyzer=autocomplete, search_analyzer=autocomplete_search),
            "raw": Keyword(),
        },
    )
    summary = Text(analyzer=english)
    body = Text(analyzer=english)
    tags = Keyword(multi=True)
    tag_names = Text(analyzer=english, multi=True, fields={"raw": Keyword()})
    challenge_id = Integer()
    challenge_title = Text(analyzer=english, fields={"raw": Keyword()})
    stage = Keyword()
    district = Keyword()
    district_name = Keyword()
    year = Integer()
    published_at = Date()
    support_count = Integer()
    novelty = Float()


# all-MiniLM-L6-v2's vectors; another encoder's size is passed to ideas_index().
VECTOR_DIMENSIONS = 384
# kNN and words together pick the candidates; search.backends.meaning scores them.
KNN_BOOST = 0.8
WORDS_BOOST = 0.2


def ideas_index(name: str, *, dimensions: int = VECTOR_DIMENSIONS) -> Index:
    """The index (settings, analysis and mapping) behind the alias, under a concrete name:
    the meaning vector is an indexed ``dense_vector`` compared by cosine (kNN)."""
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0, max_ngram_diff=19)
    index.document(IdeaDocument)
    vectors = Mapping()
    vectors.field("vector", DenseVector(dims=dimensions, index=True, similarity="cosine"))
    index.mapping(vectors)
    return index


def document_for(entry) -> dict:
    """The bulk action that (re)indexes one row of search's own index table."""
    tags = list(entry.tags.all())
    return {
        "_id": str(entry.idea_id),
        "_source": {
            "idea_id": entry.idea_id,
            "title": entry.title,
            "summary": entry.summary,
            "body": entry.body_text,
            "tags": [tag.slug for tag in tags],
            "tag_names": [tag.name for tag in tags],
            "challenge_id": entry.challenge_id,
            "challenge_title": entry.challenge_title,
            "stage": entry.stage,
            "district": entry.district.slug if entry.district else None,
            "district_name": entry.district.name if entry.district else None,
            "year": entry.year,
            "published_at": entry.published_at.isoformat(),
            "support_count": entry.support_count,
            "novelty": entry.novelty,
            "vector": from_bytes(entry.vector).tolist() if entry.vector else None,
        },
    }


def search_body(
    index: str,
    query: str,
    filters: SearchFilters,
    sort: str,
    offset: int,
    size: int,
    *,
    using=None,
    hidden_challenges=(),
) -> Search:
    """Matching, facet filters, one terms aggregation per facet, highlighting, sort and page.
    ``hidden_challenges``: ids of challenges hiding running totals now (see :func:`supported_order`)."""
    search = Search(using=using, index=index).extra(track_total_hits=True)
    if query:
        search = search.query(
            "simple_query_string",
            query=query,
            fields=SEARCH_FIELDS,
            default_operator="and",
            flags="AND|OR|NOT|PHRASE|PRECEDENCE|WHITESPACE",
        )
    for name, value in filters.as_dict().items():
        search = search.filter("term", **{FILTER_FIELDS[name]: value})
    for name in FACETS:
        field, label_field, facet_size = FACET_FIELDS[name]
        bucket = search.aggs.bucket(name, "terms", field=field, size=facet_size)
        if label_field:
            bucket.bucket("label", "terms", field=label_field, size=1)
    search = search.highlight_options(
        pre_tags=[MARK_START], post_tags=[MARK_END], number_of_fragments=2, fragment_size=120, no_match_size=200
    ).highlight("title", number_of_fragments=0, no_match_size=0)
    search = search.highlight("summary", "body")
    if sort == "supported":
        search = search.sort(*supported_order(hidden_challenges))
    elif sort in SORT_ORDERS:
        search = search.sort(*SORT_ORDERS[sort])
    elif not query:
        search = search.sort(*SORT_ORDERS["newest"])
    return search.source(excludes=["body", "vector"])[offset : offset + size]


def suggest_body(index: str, prefix: str, size: int, *, using=None, hidden_challenges=()) -> Search:
    """Titles completing ``prefix``, the best match first, then the most supported (keeping the
    totals ``hidden_challenges`` hide, see :func:`visible_supports_desc`)."""
    return (
        Search(using=using, index=index)
        .query("match", **{"title.suggest": {"query": prefix, "operator": "and"}})
        .sort("_score", visible_supports_desc(hidden_challenges))
        .source(["idea_id", "title"])[:size]
    )


def similar_body(
    index: str,
    *,
    text: str = "",
    idea_id: int | None = None,
    size: int = 5,
    exclude_ids=(),
    challenge_id: int | None = None,
    vector: list[float] | None = None,
    using=None,
) -> Search:
    """Candidates for similar ideas: the nearest in meaning (kNN on the vectors, when a
    ``vector`` is given) together with those sharing telling words (more like this)."""
    like = [{"_index": index, "_id": str(idea_id)}] if idea_id is not None else text
    words = MoreLikeThis(
        like=like,
        fields=SIMILAR_FIELDS,
        min_term_freq=1,
        min_doc_freq=1,
        max_query_terms=25,
        minimum_should_match="30%",
        **({"boost": WORDS_BOOST} if vector is not None else {}),
    )
    search = Search(using=using, index=index).query(words)
    excluded = [str(pk) for pk in exclude_ids]
    if excluded:
        search = search.exclude("ids", values=excluded)
    if challenge_id:
        search = search.filter("term", challenge_id=challenge_id)
    if vector is not None:
        narrowing = Bool(
            must_not=[Ids(values=excluded)] if excluded else [],
            filter=[Term(challenge_id=challenge_id)] if challenge_id else [],
        )
        search = search.knn(
            field="vector",
            k=size,
            num_candidates=max(100, 10 * size),
            query_vector=[float(value) for value in vector],
            boost=KNN_BOOST,
            filter=narrowing,
        )
    fields = ["idea_id", "title", "summary", "challenge_id", "challenge_title", "support_count", "stage"]
    return search.source(fields)[:size]
