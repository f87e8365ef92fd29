"""What the home page shows. Later apps register featured content providers here."""

from collections.abc import Callable

from wagtail.models import Page

_featured_providers: list[Callable] = []


def register_featured(provider: Callable) -> Callable:
    """Let an app add context to the home page (``provider(home=...) -> dict``)."""
    _featured_providers.append(provider)
    return provider


def home_featured(*, home) -> dict:
    from .translation import default_language_active, show_translated

    context: dict = {}
    for provider in _featured_providers:
        context.update(provider(home=home))
    if not default_language_active():
        # Featured challenges and pilots titled in the visitor's language where translated.
        for value in context.values():
            for item in value if isinstance(value, list | tuple) else ():
                if isinstance(item, Page):
                    show_translated(item)
    return context


@register_featured
def featured_challenges(*, home) -> dict:
    """Challenges people can act on now (share ideas or vote), then the next to open."""
    from ideas.selectors import featured_challenges as challenges

    return {"featured_challenges": challenges()}


@register_featured
def featured_pilots(*, home) -> dict:
    """Pilots residents can follow: running ones first."""
    from pipeline.selectors import featured_pilots as pilots

    return {"featured_pilots": pilots(limit=3)}
