"""ETag and Last-Modified for the public feeds, so a harvester that already has a page gets
``304 Not Modified`` and no body.

The ETag is a hash of the exact bytes (it changes whenever anything shown changes, tallies
included). Last-Modified is when the server first served those bytes, remembered in the
cache: an honest "unchanged since", whichever way the underlying rows were written."""

import hashlib
import time

from django.core.cache import cache
from django.utils.cache import get_conditional_response, quote_etag
from django.utils.http import http_date

SEEN_FOR = 60 * 60 * 24 * 90


def respond(request, response, *, content: bytes):
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return response
    content_type = response.get("Content-Type", "")
    etag = quote_etag(hashlib.sha256(content_type.encode() + b"\0" + content).hexdigest()[:40])
    key = f"integrations:feed-seen:{etag}"
    cache.add(key, int(time.time()), SEEN_FOR)
    last_modified = cache.get(key) or int(time.time())
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = "public, max-age=60"
    vary = response.get("Vary")
    if not vary or "Accept" not in vary:
        response["Vary"] = f"{vary}, Accept" if vary else "Accept"
    return get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)
