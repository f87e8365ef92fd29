"""Lists that cost the same at 100 ideas and at 100,000: how many there are, without counting
every one of them on every request.

A list's total is counted exactly up to ``EXACT_UP_TO`` rows (a ``LIMIT`` inside the count,
so the database stops early). Beyond that, the exact total is counted once and kept in the
cache for ``LARGE_TOTAL_SECONDS``, keyed by the list's SQL (filters and viewer included), so
a large challenge shows "Page 3 of 8,334" from a figure at most a few minutes old while every
small list stays exact at once. Without the cache (an outage), large totals are counted on
each request: slower, still right.

Two paginators use it: :class:`OnePageQueryPaginator`, for the challenge page
(:func:`ideas.selectors.idea_page`), reads the page's rows and the total in one query;
:class:`CountedPaginator`, the API's default pagination for every list, counts in a query of
its own."""

import hashlib

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models.expressions import RawSQL
from django.utils.functional import cached_property
from rest_framework.pagination import PageNumberPagination

from .converters import whole_number

EXACT_UP_TO = 1000
LARGE_TOTAL_SECONDS = 300
# Far beyond any real list, and small enough that the offset stays a valid bigint.
MAX_PAGE = 1_000_000


def capped_count(queryset) -> RawSQL:
    """An expression for ``min(count, EXACT_UP_TO + 1)`` of ``queryset``'s rows, computed once
    per query (an uncorrelated subquery), to annotate the page's own query with."""
    sql, params = queryset.order_by().values("pk")[: EXACT_UP_TO + 1].query.sql_with_params()
    return RawSQL(f"SELECT COUNT(*) FROM ({sql}) AS capped", params)  # noqa: S608, S611 (SQL compiled by Django, values as parameters)


def _cache_key(queryset) -> str:
    sql, params = queryset.order_by().values("pk").query.sql_with_params()
    digest = hashlib.sha256(repr((sql, params)).encode()).hexdigest()
    return f"list-total:{digest}"


def large_total(queryset) -> int:
    """The exact total of a list known to be longer than ``EXACT_UP_TO``, from the cache when
    it was counted in the last ``LARGE_TOTAL_SECONDS``."""
    key = _cache_key(queryset)
    total = cache.get(key)
    if total is None:
        total = queryset.order_by().count()
        cache.set(key, total, LARGE_TOTAL_SECONDS)
    return total


def list_total(queryset, capped: int | None = None) -> int:
    """How many rows ``queryset`` has: exact up to ``EXACT_UP_TO`` (from ``capped``, the value
    of :func:`capped_count`, when the page's query already computed it), cached beyond."""
    if capped is None:
        capped = queryset.order_by()[: EXACT_UP_TO + 1].count()
    return capped if capped <= EXACT_UP_TO else large_total(queryset)


class CountedPaginator(Paginator):
    """Django's paginator with :func:`list_total` as its count."""

    @cached_property
    def count(self) -> int:
        if hasattr(self.object_list, "query"):
            return list_total(self.object_list)
        return len(self.object_list)


class OnePageQueryPaginator(Paginator):
    """A paginator whose page costs one query: the rows of the asked page each carry the
    list's total, capped (:func:`capped_count` as ``capped_total``), so the count needs no query
    of its own (nor a second one when the list has more than ``EXACT_UP_TO`` rows and its
    total was cached).

    Django's ``Paginator.get_page`` counts first, then slices; this one slices first and takes
    the count from the rows, so ask for a page with ``get_page`` (``page`` would count the
    usual way). Like Django's it never refuses a number: one that is not a whole number, or
    past the last page, shows the first page (Django's shows the last)."""

    def __init__(self, object_list, per_page):
        self.uncounted = object_list
        super().__init__(object_list.annotate(capped_total=capped_count(object_list)), per_page)

    def get_page(self, number) -> Page:
        number = max(whole_number(number, maximum=MAX_PAGE) or 1, 1)
        rows = list(self.object_list[(number - 1) * self.per_page : number * self.per_page])
        if not rows and number > 1:
            number = 1
            rows = list(self.object_list[: self.per_page])
        # ``count`` is a cached property: the rows' total is set before anything reads it.
        self.count = list_total(self.uncounted, capped=rows[0].capped_total) if rows else 0
        return self._get_page(rows, number if rows else 1, self)


class CountedPageNumberPagination(PageNumberPagination):
    """The API's page-number pagination (``count``, ``next``, ``previous``, ``results``) with
    totals from :func:`list_total`."""

    django_paginator_class = CountedPaginator
