"""The pipeline in the Wagtail admin: the board, scorecards, merges and starting pilots."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("pipeline.merge", _("Merge"), _("Merged into another idea"))
    actions.register_action("pipeline.merge_into", _("Merge received"), _("Another idea was merged into this one"))
