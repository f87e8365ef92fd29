from wagtail import hooks

from .translation import show_translated


@hooks.register("before_serve_page")
def serve_in_visitor_language(page, request, serve_args, serve_kwargs):
    """Show the page's published translation in the visitor's language, if there is one."""
    show_translated(page)
