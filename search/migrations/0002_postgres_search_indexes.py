"""PostgreSQL only: the pg_trgm extension and the GIN indexes full-text search, suggestions
and similar ideas use. On SQLite (the embedded default) every step is a no-op."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = [
    ("search_entry_vector", "USING gin (search_vector)"),
    ("search_entry_title_trgm", "USING gin (title gin_trgm_ops)"),
    ("search_entry_title_prefix", "USING gin (to_tsvector('simple'::regconfig, title))"),
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, definition in INDEXES:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON search_indexedidea {definition}")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _definition in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class PostgresTrigramExtension(TrigramExtension):
    """pg_trgm (skipped on other databases). Unapplying keeps it: other code may use it."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        return


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        PostgresTrigramExtension(),
        migrations.RunPython(create_indexes, drop_indexes, elidable=False),
    ]
