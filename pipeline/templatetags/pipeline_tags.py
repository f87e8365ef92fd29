from django import template
from django.conf import settings
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


# Symbols written before the amount; any other ISO 4217 code is written after it ("1,200 SEK").
CURRENCY_SYMBOLS = {"USD": "$", "CAD": "CA$", "AUD": "A$", "NZD": "NZ$", "EUR": "€", "GBP": "£", "JPY": "¥"}


@register.filter
def money(amount) -> str:
    """A budget in the city's currency (``GREENLIGHT_CURRENCY``), whole units with grouping."""
    if amount is None or amount == "":
        return ""
    number = number_format(round(amount), decimal_pos=0, force_grouping=True)
    code = settings.GREENLIGHT_CURRENCY
    symbol = CURRENCY_SYMBOLS.get(code)
    return f"{symbol}{number}" if symbol else f"{number} {code}"
