from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        from . import handlers, integrations, panels

        handlers.connect()
        integrations.connect()
        panels.register()
