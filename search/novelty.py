"""Novelty: how different an idea is from everything the city has seen before it.

``novelty = 1 - greatest similarity`` to every earlier public idea and every earlier pilot,
where similarity is the database backend's score (term overlap plus trigram similarity of
title and summary, 0–1). The first idea about a topic scores near 1; the fourth idea about
the same bike lane scores near 0. Ideas at or above ``NOVELTY_THRESHOLD`` carry the
"new thinking" badge.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .backends.database import DatabaseBackend
from .models import IndexedIdea

EXPLANATION = _(
    "Novelty compares this idea with every idea and pilot the city had before it. "
    "100% means nothing like it existed; 0% means it repeats an earlier one."
)

# Other sources of earlier thinking (pilots...): callables (text, before) -> greatest
# similarity 0–1, registered by ``search.integrations``.
earlier_sources: list[Callable[[str, datetime], float]] = []


def threshold() -> float:
    return float(settings.GREENLIGHT_SEARCH.get("NOVELTY_THRESHOLD", 0.85))


def is_new_thinking(novelty: float | None) -> bool:
    return novelty is not None and novelty >= threshold()


def novelty_of(entry: IndexedIdea) -> float:
    text = f"{entry.title} {entry.summary}"
    greatest = DatabaseBackend().greatest_similarity(text, before=(entry.published_at, entry.pk))
    for source in earlier_sources:
        greatest = max(greatest, source(text, entry.published_at))
    return round(max(0.0, 1.0 - greatest), 4)
