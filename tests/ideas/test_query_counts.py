"""The challenge page, an idea page and the API list run a constant number of queries,
whatever the number of ideas (pinned with 5 and 500)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from benchmarks.ideas_data import populate_challenge
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# Signed in, one of them is the header's count of unread notifications; and Wagtail finds
# the active locale for the page tree (internationalisation on): 2 queries.
MAX_QUERIES = 18


def _bulk_ideas(challenge, count):
    """Ideas with tags and comment threads, built by the benchmark data generator."""
    populate_challenge(challenge, ideas=count, authors=[UserFactory() for _ in range(5)], comments_per_idea=2)


def _count(client, url):
    client.get(url)  # warm caches (site root, renditions) like a running server
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("signed_in", [False, True])
def test_challenge_page_queries_do_not_grow_with_ideas(client, challenge, author, signed_in):
    if signed_in:
        client.force_login(author)
    _bulk_ideas(challenge, 5)
    few = _count(client, challenge.url + "?sort=discussed")
    _bulk_ideas(challenge, 495)
    many = _count(client, challenge.url + "?sort=discussed")
    assert few == many
    assert many <= MAX_QUERIES


def test_idea_page_queries_do_not_grow_with_comments(client, challenge, author):
    from ideas.models import Comment
    from tests.factories import IdeaFactory

    idea = IdeaFactory(challenge=challenge)
    client.force_login(author)

    def add_comments(count):
        Comment.objects.bulk_create(
            Comment(idea=idea, author=UserFactory(), body=f"<p>Comment {n}</p>") for n in range(count)
        )

    add_comments(5)
    few = _count(client, idea.get_absolute_url())
    add_comments(200)
    many = _count(client, idea.get_absolute_url())
    assert few == many <= MAX_QUERIES


def _counts_every_row(queries) -> list[str]:
    """Queries with a COUNT over a whole table or a subquery without LIMIT."""
    found = []
    for query in queries:
        sql = query["sql"]
        for match in re.finditer(r"COUNT\([^)]*\)(?: AS \S+)? FROM ", sql, re.IGNORECASE):
            rest = sql[match.end() :]
            if not rest.startswith("("):
                found.append(sql)
                continue
            depth, end = 0, len(rest)
            for position, character in enumerate(rest):
                depth += {"(": 1, ")": -1}.get(character, 0)
                if depth == 0:
                    end = position
                    break
            if "LIMIT" not in rest[:end]:
                found.append(sql)
    return found


@pytest.fixture
def small_exact_cap(monkeypatch):
    """Lists longer than 10 count as 'long' (in production: longer than a thousand)."""
    from ideas import pagination

    monkeypatch.setattr(pagination, "EXACT_UP_TO", 10)


@pytest.mark.parametrize("path", ["page", "api"])
def test_a_long_list_is_not_counted_row_by_row_on_every_request(client, challenge, small_exact_cap, path):
    _bulk_ideas(challenge, 30)
    url = challenge.url if path == "page" else f"/api/v1/challenges/{challenge.pk}/ideas/"
    first = client.get(url)
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url)

    assert _counts_every_row(queries.captured_queries) == []
    if path == "page":
        for response in (first, second):
            assert "30 ideas" in response.content.decode()
            assert "Page 1 of 3" in response.content.decode()
    else:
        assert first.json()["count"] == second.json()["count"] == 30
        assert second.json()["next"]


def test_a_short_list_shows_a_new_idea_in_its_total_at_once(client, challenge, author):
    _bulk_ideas(challenge, 3)
    assert "3 ideas" in client.get(challenge.url).content.decode()
    _bulk_ideas(challenge, 1)
    assert "4 ideas" in client.get(challenge.url).content.decode()
    assert client.get(f"/api/v1/challenges/{challenge.pk}/ideas/").json()["count"] == 4


def test_challenge_lists_show_a_large_challenges_totals_without_counting_them_each_time(
    client, challenge, small_exact_cap
):
    _bulk_ideas(challenge, 30)
    index = challenge.get_parent().url
    api = "/api/v1/challenges/"
    for url in ("/", index, api):
        client.get(url)
    with CaptureQueriesContext(connection) as queries:
        home, listing, data = (client.get(url) for url in ("/", index, api))

    assert [query["sql"] for query in queries.captured_queries if '"ideas_idea"' in query["sql"]] == []
    assert "30 ideas" in listing.content.decode()
    assert data.json()["results"][0]["idea_total"] == 30
    assert data.json()["results"][0]["participant_total"] == 5
    assert home.status_code == 200
