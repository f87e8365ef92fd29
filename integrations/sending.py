"""One HTTP request to a webhook receiver: checked address, signed body, bounded time,
no redirects, and only the start of the answer kept."""

import logging
import time
from dataclasses import dataclass

import urllib3
from django.conf import settings
from django.utils.translation import gettext as _

from . import addresses, signing
from .models import AttemptOutcome

logger = logging.getLogger(__name__)
EXCERPT_BYTES = 500
USER_AGENT = "Greenlight-Webhooks/1.0"


@dataclass
class Result:
    outcome: str
    status_code: int | None = None
    excerpt: str = ""
    error: str = ""
    duration_ms: int = 0

    @property
    def succeeded(self) -> bool:
        return self.outcome == AttemptOutcome.SUCCEEDED


def _pool(target: addresses.Target, address: str, timeout: urllib3.Timeout):
    common = {"host": address, "port": target.port, "timeout": timeout, "retries": False, "maxsize": 1}
    if target.scheme == "https":
        # Connect to the checked address, but present and verify the receiver's own name.
        return urllib3.HTTPSConnectionPool(
            **common, server_hostname=target.host, assert_hostname=target.host, cert_reqs="CERT_REQUIRED"
        )
    return urllib3.HTTPConnectionPool(**common)


def post(*, url: str, secret: str, message_id: str, body: str) -> Result:
    """Send ``body`` to ``url`` once. Never raises for what the receiver or the network does."""
    started = time.monotonic()

    def finish(**kwargs) -> Result:
        return Result(duration_ms=int((time.monotonic() - started) * 1000), **kwargs)

    try:
        target = addresses.resolve(url)
    except addresses.AddressRefused as error:
        return finish(outcome=AttemptOutcome.REFUSED, error=str(error))
    except addresses.AddressUnresolved as error:
        return finish(outcome=AttemptOutcome.UNREACHABLE, error=str(error))
    headers = {
        "Host": target.host_header,
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        **signing.signed_headers(secret=secret, message_id=message_id, timestamp=int(time.time()), body=body),
    }
    timeout = urllib3.Timeout(
        total=settings.WEBHOOK_TIMEOUT, connect=settings.WEBHOOK_CONNECT_TIMEOUT, read=settings.WEBHOOK_TIMEOUT
    )
    error_text = ""
    for address in target.addresses:
        pool = _pool(target, address, timeout)
        try:
            response = pool.urlopen(
                "POST",
                target.path,
                body=body.encode(),
                headers=headers,
                redirect=False,
                preload_content=False,
                assert_same_host=False,
            )
            try:
                excerpt = response.read(EXCERPT_BYTES, decode_content=False).decode("utf-8", errors="replace")
            finally:
                response.release_conn()
            status = response.status
            outcome = AttemptOutcome.SUCCEEDED if 200 <= status < 300 else AttemptOutcome.HTTP_ERROR
            return finish(outcome=outcome, status_code=status, excerpt=excerpt)
        except (urllib3.exceptions.TimeoutError, TimeoutError) as error:
            logger.info("Webhook to %s timed out: %s", url, error)
            return finish(
                outcome=AttemptOutcome.TIMEOUT,
                error=_("No answer within %(seconds)s seconds.") % {"seconds": f"{settings.WEBHOOK_TIMEOUT:g}"},
            )
        except (urllib3.exceptions.HTTPError, OSError) as error:
            error_text = str(error)[:300]
            continue
        finally:
            pool.close()
    return finish(outcome=AttemptOutcome.UNREACHABLE, error=error_text or _("Could not connect."))
