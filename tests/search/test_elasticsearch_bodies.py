"""The Elasticsearch backend's index definition and query bodies, checked as data."""

from search.backends.base import FACETS, SearchFilters
from search.backends.documents import ideas_index, search_body, similar_body, suggest_body
from search.text import MARK_END, MARK_START


def test_the_index_analyses_english_with_stemming_and_keeps_facets_as_keywords():
    body = ideas_index("greenlight-ideas-test").to_dict()
    analysis = body["settings"]["analysis"]
    english = analysis["analyzer"]["greenlight_english"]
    assert english["tokenizer"] == "standard"
    assert "greenlight_stemmer" in english["filter"] and "greenlight_stop" in english["filter"]
    assert analysis["filter"]["greenlight_stemmer"] == {"type": "stemmer", "language": "english"}
    assert analysis["filter"]["greenlight_edge_ngram"]["type"] == "edge_ngram"
    properties = body["mappings"]["properties"]
    assert properties["title"]["analyzer"] == "greenlight_english"
    assert properties["title"]["fields"]["suggest"] == {
        "type": "text",
        "analyzer": "greenlight_autocomplete",
        "search_analyzer": "greenlight_autocomplete_search",
    }
    for field in ("stage", "district", "tags"):
        assert properties[field] == {"type": "keyword"}
    assert properties["year"] == {"type": "integer"} and properties["published_at"] == {"type": "date"}


def test_a_search_matches_safely_filters_counts_every_facet_and_highlights():
    body = search_body(
        "greenlight-ideas", 'bike "lanes', SearchFilters(tag="cycling", year=2026), "relevance", 20, 10
    ).to_dict()
    query = body["query"]["bool"]
    # simple_query_string never fails on what people type (unbalanced quotes included).
    assert query["must"][0]["simple_query_string"]["query"] == 'bike "lanes'
    assert query["must"][0]["simple_query_string"]["default_operator"] == "and"
    assert {"term": {"tags": "cycling"}} in query["filter"] and {"term": {"year": 2026}} in query["filter"]
    assert set(body["aggs"]) == set(FACETS)
    assert body["aggs"]["challenge"]["terms"]["field"] == "challenge_id"
    assert body["aggs"]["challenge"]["aggs"]["label"]["terms"] == {"field": "challenge_title.raw", "size": 1}
    assert body["highlight"]["pre_tags"] == [MARK_START] and body["highlight"]["post_tags"] == [MARK_END]
    assert set(body["highlight"]["fields"]) == {"title", "summary", "body"}
    assert body["from"] == 20 and body["size"] == 10
    assert body["track_total_hits"] is True
    assert "sort" not in body  # relevance


def test_an_empty_search_lists_newest_first_and_other_sorts_are_explicit():
    assert search_body("i", "", SearchFilters(), "relevance", 0, 20).to_dict()["sort"][0] == {"published_at": "desc"}
    supported = search_body("i", "park", SearchFilters(), "supported", 0, 20).to_dict()
    assert supported["sort"][0] == {"support_count": "desc"}


def test_suggestions_use_the_edge_ngram_field():
    body = suggest_body("greenlight-ideas", "bik", 8).to_dict()
    assert body["query"] == {"match": {"title.suggest": {"query": "bik", "operator": "and"}}}
    assert body["size"] == 8
    assert body["sort"] == ["_score", {"support_count": "desc"}]


def test_suggestions_do_not_rank_by_totals_a_challenge_hides():
    body = suggest_body("greenlight-ideas", "bik", 8, hidden_challenges=[12]).to_dict()
    assert body["sort"][0] == "_score"
    assert body["sort"][1]["_script"]["script"]["params"] == {"hidden": ["12"]}


def test_similar_ideas_use_more_like_this_on_text_or_on_an_indexed_idea():
    by_text = similar_body("greenlight-ideas", text="bike lanes", size=5, exclude_ids=[7], challenge_id=3).to_dict()
    mlt = by_text["query"]["bool"]["must"][0]["more_like_this"]
    assert mlt["like"] == "bike lanes" and mlt["min_doc_freq"] == 1
    assert {"bool": {"must_not": [{"ids": {"values": ["7"]}}]}} in by_text["query"]["bool"]["filter"]
    assert {"term": {"challenge_id": 3}} in by_text["query"]["bool"]["filter"]
    by_idea = similar_body("greenlight-ideas", idea_id=42, size=5).to_dict()
    assert by_idea["query"]["more_like_this"]["like"] == [{"_index": "greenlight-ideas", "_id": "42"}]


def test_the_meaning_vector_is_an_indexed_dense_vector_compared_by_cosine():
    properties = ideas_index("greenlight-ideas-test").to_dict()["mappings"]["properties"]
    assert properties["vector"] == {"type": "dense_vector", "dims": 384, "index": True, "similarity": "cosine"}
    other_model = ideas_index("greenlight-ideas-test", dimensions=768).to_dict()["mappings"]["properties"]
    assert other_model["vector"]["dims"] == 768


def test_similar_ideas_ask_for_the_nearest_in_meaning_with_the_same_narrowing():
    vector = [0.5, -0.25] + [0.0] * 382
    body = similar_body(
        "greenlight-ideas", text="bike lanes", size=10, exclude_ids=[7], challenge_id=3, vector=vector
    ).to_dict()
    knn = body["knn"]
    assert knn["field"] == "vector" and knn["query_vector"] == vector
    assert knn["k"] == 10 and knn["num_candidates"] >= 100
    assert knn["filter"] == {
        "bool": {"must_not": [{"ids": {"values": ["7"]}}], "filter": [{"term": {"challenge_id": 3}}]}
    }
    # Exact words still count: more like this stays, with the smaller weight.
    mlt = body["query"]["bool"]["must"][0]["more_like_this"]
    assert mlt["like"] == "bike lanes" and mlt["boost"] < knn["boost"]
    assert "vector" not in body["_source"]


def test_most_supported_puts_ideas_of_challenges_hiding_totals_last_without_their_counts():
    supported = search_body("i", "", SearchFilters(), "supported", 0, 20, hidden_challenges=[7, 12]).to_dict()
    first = supported["sort"][0]["_script"]
    assert first["order"] == "desc" and first["script"]["params"] == {"hidden": ["7", "12"]}
    assert "support_count" in first["script"]["source"] and "-1" in first["script"]["source"]
    assert supported["sort"][1] == {"published_at": "desc"}
