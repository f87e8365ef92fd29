"""Insights in the Wagtail admin: the "Insights" menu (dashboard, listings to export), the
summary panel on the admin home, and the audit-log action every export writes."""

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .listings import InsightsGroup
from .panels import InsightsSummaryPanel


@hooks.register("register_admin_viewset")
def register_insights():
    return InsightsGroup()


@hooks.register("construct_homepage_panels")
def add_summary_panel(request, panels):
    if request.user.has_perm("insights.view_dashboard"):
        panels.append(InsightsSummaryPanel())


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("insights.export", _("Export"), _("Exported data"))


@hooks.register("insert_global_admin_css")
def insights_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/insights-admin.css"))
