from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        # The lower apps' signals become outbox rows in their transactions; the in-site
        # consumer turns each row into notifications (and emails, by people's choices).
        from . import fanout, receivers, rules  # noqa: F401
        from .outbox import register_consumer

        receivers.connect()
        register_consumer("notifications", fanout.notify)

        from . import privacy

        privacy.register()
