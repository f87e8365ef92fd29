"""What search takes from the pipeline: its stage moves and merges reindex ideas, earlier
pilots count for novelty, and novelty appears on the pipeline board as a card figure."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from pipeline import signals as pipeline_signals
from pipeline.extensions import register_board_metric

from . import novelty
from .handlers import reindex_after_commit


def _stage_changed(sender, idea=None, **kwargs):
    if idea is not None:
        reindex_after_commit([idea.pk])


def _merged(sender, source=None, target=None, **kwargs):
    reindex_after_commit([idea.pk for idea in (source, target) if idea is not None])


def pilot_texts() -> list:
    """(first published, title and summary) of every live pilot: earlier thinking for novelty."""
    from pipeline.models import PilotPage

    from .services import gist

    # Translations (other locales) are not pilots of their own.
    pilots = PilotPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE)
    pilots = pilots.exclude(first_published_at=None)
    rows = pilots.values_list("first_published_at", "title", "summary")
    return [(when, gist(title, summary)) for when, title, summary in rows]


def novelty_for_ideas(ideas) -> dict:
    """Each idea's novelty (0–1) for the board, in one query."""
    from .selectors import novelty_by_idea

    return novelty_by_idea(idea.pk for idea in ideas)


def connect() -> None:
    pipeline_signals.stage_changed.connect(_stage_changed, dispatch_uid="search-reindex-stage")
    pipeline_signals.idea_merged.connect(_merged, dispatch_uid="search-reindex-merge")
    if pilot_texts not in novelty.earlier_sources:
        novelty.earlier_sources.append(pilot_texts)
    register_board_metric("novelty", _("Novelty"), novelty_for_ideas, order=40, display="percent")
