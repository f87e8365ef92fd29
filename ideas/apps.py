from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdeasConfig(AppConfig):
    name = "ideas"
    verbose_name = _("Challenges and ideas")

    def ready(self):
        from home.media import register_media_guard
        from home.selectors import register_featured

        from . import rules  # noqa: F401
        from .private_photos import media_guard
        from .selectors import featured_challenges_for_home as featured_challenges
        from .sorts import register_builtin_sorts

        register_builtin_sorts()
        register_media_guard(media_guard)
        register_featured(featured_challenges)

        from . import privacy

        privacy.register()
