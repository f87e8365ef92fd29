from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .avatars import initials_avatar_url
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


@hooks.register("get_avatar_url")
def initials_avatar(user, size):
    """Initials in the admin unless the city turned Gravatar on; an uploaded photo still wins."""
    if settings.GREENLIGHT_GRAVATAR:
        return None
    profile = getattr(user, "wagtail_userprofile", None)
    if profile is not None and profile.avatar:
        return None
    name = user.public_name if hasattr(user, "public_name") else str(user)
    return initials_avatar_url(name=str(name), key=str(user.pk), size=size)


@hooks.register("register_log_actions")
def account_log_actions(actions):
    actions.register_action("greenlight.account.delete", _("Delete account"), _("An account was deleted"))
