"""The /search/ page: ideas with facets and snippets beside challenges and pages."""

import pytest
from django.utils import timezone

from search import services
from tests.factories import ChallengeFactory, IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed_city(city, home_page):
    services.index_refresh(idea_ids=[idea.pk for idea in city.values()])
    return city


def test_a_search_shows_matching_ideas_with_snippets_facets_and_pages(client, indexed_city):
    response = client.get("/search/", {"q": "bike"})
    assert response.status_code == 200
    html = response.text
    assert "Protected <mark>bike</mark> lanes on Main Street" in html
    assert "2 ideas" in html
    assert "spam" not in html and "Bike sharing draft" not in html
    assert 'href="?q=bike&amp;tag=cycling"' in html  # a facet value is a link that narrows
    assert "Challenges, pilots and pages" not in html  # no page is about bikes


def test_pages_are_found_beside_ideas(client, indexed_city):
    html = client.get("/search/", {"q": "greener parks"}).text
    assert "Challenges, pilots and pages" in html
    assert "Greener parks" in html and "Challenge</span>" in html


def test_a_facet_narrows_and_can_be_removed(client, indexed_city):
    html = client.get("/search/", {"q": "bike", "district": "old-town"}).text
    assert "1 idea" in html and "Shaded benches along the river path" in html
    assert "Protected <mark>bike</mark> lanes" not in html
    assert "Remove District: Old Town" in html


def test_nothing_found_says_what_to_try(client, indexed_city):
    html = client.get("/search/", {"q": "xylophonequartz"}).text
    assert "No ideas match “xylophonequartz”." in html
    assert "checking the spelling" in html


@pytest.mark.parametrize(
    "params",
    [
        {"q": "\"((( 🚲 '; DROP TABLE x; --"},
        {"q": "a" * 2000},
        {"q": "bike", "page": "abc", "stage": "nonsense", "year": "-1", "challenge": "x"},
        {"q": "bike", "sort": "novelty"},
    ],
)
def test_bad_input_never_breaks_the_page(client, indexed_city, params):
    response = client.get("/search/", params)
    assert response.status_code == 200


def test_filters_not_understood_are_said_to_be_ignored(client, indexed_city):
    html = client.get("/search/", {"q": "bike", "stage": "nonsense"}).text
    assert "were not understood and were left out" in html
    assert "Protected <mark>bike</mark> lanes" in html


def test_leadership_may_sort_by_novelty_and_residents_may_not(client, indexed_city):
    services.novelty_compute(idea_ids=[idea.pk for idea in indexed_city.values()])
    assert "Most novel" not in client.get("/search/", {"q": "bike"}).text
    client.force_login(UserFactory(roles=["Leadership"]))
    html = client.get("/search/", {"q": "", "sort": "novelty"}).text
    assert '<option value="novelty" selected>Most novel</option>' in html


def test_query_count_is_pinned_and_constant_in_the_number_of_ideas(client, home_page, django_assert_max_num_queries):
    challenge = ChallengeFactory.create("submission", title="Bike city")
    # Not a hit for "bike", so "Related ideas" always has a candidate to look up.
    elsewhere = ChallengeFactory.create("submission", title="Greener streets")
    services.index_refresh(idea_ids=[IdeaFactory(challenge=elsewhere, title="Cycle lanes on the ring road").pk])

    def search_with(count):
        ideas = [
            IdeaFactory(challenge=challenge, title=f"Bike idea {n}", published_at=timezone.now()) for n in range(count)
        ]
        for idea in ideas:
            idea.tags.add(f"tag-{idea.pk}")
        services.index_refresh(idea_ids=[idea.pk for idea in ideas])
        client.get("/search/", {"q": "bike"})  # per-process caches (site, settings) warm up once
        with django_assert_max_num_queries(15) as context:
            assert client.get("/search/", {"q": "bike"}).status_code == 200
        return len(context.captured_queries)

    assert search_with(2) == search_with(25)


def test_related_ideas_by_meaning_are_a_separate_labelled_section(client, indexed_city):
    html = client.get("/search/", {"q": "segregated paths for bicycles"}).text
    hits, related = html.split('id="search-related-heading"')
    assert "No ideas match" in hits  # no idea has all these words...
    assert "Related ideas" in related and "Protected bike lanes on Main Street" in related  # ...one means them
    assert "spam" not in related


def test_an_idea_shown_for_the_words_is_not_repeated_among_related_ideas(client, indexed_city):
    html = client.get("/search/", {"q": "bike"}).text
    related = html.split('id="search-related-heading"')[1] if 'id="search-related-heading"' in html else ""
    assert "Protected bike lanes on Main Street" not in related
