from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import District


class DistrictViewSet(SnippetViewSet):
    model = District
    icon = "site"
    menu_label = _("Districts")
    add_to_admin_menu = True
    menu_order = 600
    list_display = ["name", "slug", "population"]
    search_fields = ["name"]


register_snippet(DistrictViewSet)


@hooks.register("register_log_actions")
def account_log_actions(actions):
    actions.register_action("greenlight.account.delete", _("Delete account"), _("An account was deleted"))
