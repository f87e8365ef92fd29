from wagtail.models import Site

from .translation import default_language_active, translation_of


def navigation(request):
    """The pages shown in the main navigation: the home page's children marked "show in menus"
    (titled in the visitor's language where a translation is published)."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return {"nav_pages": []}
    pages = site.root_page.get_children().live().in_menu().only("title", "url_path", "locale_id", "translation_key")
    if default_language_active():
        return {"nav_pages": pages}
    shown = []
    for page in pages:
        other = translation_of(page)
        if other is not None:
            page.title = other.title
        shown.append(page)
    return {"nav_pages": shown}
