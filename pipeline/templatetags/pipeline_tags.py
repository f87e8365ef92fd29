from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def metric_value(metric: dict) -> str:
    """A board card's figure as leadership reads it; "—" when there is none."""
    value = metric["value"]
    if value is None:
        return "—"
    if metric["display"] == "integer":
        return number_format(int(value), force_grouping=True)
    if metric["display"] == "percent":
        return f"{round(100 * value)}%"
    return number_format(value, decimal_pos=1)


@register.filter
def minimum(values):
    return min(values)


@register.filter
def maximum(values):
    return max(values)
