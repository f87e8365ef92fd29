"""The challenge page, an idea page and the API list run a constant number of queries,
whatever the number of ideas (pinned with 5 and 500)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from benchmarks.ideas_data import populate_challenge
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# Wagtail finds the active locale for the page tree (internationalisation on): 2 queries.
MAX_QUERIES = 17


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
