from wagtail.models import Site


def navigation(request):
    """The pages shown in the main navigation: the home page's children marked "show in menus"."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return {"nav_pages": []}
    return {"nav_pages": site.root_page.get_children().live().in_menu().only("title", "url_path")}
