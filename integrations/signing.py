"""Webhook signatures in the Standard Webhooks scheme (https://www.standardwebhooks.com/).

Each request carries ``webhook-id`` (the event id, the same on every retry),
``webhook-timestamp`` (Unix seconds) and ``webhook-signature``: ``v1,`` and the Base64 of
HMAC-SHA256 over ``"{id}.{timestamp}.{body}"``, keyed with the Base64-decoded part of the
endpoint's ``whsec_…`` secret. The README shows a receiver that checks it."""

import base64
import hashlib
import hmac
import secrets

SECRET_PREFIX = "whsec_"  # noqa: S105 - the scheme's prefix, not a secret


def generate_secret() -> str:
    """A new endpoint secret: ``whsec_`` and 32 random bytes in Base64."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def secret_key(secret: str) -> bytes:
    """The HMAC key of a ``whsec_`` secret. Raises ``ValueError`` for a malformed secret."""
    encoded = secret.removeprefix(SECRET_PREFIX)
    try:
        key = base64.b64decode(encoded, validate=True)
    except (ValueError, TypeError) as error:
        raise ValueError("The secret is not valid Base64 after “whsec_”.") from error
    if len(key) < 24:
        raise ValueError("The secret must hold at least 24 bytes.")
    return key


def signature(*, secret: str, message_id: str, timestamp: int, body: str) -> str:
    """The ``webhook-signature`` value for one request."""
    signed = f"{message_id}.{timestamp}.{body}".encode()
    digest = hmac.new(secret_key(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def signed_headers(*, secret: str, message_id: str, timestamp: int, body: str) -> dict[str, str]:
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature(secret=secret, message_id=message_id, timestamp=timestamp, body=body),
    }
