"""The API's one JSON parser: every body is a JSON object of bounded depth.

Python's decoder recurses once per level, so 100,000 ``[`` raise ``RecursionError``; and every
Greenlight endpoint takes an object, so ``[]``, ``"x"`` or ``null`` would reach views that
expect fields. Both are refused here with a 400 that says why."""

import json

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError

# Far deeper than any Greenlight request (at most 2), far shallower than Python's recursion limit.
MAX_DEPTH = 32


def _depth_exceeds(value, limit: int) -> bool:
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
    return False


class JSONObjectParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        parser_context = parser_context or {}
        encoding = parser_context.get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = stream.read().decode(encoding) if stream is not None else ""
        except UnicodeDecodeError as exc:
            raise ParseError(_("The body is not valid %(encoding)s text.") % {"encoding": encoding}) from exc
        if not text.strip():
            return {}
        too_deep = ParseError(_("JSON nested deeper than %(depth)s levels is not accepted.") % {"depth": MAX_DEPTH})
        try:
            data = json.loads(text, parse_constant=_refuse_constant)
        except RecursionError as exc:
            raise too_deep from exc
        except ValueError as exc:
            raise ParseError(_("The body is not valid JSON: %(error)s") % {"error": exc}) from exc
        if not isinstance(data, dict):
            raise ParseError(_("Send a JSON object ({…}) with the fields of this request."))
        if _depth_exceeds(data, MAX_DEPTH):
            raise too_deep
        return data


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not a number")
