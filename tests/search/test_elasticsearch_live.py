"""The backend contract against a real Elasticsearch 8 cluster, whenever ELASTICSEARCH_URL is
set (e.g. ``ELASTICSEARCH_URL=http://127.0.0.1:9200 make test``); skipped otherwise."""

import os
import uuid

import pytest

from search import services
from search.backends.elasticsearch8 import ElasticsearchBackend
from tests.search.backend_contract import BackendContract

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
pytestmark = [
    pytest.mark.live,
    pytest.mark.skipif(not ELASTICSEARCH_URL, reason="ELASTICSEARCH_URL is not set: no Elasticsearch to test against"),
]


class TestElasticsearchBackend(BackendContract):
    @pytest.fixture
    def backend(self, db):
        backend = ElasticsearchBackend(
            {"URLS": ELASTICSEARCH_URL.split(","), "INDEX": f"greenlight-test-{uuid.uuid4().hex[:8]}"}
        )
        try:
            backend.check()
        except Exception as exc:  # any failure means the cluster cannot be used
            pytest.fail(f"Elasticsearch at {ELASTICSEARCH_URL} is not reachable: {exc}")
        yield backend
        backend.client.indices.delete(index=f"{backend.alias}-*", ignore_unavailable=True)

    @pytest.fixture
    def index(self, backend):
        def index(ideas):
            ids = [idea.pk for idea in ideas]
            services.index_refresh(idea_ids=ids)
            backend.index_ideas(ids)
            backend.client.indices.refresh(index=backend.alias)

        return index

    def test_a_rebuild_moves_the_alias_to_a_new_index(self, backend, indexed):
        first = set(backend.client.indices.get_alias(name=backend.alias))
        assert backend.rebuild() == 5
        second = set(backend.client.indices.get_alias(name=backend.alias))
        assert first.isdisjoint(second) and len(second) == 1
        assert backend.search("bike").total == 2
