"""Lists of pages in the visitor's language, for templates whose view lives in an app that
does not import ``home`` (the challenge and pilot indexes, search)."""

from django import template

from home.translation import show_all_translated

register = template.Library()


@register.filter
def in_visitor_language(pages):
    """The pages, titled and written in the visitor's language where a translation is published."""
    return show_all_translated(list(pages))
