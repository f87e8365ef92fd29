from django import template

from ideas.models import IdeaStage
from search import novelty

register = template.Library()
_STAGES = dict(IdeaStage.choices)


@register.filter
def stage_label(value: str) -> str:
    return str(_STAGES.get(value, value))


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
