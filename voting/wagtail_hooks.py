"""Voting in the Wagtail admin: a "Voting" menu for leadership with each challenge's
rankings and district totals, and "Resident codes" to issue the codes residents verify with."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from ideas import converters  # noqa: F401 (registers <id:...>)
from innovation.menus import PermissionMenuItem


@hooks.register("register_admin_urls")
def register_admin_urls():
    from . import admin_views

    urls = [
        path("", admin_views.VotingIndexView.as_view(), name="index"),
        path("<id:pk>/", admin_views.VotingChallengeView.as_view(), name="challenge"),
        path("resident-codes/", admin_views.ResidentCodesView.as_view(), name="resident_codes"),
    ]
    return [path("voting/", include((urls, "voting_admin")))]


@hooks.register("register_admin_menu_item")
def register_voting_menu_item():
    return PermissionMenuItem(
        _("Voting"),
        reverse("voting_admin:index"),
        name="voting",
        icon_name="pick",
        order=260,
        permission="voting.view_district_totals",
    )


@hooks.register("register_admin_menu_item")
def register_resident_codes_menu_item():
    return PermissionMenuItem(
        _("Resident codes"),
        reverse("voting_admin:resident_codes"),
        name="resident-codes",
        icon_name="key",
        order=261,
        permission="voting.import_resident_codes",
    )


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("voting.resident_verified", _("Resident verified"), _("Verified as a resident with a code"))
    actions.register_action(
        "voting.resident_codes_import", _("Resident codes issued"), _("Resident codes were imported from a file")
    )
