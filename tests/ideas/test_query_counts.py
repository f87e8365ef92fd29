"""The challenge page, an idea page and the API list run a constant number of queries,
whatever the number of ideas (pinned with 5 and 500)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ideas.models import Idea
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MAX_QUERIES = 15


def _bulk_ideas(challenge, count):
    authors = [UserFactory() for _ in range(5)]
    Idea.objects.bulk_create(
        Idea(
            challenge=challenge,
            author=authors[n % 5],
            title=f"Idea {n}",
            summary="Summary",
            stage="published",
            published_at=challenge.ideas_open,
            comment_count=n % 7,
        )
        for n in range(count)
    )
    for idea in Idea.objects.filter(challenge=challenge)[:20]:
        idea.tags.add("parks")


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
