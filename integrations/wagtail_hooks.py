"""Integrations in the Wagtail admin: webhook endpoints with their deliveries, and service
tokens for system accounts (leadership)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from innovation.menus import PermissionMenuItem


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("integrations.token_create", _("API token created"), _("API token created"))
    actions.register_action("integrations.token_revoke", _("API token revoked"), _("API token revoked"))
    actions.register_action(
        "integrations.token_write", _("Change made with an API token"), _("Change made with an API token")
    )
    actions.register_action(
        "integrations.system_account_create", _("System account created"), _("System account created")
    )
    actions.register_action("integrations.webhook_redeliver", _("Webhook redelivered"), _("Webhook redelivered"))


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("integrations/", include("integrations.admin_urls", namespace="integrations_admin"))]


@hooks.register("register_admin_menu_item")
def register_integrations_menu_item():
    return PermissionMenuItem(
        _("Integrations"),
        reverse("integrations_admin:index"),
        name="integrations",
        icon_name="link",
        order=900,
        permission="integrations.manage_webhooks",
    )
