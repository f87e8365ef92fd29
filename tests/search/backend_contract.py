"""Behaviour every search backend shares. Subclass ``BackendContract`` once per backend and
provide two fixtures: ``backend`` (the instance) and ``index`` (a function that indexes the
given ideas in it and waits until they are searchable)."""

import pytest

from ideas.models import Idea
from search import services
from search.backends.base import SearchFilters

BAD_INPUT = [
    '"bike lanes',
    'bike "lanes"',
    "bike AND OR NOT lanes",
    "(((bike",
    "bike)) ]] }",
    "-",
    "- - -",
    "!@#$%^&*()",
    "🚲 bike 🌳",
    "🚲🚲🚲",
    "'; DROP TABLE ideas_idea; --",
    "1 OR 1=1",
    "bike:* & !lanes | <->",
    "\\ \\\\ %_%",
    "\x00bike\x1f",
    "bike " * 400,
    "a" * 2000,
    "the and of",
    "",
    "   ",
]


class BackendContract:
    """What every backend does, whatever it runs on."""

    @pytest.fixture
    def indexed(self, city, index):
        index(list(city.values()))
        return city

    def test_names_its_outage_errors_as_a_tuple_of_exception_classes(self, backend):
        # The rebuild command catches exactly these to report an outage instead of a traceback.
        errors = backend.unavailable_errors
        assert isinstance(errors, tuple)
        assert all(isinstance(error, type) and issubclass(error, Exception) for error in errors)

    def test_finds_ideas_by_words_in_any_form(self, backend, indexed):
        results = backend.search("bike lane")
        titles = [hit.title for hit in results.hits]
        assert titles[0] == "Protected bike lanes on Main Street"
        assert "Plant fruit trees in every park" not in titles
        assert results.total == len(results.hits)

    def test_title_matches_rank_above_description_matches(self, backend, indexed):
        titles = [hit.title for hit in backend.search("bike").hits]
        # "benches" mentions bike parking only in its description.
        assert titles.index("Protected bike lanes on Main Street") < titles.index("Shaded benches along the river path")

    def test_never_shows_hidden_or_unpublished_ideas(self, backend, indexed):
        titles = [hit.title for hit in backend.search("bike").hits]
        assert "Bike lanes everywhere (spam)" not in titles
        assert "Bike sharing draft" not in titles
        assert all("spam" not in s.text for s in backend.suggest("bike"))

    def test_an_idea_hidden_after_indexing_disappears_at_once(self, backend, indexed):
        Idea.objects.filter(pk=indexed["bike"].pk).update(is_hidden=True)
        assert "Protected bike lanes on Main Street" not in [hit.title for hit in backend.search("bike").hits]
        assert indexed["bike"].pk not in [s.idea_id for s in backend.similar("protected bike lanes main street")]

    def test_snippets_mark_the_words_and_escape_what_people_wrote(self, backend, indexed):
        hit = next(hit for hit in backend.search("market").hits if hit.idea_id == indexed["script"].pk)
        assert "<mark>" in hit.snippet
        assert "<script>" not in hit.snippet and "<script>" not in hit.title_html
        assert "&lt;script&gt;" in hit.title_html

    def test_facets_count_the_whole_result_set(self, backend, indexed):
        results = backend.search("")
        assert results.total == 5
        stages = {value.value: value.count for value in results.facets["stage"]}
        assert stages == {"published": 4, "under_review": 1}
        districts = {value.label: value.count for value in results.facets["district"]}
        assert districts == {"Harbour": 2, "Old Town": 2}
        tags = {value.value: value.count for value in results.facets["tag"]}
        assert tags["safety"] == 2 and tags["cycling"] == 1
        challenges = {value.label: value.count for value in results.facets["challenge"]}
        assert challenges == {"Safer streets": 3, "Greener parks": 2}
        assert sum(value.count for value in results.facets["year"]) == 5

    def test_a_facet_narrows_the_results_and_the_counts(self, backend, indexed):
        results = backend.search("", SearchFilters(tag="safety"))
        assert {hit.title for hit in results.hits} == {
            "Protected bike lanes on Main Street",
            "Raised zebra crossings near schools",
        }
        assert {value.label: value.count for value in results.facets["district"]} == {"Harbour": 1, "Old Town": 1}
        assert [value.selected for value in results.facets["tag"] if value.value == "safety"] == [True]
        narrowed = backend.search("", SearchFilters(tag="safety", district="old-town"))
        assert [hit.title for hit in narrowed.hits] == ["Raised zebra crossings near schools"]
        parks = indexed["trees"].challenge_id
        assert backend.search("", SearchFilters(challenge=parks)).total == 2
        assert backend.search("", SearchFilters(stage="under_review")).total == 1

    def test_sorts_by_newest_and_most_supported(self, backend, indexed):
        newest = [hit.title for hit in backend.search("", sort="newest").hits]
        assert newest[0] == "Night market <script>alert(1)</script>"
        assert newest[-1] == "Protected bike lanes on Main Street"
        supported = [hit.support_count for hit in backend.search("", sort="supported").hits]
        assert supported == sorted(supported, reverse=True) and supported[0] == 40

    def test_pages_through_results(self, backend, indexed):
        first = backend.search("", sort="newest", page=1, page_size=2)
        second = backend.search("", sort="newest", page=2, page_size=2)
        third = backend.search("", sort="newest", page=3, page_size=2)
        assert first.total == 5 and first.page_count == 3 and first.has_next and not first.has_previous
        seen = [hit.idea_id for hit in first.hits + second.hits + third.hits]
        assert len(seen) == len(set(seen)) == 5
        assert backend.search("", page=99, page_size=2).hits == []

    def test_nothing_matches_nonsense(self, backend, indexed):
        results = backend.search("xylophonequartz")
        assert results.total == 0 and results.hits == []

    @pytest.mark.parametrize("text", BAD_INPUT)
    def test_bad_input_gives_results_or_nothing_never_an_error(self, backend, indexed, text):
        results = backend.search(text)
        assert isinstance(results.hits, list) and results.total >= 0
        assert isinstance(backend.suggest(text), list)
        assert isinstance(backend.similar(text), list)

    def test_suggests_titles_for_a_prefix(self, backend, indexed):
        suggestions = [s.text for s in backend.suggest("protected bi")]
        assert suggestions == ["Protected bike lanes on Main Street"]
        assert "Raised zebra crossings near schools" in [s.text for s in backend.suggest("zeb")]
        assert backend.suggest("") == []

    def test_every_hit_has_the_words_searched_and_a_word_inside_another_is_no_match(self, backend, indexed, index):
        from tests.factories import IdeaFactory

        challenge = indexed["bike"].challenge
        streets = [
            IdeaFactory(challenge=challenge, title="Street lights on Mill Lane", summary="The street is dark."),
            IdeaFactory(challenge=challenge, title="Street party on Church Street", summary="Tables in the street."),
            IdeaFactory(challenge=challenge, title="A tree on every street", summary="Shade for the pavement."),
        ]
        index(streets)
        titles = {hit.title for hit in backend.search("trees").hits}
        assert titles == {"Plant fruit trees in every park", "A tree on every street"}
        assert all("tree" in hit.title.lower() or "tree" in hit.snippet.lower() for hit in backend.search("tree").hits)

    def test_similar_by_meaning_finds_an_idea_sharing_no_word(self, backend, indexed):
        similar = backend.similar("Segregated cycle paths so that motorists keep away from riders", k=3)
        assert similar[0].idea_id == indexed["bike"].pk
        assert backend.similar("A night market with food stalls and music", k=1)[0].idea_id == indexed["script"].pk

    def test_similar_leaves_out_merged_ideas(self, backend, indexed, index):
        Idea.objects.filter(pk=indexed["crossing"].pk).update(stage="merged")
        index([indexed["crossing"]])
        found = [s.idea_id for s in backend.similar("Raised zebra crossings near schools", k=5)]
        assert indexed["crossing"].pk not in found

    def test_a_merged_idea_is_no_search_hit_or_suggestion(self, backend, indexed, index):
        # It lives on in the idea it was merged into; lists, counts and search agree.
        Idea.objects.filter(pk=indexed["bike"].pk).update(stage="merged")
        index([indexed["bike"]])
        assert "Protected bike lanes on Main Street" not in [hit.title for hit in backend.search("bike").hits]
        assert indexed["bike"].pk not in [s.idea_id for s in backend.suggest("protected")]

    def test_similar_finds_the_same_idea_said_differently(self, backend, indexed):
        similar = backend.similar("Bike lanes separated from cars on Main Street", k=3)
        assert similar[0].idea_id == indexed["bike"].pk
        assert all(0 <= s.score <= 1 for s in similar)

    def test_similar_to_an_idea_leaves_out_the_idea_itself(self, backend, indexed):
        similar = backend.similar(idea_id=indexed["bike"].pk, k=5)
        assert indexed["bike"].pk not in [s.idea_id for s in similar]
        excluded = backend.similar("protected bike lanes", exclude_ids=[indexed["bike"].pk])
        assert indexed["bike"].pk not in [s.idea_id for s in excluded]

    def test_ideas_that_leave_the_index_are_no_longer_found(self, backend, indexed, index):
        Idea.objects.filter(pk=indexed["trees"].pk).update(stage="withdrawn")
        index([indexed["trees"]])
        assert backend.search("fruit trees").total == 0
        assert services.index_refresh(idea_ids=[indexed["trees"].pk]) == 0
