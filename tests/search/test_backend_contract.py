"""The backend contract on the database backend: PostgreSQL full text under the normal test
settings, the portable engine when the suite runs on SQLite (``make test`` runs this file
on both)."""

import pytest

from search.backends.database import DatabaseBackend
from tests.search.backend_contract import BackendContract


class TestDatabaseBackend(BackendContract):
    @pytest.fixture
    def backend(self, db):
        return DatabaseBackend()

    @pytest.fixture
    def index(self, index_in_database):
        return index_in_database
