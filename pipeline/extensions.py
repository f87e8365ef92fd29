"""Extension points through which higher apps add figures to the pipeline board without
``pipeline`` importing them (see ARCHITECTURE.md: the arrows point down).

:func:`register_board_metric` adds a figure to every card of the board, and a sort order
for its columns: ``values_for(ideas) -> {idea.pk: number or None}`` is called once per
board with every idea shown, so the board stays at a constant number of queries. Ideas
without a value (``None`` or missing) show "—" and sort last.

    register_board_metric("novelty", _("Novelty"), novelty_for_ideas)
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class BoardMetric:
    key: str
    label: str | Promise
    values_for: Callable
    order: int = 100
    # How to show a value on a card: "number" (one decimal), "integer" or "percent" (0–1).
    display: str = "number"


_metrics: dict[str, BoardMetric] = {}


def register_board_metric(key: str, label, values_for: Callable, *, order: int = 100, display: str = "number"):
    metric = BoardMetric(key=key, label=label, values_for=values_for, order=order, display=display)
    _metrics[key] = metric
    return metric


def board_metrics() -> list[BoardMetric]:
    return sorted(_metrics.values(), key=lambda metric: metric.order)
