"""A large export asked for while the Celery broker is down: the page answers (no server
error), the export waits, and beat's sweep builds it once the broker is back."""

from datetime import timedelta

import pytest
from django.urls import reverse

from insights import tasks
from insights.models import Export, ExportStatus
from tests.celery_worker import _forget_routing
from tests.redis_server import redis_server  # noqa: F401 (a fixture)


@pytest.fixture
def app_on_broker(redis_server):  # noqa: F811 (the fixture above)
    from innovation.celery import app

    saved = {"task_always_eager": app.conf.task_always_eager, "broker_url": app.conf.broker_url}
    app.conf.task_always_eager = False
    app.conf.broker_url = redis_server.url
    _forget_routing(app)
    try:
        yield app
    finally:
        for key, value in saved.items():
            setattr(app.conf, key, value)
        _forget_routing(app)


@pytest.mark.django_db(transaction=True)
def test_a_large_export_during_a_broker_outage_waits_and_is_built_later(
    programme,
    leadership,
    client,
    settings,
    redis_server,  # noqa: F811
    app_on_broker,
):
    settings.INSIGHTS_EXPORT_SYNC_LIMIT = 3
    client.force_login(leadership)
    redis_server.stop()

    response = client.get(reverse("insights_comments:index"), {"export": "csv"})

    export = Export.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("insights:export_status", args=[export.pk])
    assert export.status == ExportStatus.PENDING

    # Back again: the sweep finds the export that was never queued and builds it.
    redis_server.start()
    Export.objects.filter(pk=export.pk).update(created_at=export.created_at - timedelta(minutes=5))
    app_on_broker.conf.task_always_eager = True
    assert tasks.build_waiting_exports() == 1
    export.refresh_from_db()
    assert export.status == ExportStatus.DONE and export.rows_total == 6
    status = client.get(response["Location"], {"format": "json"}).json()
    assert status["ready"] is True
