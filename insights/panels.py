"""The summary panel on the admin home: the last four weeks in figures and one small chart,
with a link to the full dashboard (leadership only)."""

from wagtail.admin.ui.components import Component

from . import dashboard, selectors
from .periods import period_ending


class InsightsSummaryPanel(Component):
    name = "insights_summary"
    template_name = "insights/home_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        period = period_ending(span="4w")
        found = dashboard.figures(period=period)
        activity, people = found.activity, found.people
        context.update(
            period=period,
            chart=dashboard.activity_chart(activity, prefix="home-"),
            figures=[
                (dashboard.FIGURE_LABELS["ideas"], activity.total("ideas")),
                (dashboard.FIGURE_LABELS["supports"], activity.total("supports")),
                (dashboard.FIGURE_LABELS["comments"], activity.total("comments")),
                (dashboard.FIGURE_LABELS["participants"], selectors.suppress([people.total])[0]),
            ],
        )
        return context
