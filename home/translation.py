"""Pages in the visitor's language.

Editors translate pages in the admin (Wagtail's locales and "Translate"). Every address keeps
pointing at the page in the default language — the one ideas, votes and pilots are attached
to — and, when the visitor's language has a published translation of it, the page is shown
with the translation's text. A page without a translation is shown as written.
"""

from django.conf import settings
from django.db import models
from django.utils import translation
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page

# Of Wagtail's own page fields, the ones people read.
PAGE_TEXT_FIELDS = ("title", "seo_title", "search_description")


def default_language_active() -> bool:
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0] == settings.LANGUAGE_CODE


def text_fields(model) -> list[str]:
    """The translatable text of a page type: Wagtail's title fields plus its own text,
    rich text and StreamField fields (not choices, dates, numbers or relations, nor the
    fields a page type lists in ``untranslated_fields``)."""
    base = {field.name for field in Page._meta.concrete_fields}
    kept = set(getattr(model, "untranslated_fields", ()))
    names = list(PAGE_TEXT_FIELDS)
    for field in model._meta.concrete_fields:
        if field.name in base or field.name in kept or field.choices:
            continue
        if isinstance(field, models.CharField | models.TextField | RichTextField | StreamField):
            names.append(field.name)
    return names


def translation_of(page):
    """The published translation of ``page`` in the active language, or None."""
    if default_language_active():
        return None
    try:
        locale = Locale.get_active()
    except (LookupError, Locale.DoesNotExist):
        return None
    if locale.pk == page.locale_id:
        return None
    other = page.get_translation_or_none(locale)
    if other is None or not other.live:
        return None
    return other.specific


def show_translated(page) -> bool:
    """Give ``page`` (an instance about to be shown, never saved) the text of its translation.
    Returns whether a translation was applied."""
    other = translation_of(page)
    if other is None:
        return False
    for name in text_fields(type(page)):
        value = getattr(other, name, None)
        if value not in (None, ""):
            setattr(page, name, value)
    page.shown_in_language = other.locale.language_code
    return True


def show_all_translated(pages) -> list:
    """``show_translated`` for a list of pages (challenge cards, pilot cards, search hits):
    one query per page type, however long the list. Returns the pages."""
    pages = [page for page in pages if page is not None]
    if not pages or default_language_active():
        return pages
    try:
        locale = Locale.get_active()
    except (LookupError, Locale.DoesNotExist):
        return pages
    by_model: dict = {}
    for page in pages:
        if page.locale_id != locale.pk:
            by_model.setdefault(type(page), []).append(page)
    for model, group in by_model.items():
        translations = model.objects.live().filter(
            locale=locale, translation_key__in={page.translation_key for page in group}
        )
        if model is Page:
            translations = translations.specific()
        found = {other.translation_key: other for other in translations}
        for page in group:
            other = found.get(page.translation_key)
            if other is None:
                continue
            for name in text_fields(type(page)):
                value = getattr(other, name, None)
                if value not in (None, ""):
                    setattr(page, name, value)
            page.shown_in_language = locale.language_code
    return pages


def canonical_page(page):
    """The page in the default language that ``page`` translates (``page`` itself otherwise)."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page
    return page.get_translation_or_none(default) or page
