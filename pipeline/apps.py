from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PipelineConfig(AppConfig):
    name = "pipeline"
    verbose_name = _("Pipeline and pilots")

    def ready(self):
        # The board's own card figures, the idea page's public timeline, and the listeners that
        # record moderation's moves and pilots' effects on their ideas.
        from home.selectors import register_featured

        from . import metrics, panels, receivers  # noqa: F401
        from .selectors import featured_pilots_for_home

        register_featured(featured_pilots_for_home)
