"""When Elasticsearch cannot be reached, visitors still get answers (from the database) and
indexing is retried rather than lost. Uses a port where nothing listens: a real refusal."""

import logging

import pytest
from celery.exceptions import Retry

from search import services, tasks
from search.backends import get_backend
from search.backends.base import SearchUnavailable
from search.backends.elasticsearch8 import ElasticsearchBackend
from tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db
UNREACHABLE = {"BACKEND": "search.backends.elasticsearch8.ElasticsearchBackend", "URLS": ["http://127.0.0.1:9"]}


@pytest.fixture
def unreachable(settings):
    settings.GREENLIGHT_SEARCH = {**UNREACHABLE, "INDEX": "greenlight-test-down", "TIMEOUT": 1}
    backend = get_backend()
    assert isinstance(backend, ElasticsearchBackend)
    return backend


@pytest.fixture
def beehives(db):
    idea = IdeaFactory(title="Rooftop beehives on the library", summary="Honey for the neighbourhood.")
    services.index_refresh(idea_ids=[idea.pk])
    return idea


def test_search_suggest_and_similar_fall_back_to_the_database_with_a_warning(unreachable, beehives, caplog):
    with caplog.at_level(logging.WARNING, logger="search.backends.elasticsearch8"):
        assert [hit.title for hit in unreachable.search("beehives").hits] == ["Rooftop beehives on the library"]
        assert [s.text for s in unreachable.suggest("roof")] == ["Rooftop beehives on the library"]
        assert [s.idea_id for s in unreachable.similar("beehives on a library roof")] == [beehives.pk]
    warnings = [record for record in caplog.records if record.name == "search.backends.elasticsearch8"]
    assert len(warnings) == 3
    assert all("answering from the database" in record.getMessage() for record in warnings)


def test_the_search_page_still_answers(unreachable, beehives, client):
    response = client.get("/search/", {"q": "beehives"})
    assert response.status_code == 200
    assert "Rooftop <mark>beehives</mark> on the library" in response.text


def test_pushing_to_elasticsearch_is_retried_and_search_s_own_index_is_still_written(unreachable, beehives):
    with pytest.raises(Retry) as retry:
        tasks.push_ideas.apply(args=[[beehives.pk]])
    # Retried later (a jittered exponential backoff, so the first delay may be 0 s), never dropped.
    assert retry.value.when is not None and retry.value.when <= 5
    assert tasks.push_ideas.max_retries is None and tasks.push_ideas.retry_backoff
    assert isinstance(retry.value.exc, SearchUnavailable)
    # index_ideas writes search's own table first; only the push waits for the cluster.
    indexed = tasks.index_ideas.apply(args=[[beehives.pk]])
    assert indexed.state == "SUCCESS" and indexed.result == 1
