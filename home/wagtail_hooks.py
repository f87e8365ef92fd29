from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from .translation import show_translated


@hooks.register("before_serve_page")
def serve_in_visitor_language(page, request, serve_args, serve_kwargs):
    """Show the page's published translation in the visitor's language, if there is one."""
    show_translated(page)


@hooks.register("insert_global_admin_css")
def admin_a11y_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin-a11y.css"))


@hooks.register("insert_global_admin_js")
def admin_a11y_js():
    """Accessible names for Wagtail widgets that lack them (tag fields, rich text in blocks)."""
    return format_html('<script src="{}" defer></script>', static("js/admin-a11y.js"))
