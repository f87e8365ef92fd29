"""Voting in the Wagtail admin: a "Voting" menu for leadership with each challenge's
rankings and district totals."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from ideas import converters  # noqa: F401 (registers <id:...>)


@hooks.register("register_admin_urls")
def register_admin_urls():
    from . import admin_views

    urls = [
        path("", admin_views.VotingIndexView.as_view(), name="index"),
        path("<id:pk>/", admin_views.VotingChallengeView.as_view(), name="challenge"),
    ]
    return [path("voting/", include((urls, "voting_admin")))]


class VotingMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("voting.view_district_totals")


@hooks.register("register_admin_menu_item")
def register_voting_menu_item():
    return VotingMenuItem(_("Voting"), reverse("voting_admin:index"), name="voting", icon_name="pick", order=260)
