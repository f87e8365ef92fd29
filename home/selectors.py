"""What the home page shows. The apps above register what they feature (ideas: challenges
people can act on; pipeline: pilots) from their ``AppConfig.ready()``, so ``home`` imports
neither."""

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
