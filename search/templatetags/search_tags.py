from django import template

from pipeline.transitions import stage_label
from search import novelty

register = template.Library()
register.filter("stage_label", stage_label)


@register.filter
def is_new_thinking(value) -> bool:
    return novelty.is_new_thinking(value)


@register.filter
def percent(value) -> str:
    """0.92 -> "92%"."""
    try:
        return f"{round(float(value) * 100)}%"
    except (TypeError, ValueError):
        return ""
