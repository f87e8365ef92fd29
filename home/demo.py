"""The demo home page and a content page."""

from django.utils.translation import gettext as _
from wagtail.models import Page, Site

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
            title=_("Ideas that move our city"),
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
    stdout.write("  pages: home page and About")
