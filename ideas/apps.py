from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdeasConfig(AppConfig):
    name = "ideas"
    verbose_name = _("Challenges and ideas")

    def ready(self):
        from . import rules  # noqa: F401
        from .sorts import register_builtin_sorts

        register_builtin_sorts()

        from . import privacy

        privacy.register()
