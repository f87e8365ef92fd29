"""Ids in addresses and query strings: whole numbers that fit the database's ids.

``<id:pk>`` in a URL pattern matches 1–18 ASCII digits, so ``abc``, ``1e3``, ``²`` or a
twenty-digit number is a 404 before any view runs, never a database error. Importing this
module registers the converter (every ``urls.py`` that uses it imports it)."""

from django.urls import register_converter

# 18 digits stay below 2**63 - 1, the largest bigint.
ID_PATTERN = "[0-9]{1,18}"
MAX_ID = 10**18 - 1


class IdConverter:
    regex = ID_PATTERN

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(int(value))


def whole_number(raw, *, maximum: int = MAX_ID) -> int | None:
    """``raw`` (a query parameter, a JSON value, a cookie) as a whole number from 0 to
    ``maximum``, or None when it is anything else (``²``, ``1e3``, ``-1``, too large)."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        value = raw
    else:
        text = str(raw if raw is not None else "").strip()
        if not (text.isascii() and text.isdigit()) or len(text) > len(str(maximum)):
            return None
        value = int(text)
    return value if 0 <= value <= maximum else None


register_converter(IdConverter, "id")
