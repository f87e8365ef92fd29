from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntegrationsConfig(AppConfig):
    name = "integrations"
    verbose_name = _("Integrations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from ideas.extensions import Panel, register_panel

        from . import consumer, schema  # noqa: F401 - the schema extension registers itself

        consumer.register()

        from . import privacy

        privacy.register()
        register_panel(
            Panel(place="challenge_header", template="integrations/panels/challenge_calendar.html", order=90)
        )
