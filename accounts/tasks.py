"""Background work about people: preparing "Download my data" and clearing expired files."""

import logging

from celery import shared_task

from . import services

logger = logging.getLogger(__name__)


@shared_task(bind=True, max_retries=5, autoretry_for=(OSError,), retry_backoff=True)
def build_data_export(self, export_id: int) -> None:
    export = services.data_export_build(export_id=export_id)
    logger.info("data export %s: %s", export_id, export.status if export else "gone")


@shared_task
def purge_data_exports() -> int:
    return services.data_exports_purge()
