"""The demo home page and a content page."""

from django.apps import apps
from django.conf import settings as django_settings
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import Locale, Page, Site

from .demo_translations import LEGAL_PAGES, SPANISH_PAGES
from .models import HomePage, SiteSettings, StandardPage

HOME_BODY = [
    {
        "type": "paragraph",
        "value": "<p>Greenlight is how Riverside asks its residents and staff for ideas the city has never "
        "thought of — and then tests the best of them in real streets, parks and services.</p>",
    },
    {
        "type": "steps",
        "value": {
            "heading": "How it works",
            "steps": [
                {"title": "A challenge opens", "text": "City leadership asks an open question and sets the dates."},
                {
                    "title": "You share ideas",
                    "text": "Anyone can read; signed-in residents and staff submit and discuss.",
                },
                {"title": "The city votes", "text": "Support the ideas you believe in, or compare them two at a time."},
                {
                    "title": "Review and pilot",
                    "text": "Experts score the shortlist; the winners become pilots you can follow.",
                },
            ],
        },
    },
    {
        "type": "quote",
        "value": {"text": "Give us something we have never thought about.", "attribution": "The Mayor's Office"},
    },
]


def load(*, stdout) -> None:
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        # Wagtail's own "Welcome" placeholder page goes; the programme's home page takes its place.
        for placeholder in root.get_children().filter(slug="home"):
            if placeholder.specific_class is Page and not placeholder.get_children().exists():
                placeholder.delete()
        home = HomePage(
            title="Ideas that move our city",
            slug="home",
            intro="Share ideas, support the ones you believe in, and follow the pilots that come out of them.",
            body=HOME_BODY,
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        if site:
            site.root_page = home
            site.site_name = "Greenlight"
            site.save()
        else:
            Site.objects.create(
                hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Greenlight"
            )
    if not StandardPage.objects.filter(slug="about").exists():
        about = StandardPage(
            title="About Greenlight",
            slug="about",
            intro="Why Riverside asks its people for ideas, and what happens to them.",
            body=[
                {
                    "type": "paragraph",
                    "value": "<p>Every idea gets an answer. Each one shows a public timeline of what happened to it, "
                    "from the day it was shared to the pilot that tested it.</p>",
                }
            ],
            show_in_menus=True,
        )
        home.add_child(instance=about)
        about.save_revision().publish()
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    if not settings.contact_email:
        settings.city_name = "Riverside"
        settings.contact_email = "innovation@riverside.example"
        settings.footer_text = "Greenlight — Riverside's open innovation programme."
        settings.save()
    _legal_pages(home, settings)
    stdout.write("  pages: home page, About, privacy policy, terms of use, accessibility statement")


def _legal_pages(home, settings) -> None:
    """The privacy policy, terms of use and accessibility statement, linked from the footer."""
    changed = []
    for slug, content in LEGAL_PAGES.items():
        page = StandardPage.objects.filter(slug=slug, locale__language_code=django_settings.LANGUAGE_CODE).first()
        if page is None:
            page = StandardPage(slug=slug, **content["en"])
            home.add_child(instance=page)
            page.save_revision().publish()
        if getattr(settings, f"{content['setting']}_id") is None:
            setattr(settings, content["setting"], page)
            changed.append(content["setting"])
    if changed:
        settings.save(update_fields=changed)


def finish(*, stdout) -> None:
    """After every app's demo: the Spanish translations of the home page, one challenge, one
    pilot and the legal pages."""
    spanish, _created = Locale.objects.get_or_create(language_code="es")
    pages = [(apps.get_model(label), slug, text) for (label, slug), text in SPANISH_PAGES]
    pages += [(StandardPage, slug, content["es"]) for slug, content in LEGAL_PAGES.items()]
    made = 0
    for model, slug, text in pages:
        source = model.objects.filter(locale__language_code=django_settings.LANGUAGE_CODE)
        source = (source.filter(slug=slug) if slug else source).first()
        if source is None:
            continue
        translated = source.get_translation_or_none(spanish)
        if translated is not None and translated.live and not translated.alias_of_id:
            made += _complete(translated.specific, source.specific, text)
            continue
        # A parent copied along with a translated child is an alias, still to be written.
        translated = (translated or source.copy_for_translation(spanish, copy_parents=True)).specific
        if translated.alias_of_id:
            ConvertAliasPageAction(translated).execute(skip_permission_checks=True)
        for name, value in text.items():
            setattr(translated, name, value)
        translated.save()
        translated.save_revision().publish()
        made += 1
    stdout.write(f"  translations: Spanish pages added: {made}")


def _complete(translated, source, text: dict) -> int:
    """Text a later demo added to a translation made earlier, where the translation still
    holds the copied English (an editor's own words are kept). Returns 1 if it changed."""
    missing = {name: value for name, value in text.items() if getattr(translated, name) == getattr(source, name)}
    if not missing:
        return 0
    for name, value in missing.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return 1
