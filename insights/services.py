"""Writes of the insights app — only its own records: each export, in the audit log with who
asked, what, in which format, how many rows and whether it holds email addresses.

Small exports are written while the person waits; above ``INSIGHTS_EXPORT_SYNC_LIMIT`` rows
a Celery task builds the file into private storage, with progress, and the download link
works for the person who asked until ``INSIGHTS_EXPORT_LINK_HOURS`` have passed.
"""

import csv
import datetime
import io
import logging
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from accounts.models import User
from innovation.queue import queue_task_after_commit

from .exports import SPECS, Column
from .models import Export, ExportStatus

logger = logging.getLogger(__name__)

FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
PROGRESS_EVERY = 1000
# Spreadsheet programs run a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ExportError(Exception):
    """A request for an export that cannot be made (unknown kind or format)."""


def _cell(value: float, file_format: str):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.make_naive(value, datetime.UTC)
    if file_format == "csv":
        if value is None:
            return ""
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if isinstance(value, str) and value.startswith(FORMULA_STARTS):
            return "'" + value
    elif isinstance(value, bool):
        return _("yes") if value else _("no")
    return value


def write_spreadsheet(
    *,
    columns: list[Column],
    rows: Iterable[dict],
    file_format: str,
    progress: Callable[[int], None] | None = None,
) -> tuple[bytes, int]:
    """The rows as a CSV (UTF-8 with a byte-order mark, so spreadsheet programs read accents)
    or XLSX file; returns its bytes and how many rows it holds."""
    count = 0
    headings = [str(column.heading) for column in columns]
    if file_format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(headings)
        for row in rows:
            writer.writerow([_cell(row.get(column.key), "csv") for column in columns])
            count += 1
            if progress and count % PROGRESS_EVERY == 0:
                progress(count)
        return ("\ufeff" + buffer.getvalue()).encode("utf-8"), count
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("Export")[:31])
    sheet.append(headings)
    for row in rows:
        cells = []
        for column in columns:
            cell = WriteOnlyCell(sheet, _cell(row.get(column.key), "xlsx"))
            if cell.data_type == "f":  # text that looks like a formula stays text
                cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)
        count += 1
        if progress and count % PROGRESS_EVERY == 0:
            progress(count)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue(), count


def filename_for(export: Export) -> str:
    return f"greenlight-{export.kind}-{timezone.localdate(export.created_at).isoformat()}.{export.file_format}"


def _record(export: Export, *, rows: int) -> None:
    log(
        instance=export,
        action="insights.export",
        user=export.requester,
        data={
            "what": export.kind,
            "format": export.file_format,
            "rows": rows,
            "emails": export.personal_data,
            "filters": export.parameters,
        },
    )


def _check(*, requester: User, kind: str, file_format: str, personal: bool) -> None:
    if file_format not in FORMATS:
        raise ExportError(_("Choose CSV or XLSX."))
    if kind not in SPECS and not kind.startswith("chart-"):
        raise ExportError(_("There is no such export."))
    if not requester.has_perm("insights.export"):
        raise PermissionDenied
    if personal and not requester.has_perm("insights.export_personal_data"):
        raise PermissionDenied


def _written_now(
    *,
    requester: User,
    kind: str,
    file_format: str,
    parameters: dict,
    personal: bool,
    columns: list[Column],
    rows: Iterable[dict],
) -> tuple[Export, bytes]:
    """Write an export while its requester waits; record it and its audit-log entry."""
    content, count = write_spreadsheet(columns=columns, rows=rows, file_format=file_format)
    with transaction.atomic():
        export = Export.objects.create(
            requester=requester,
            kind=kind,
            file_format=file_format,
            parameters=parameters,
            personal_data=personal,
            status=ExportStatus.DONE,
            rows_total=count,
            rows_done=count,
            finished_at=timezone.now(),
        )
        _record(export, rows=count)
    return export, content


def export_record(
    *, requester: User, kind: str, file_format: str, columns: list[Column], rows: Iterable[dict], parameters: dict
) -> tuple[Export, bytes]:
    """Write a small export now (chart data, or a listing under the limit) and record it."""
    _check(requester=requester, kind=kind, file_format=file_format, personal=False)
    return _written_now(
        requester=requester,
        kind=kind,
        file_format=file_format,
        parameters=parameters,
        personal=False,
        columns=columns,
        rows=rows,
    )


def export_listing(
    *, requester: User, kind: str, file_format: str, parameters: dict, personal: bool = False
) -> tuple[Export, bytes | None]:
    """Export one of the admin listings with its filters. Returns the record and the file's
    bytes when it was written at once, or ``None`` when a Celery task is building it."""
    _check(requester=requester, kind=kind, file_format=file_format, personal=personal)
    spec = SPECS[kind]
    queryset = spec.queryset(parameters)
    total = spec.count(queryset)
    if total <= settings.INSIGHTS_EXPORT_SYNC_LIMIT:
        return _written_now(
            requester=requester,
            kind=kind,
            file_format=file_format,
            parameters=parameters,
            personal=personal,
            columns=spec.headings(personal=personal),
            rows=spec.rows(queryset, personal),
        )
    from .tasks import build_export

    with transaction.atomic():
        export = Export.objects.create(
            requester=requester,
            kind=kind,
            file_format=file_format,
            parameters=parameters,
            personal_data=personal,
            rows_total=total,
        )
        # Recorded as waiting: if the broker is down, beat's ``build_waiting_exports`` starts it later.
        queue_task_after_commit(build_export, [export.pk])
    return export, None


def exports_waiting(*, older_than: datetime.timedelta, now: datetime.datetime | None = None) -> list[int]:
    """Exports still waiting to start a while after they were asked for: their task was
    never queued (a broker outage) or was lost. Building is safe to run twice."""
    now = now or timezone.now()
    return list(
        Export.objects.filter(status=ExportStatus.PENDING, created_at__lte=now - older_than)
        .order_by("created_at")
        .values_list("pk", flat=True)
    )


def export_build(*, export_id: int) -> Export | None:
    """Build a large export's file (the Celery task's work). Safe to run twice: a finished
    export is left as it is."""
    with transaction.atomic():
        export = Export.objects.select_for_update().filter(pk=export_id).first()
        if export is None or export.status == ExportStatus.DONE:
            return export
        export.status = ExportStatus.RUNNING
        export.rows_done = 0
        export.save(update_fields=["status", "rows_done"])
    spec = SPECS[export.kind]

    def progress(done: int) -> None:
        Export.objects.filter(pk=export.pk).update(rows_done=done)

    try:
        content, count = write_spreadsheet(
            columns=spec.headings(personal=export.personal_data),
            rows=spec.rows(spec.queryset(export.parameters), export.personal_data),
            file_format=export.file_format,
            progress=progress,
        )
    except Exception:
        logger.exception("Export %s could not be built", export.pk)
        Export.objects.filter(pk=export.pk).update(status=ExportStatus.FAILED, error=_("The file could not be built."))
        raise
    with transaction.atomic():
        export = Export.objects.select_for_update().get(pk=export.pk)
        export.file.save(filename_for(export), ContentFile(content), save=False)
        export.status = ExportStatus.DONE
        export.rows_total = export.rows_done = count
        export.finished_at = timezone.now()
        export.expires_at = export.finished_at + datetime.timedelta(hours=settings.INSIGHTS_EXPORT_LINK_HOURS)
        export.save(update_fields=["file", "status", "rows_total", "rows_done", "finished_at", "expires_at"])
        _record(export, rows=count)
    return export


def exports_purge_expired(*, now: datetime.datetime | None = None) -> int:
    """Delete the files of exports whose link has expired (the record stays, for the log)."""
    now = now or timezone.now()
    purged = 0
    for export in Export.objects.filter(expires_at__lte=now).exclude(file=""):
        export.file.delete(save=False)
        Export.objects.filter(pk=export.pk).update(file="")
        purged += 1
    return purged
