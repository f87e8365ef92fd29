"""``{% idea_panels "place" obj %}``: every panel registered for a place on idea pages, and
``{% prepare_idea_panels "place" objects %}`` to compute their context for a whole list at once."""

from django import template
from django.utils.safestring import mark_safe

from ideas.panels import contexts_for, prepare_panels

register = template.Library()


@register.simple_tag(takes_context=True)
def prepare_idea_panels(context, place: str, objects) -> str:
    prepare_panels(context.get("request"), place, objects)
    return ""


@register.simple_tag(takes_context=True)
def idea_panels(context, place: str, obj) -> str:
    if obj is None:
        return ""
    engine = context.template.engine
    parts = []
    for panel, values in contexts_for(context.get("request"), place, obj):
        fragment = engine.get_template(panel.template)
        with context.push(object=obj, place=place, **values):
            parts.append(fragment.render(context))
    return mark_safe("".join(parts))
