"""An export above the limit is built by a real Celery worker, with progress, into private
storage; only the person who asked may download it, and only until the link expires."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accounts import roles
from insights import services
from insights.models import Export, ExportStatus
from tests.celery_worker import celery_worker  # noqa: F401 (a fixture)
from tests.factories import UserFactory


@pytest.mark.django_db(transaction=True)
def test_a_large_export_is_built_in_the_background(programme, leadership, client, settings, celery_worker):  # noqa: F811
    settings.INSIGHTS_EXPORT_SYNC_LIMIT = 3
    client.force_login(leadership)
    response = client.get(reverse("insights_comments:index"), {"export": "csv"})
    export = Export.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("insights:export_status", args=[export.pk])
    page = client.get(response["Location"]).content.decode()
    assert "This export is large; it is being prepared." in page
    assert 'data-status-url="/admin/insights/exports/' in page

    celery_worker.wait_until(lambda: Export.objects.get(pk=export.pk).status == ExportStatus.DONE)
    status = client.get(response["Location"], {"format": "json"}).json()
    assert status["ready"] is True and status["progress"] == 100 and status["rows_total"] == 6

    download = client.get(status["download_url"])
    assert download.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(download.streaming_content).decode("utf-8-sig"))))
    assert len(rows) == 1 + 6 and rows[0][0] == "Id"
    export.refresh_from_db()
    assert not export.file.path.startswith(str(settings.MEDIA_ROOT))  # never served as media
    entry = ModelLogEntry.objects.get(action="insights.export")
    assert entry.user_id == leadership.pk and entry.data["rows"] == 6 and entry.data["what"] == "comments"

    # Another member of leadership cannot use the link.
    client.force_login(UserFactory(roles=[roles.LEADERSHIP]))
    assert client.get(status["download_url"]).status_code in (302, 403)

    # Once expired, the link says so and the file is removed by the hourly sweep.
    client.force_login(leadership)
    Export.objects.filter(pk=export.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    assert client.get(status["download_url"]).status_code == 410
    path = export.file.name
    assert services.exports_purge_expired() == 1
    assert not export.file.storage.exists(path)
