from django import template

from ideas.transitions import stage_label as _stage_label
from search import novelty

register = template.Library()


@register.filter
def stage_label(value: str) -> str:
    return _stage_label(value)


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
