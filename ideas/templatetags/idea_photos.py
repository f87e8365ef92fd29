"""``{% idea_photo idea "list" class="…" %}``: the idea's photo as an ``<img>``, at its plain
rendition address when the idea is public and through the permission-checked photo view
otherwise (see ``ideas.private_photos``)."""

from django import template
from django.utils.html import format_html

from ideas.private_photos import photo_for

register = template.Library()


@register.simple_tag
def idea_photo(idea, size: str, css_class: str = "") -> str:
    photo = photo_for(idea, size)
    if photo is None:
        return ""
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="{}"{}>',
        photo["url"],
        photo["width"],
        photo["height"],
        photo["alt"],
        format_html(' class="{}"', css_class) if css_class else "",
    )
