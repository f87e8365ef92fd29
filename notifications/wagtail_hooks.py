"""Notifications in the Wagtail admin: the outbox's parked deliveries and announcements."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from innovation.menus import PermissionMenuItem


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "notifications.announcement", _("Announcement"), _("Announcement sent to the challenge's followers")
    )
    actions.register_action("notifications.delivery_retry", _("Delivery retried"), _("Parked delivery tried again"))


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("notifications/", include("notifications.admin_urls", namespace="notifications_admin"))]


@hooks.register("register_settings_menu_item")
def register_outbox_menu_item():
    return PermissionMenuItem(
        _("Outbox"),
        reverse("notifications_admin:outbox"),
        name="outbox",
        icon_name="mail",
        order=900,
        permission="notifications.retry_delivery",
    )


@hooks.register("register_admin_menu_item")
def register_announcement_menu_item():
    return PermissionMenuItem(
        _("Announce"),
        reverse("notifications_admin:announce"),
        name="announce",
        icon_name="mail",
        order=260,
        permission="notifications.send_announcement",
    )
