from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from django.db.models.signals import post_migrate

        from .sites import sync_site

        post_migrate.connect(sync_site, sender=self, dispatch_uid="accounts-sync-site")

        from .privacy import register_own_sections

        register_own_sections()

        from . import standing

        standing.connect()


class GreenlightUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin with Greenlight's fields, and without the "Administrator"
    switch: superusers are made on the command line, never by another admin user."""

    user_viewset = "accounts.admin_views.UserViewSet"
