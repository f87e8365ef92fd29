"""The admin listings leadership exports from (ideas, comments, evaluations, pilots): Wagtail's
own listing views with filters, ``list_export`` and its "Download CSV / XLSX" buttons; the
download itself goes through :func:`insights.services.export_listing`, so it is audited, and
built in the background when it is large. Nothing here can add, edit or delete a row."""

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies.base import BasePermissionPolicy

from innovation.menus import PermissionMenuItem

from . import services, views
from .exports import COMMENTS, EVALUATIONS, IDEAS, PILOTS, ExportSpec


class ReadOnlyLeadershipPolicy(BasePermissionPolicy):
    """Leadership may view (and so export) these listings; nobody may change rows here."""

    def user_has_permission(self, user, action):
        return action == "view" and user.has_perm("insights.export")

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


class RuleMenuItem(PermissionMenuItem):
    permission = "insights.export"


class DashboardMenuItem(RuleMenuItem):
    permission = "insights.view_dashboard"


class ExportIndexView(IndexView):
    spec: ExportSpec = None
    paginate_by = 50

    @cached_property
    def permission_policy(self):
        return ReadOnlyLeadershipPolicy(self.model)

    @cached_property
    def is_searchable(self):
        return False

    @cached_property
    def list_export(self):
        return [column.key for column in self.spec.headings(personal=False)]

    @cached_property
    def export_headings(self):
        return {column.key: column.heading for column in self.spec.columns}

    def get_filename(self):
        return f"greenlight-{self.spec.kind}"

    def get_base_queryset(self):
        return self.spec.base()

    def _parameters(self) -> dict:
        return {k: v for k, v in self.request.GET.items() if k not in ("export", "emails", "p")}

    def as_spreadsheet(self, queryset, spreadsheet_format):
        personal = self.request.GET.get("emails") == "1"
        export, content = services.export_listing(
            requester=self.request.user,
            kind=self.spec.kind,
            file_format=spreadsheet_format,
            parameters=self._parameters(),
            personal=personal,
        )
        return views.after_export(self.request, export=export, content=content)

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons.copy()
        has_personal = any(column.personal for column in self.spec.columns)
        if has_personal and self.request.user.has_perm("insights.export_personal_data"):
            buttons.append(
                Button(
                    _("Download XLSX with email addresses"),
                    url=self.get_export_url("xlsx") + "&emails=1",
                    icon_name="warning",
                    priority=110,
                )
            )
        return buttons


class ExportListingViewSet(ViewSet):
    """One listing: ``spec`` says what it exports (and so its name, address, model and menu
    label), ``list_display`` what it shows."""

    spec: ExportSpec = None
    model = None
    list_display: list = []
    menu_item_class = RuleMenuItem

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.name = f"insights_{cls.spec.kind}"
        cls.url_prefix = f"insights/{cls.spec.kind}"
        cls.model = cls.spec.base().model
        cls.menu_label = cls.spec.label

    def get_urlpatterns(self):
        attrs = {
            "model": self.model,
            "spec": self.spec,
            "list_display": self.list_display,
            "filterset_class": self.spec.filterset_class,
            "index_url_name": self.get_url_name("index"),
            "index_results_url_name": self.get_url_name("index_results"),
            "page_title": self.menu_label,
            "header_icon": self.icon,
        }
        view_class = type(f"{self.model.__name__}ExportIndexView", (ExportIndexView,), attrs)
        return [
            path("", view_class.as_view(), name="index"),
            path("results/", view_class.as_view(results_only=True), name="index_results"),
        ]


class IdeaListing(ExportListingViewSet):
    spec = IDEAS
    icon = "doc-full"
    list_display = ["title", "challenge", "stage", "district", "support_count", "comment_count", "submitted_at"]


class CommentListing(ExportListingViewSet):
    spec = COMMENTS
    icon = "comment"
    list_display = ["excerpt", "idea", "is_official", "is_hidden", "created_at"]


class EvaluationListing(ExportListingViewSet):
    spec = EVALUATIONS
    icon = "tasks"
    list_display = ["idea", "evaluator", "submitted_at"]


class PilotListing(ExportListingViewSet):
    spec = PILOTS
    icon = "rocket"
    list_display = ["title", "status", "department", "budget_planned", "budget_spent", "starts_on", "ends_on"]


class DashboardViewSet(ViewSet):
    """The dashboard, challenge reports, chart data, the supports export and export status."""

    name = "insights"
    icon = "view"
    menu_label = gettext_lazy("Dashboard")
    menu_item_class = DashboardMenuItem

    def get_urlpatterns(self):
        return [
            path("", views.DashboardView.as_view(), name="index"),
            path("challenges/<int:pk>/", views.ChallengeReportView.as_view(), name="challenge"),
            path("data/<str:key>.<str:file_format>", views.ChartDataView.as_view(), name="chart_data"),
            path("supports/", views.SupportsExportView.as_view(), name="supports"),
            path("exports/<int:pk>/", views.ExportStatusView.as_view(), name="export_status"),
            path("exports/<int:pk>/download/", views.ExportDownloadView.as_view(), name="export_download"),
        ]

    @cached_property
    def menu_url(self):
        return reverse("insights:index")


class SupportsMenuViewSet(ViewSet):
    """A menu entry for the supports export, whose page the dashboard's viewset serves."""

    name = "insights_supports"
    icon = "pick"
    menu_label = gettext_lazy("Supports by district")
    menu_item_class = RuleMenuItem

    @cached_property
    def menu_url(self):
        return reverse("insights:supports")


class InsightsGroup(ViewSetGroup):
    menu_label = gettext_lazy("Insights")
    menu_icon = "view"
    menu_name = "insights"
    menu_order = 240
    items = (DashboardViewSet, IdeaListing, CommentListing, SupportsMenuViewSet, EvaluationListing, PilotListing)

    def get_menu_item(self, order=None):
        item = super().get_menu_item(order)
        item.is_shown = lambda request: request.user.has_perm("insights.view_dashboard")
        return item
