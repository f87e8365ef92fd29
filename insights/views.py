"""Insights in the Wagtail admin: the programme dashboard, one challenge's report, each
chart's data as a download, the supports export, and the page that follows a large export
until its file is ready. Views check a rule, call a selector or a service, and answer."""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ideas.models import ChallengePage

from . import dashboard, selectors, services
from .exports import SPECS, Column, SupportExportFilterSet
from .models import Export, ExportStatus
from .periods import PeriodForm


class InsightsTemplateMixin(WagtailAdminTemplateMixin):
    header_icon = "view"

    def get_breadcrumbs_items(self):
        items = self.breadcrumbs_items + [{"url": reverse("insights:index"), "label": _("Insights")}]
        if self.get_page_title() != _("Insights"):
            items.append({"url": "", "label": self.get_header_title()})
        return items


def _period_form(request) -> PeriodForm:
    return PeriodForm(request.GET or None)


def export_response(*, content: bytes, export: Export) -> HttpResponse:
    response = HttpResponse(content, content_type=services.CONTENT_TYPES[export.file_format])
    response["Content-Disposition"] = f'attachment; filename="{services.filename_for(export)}"'
    return response


def after_export(request, *, export: Export, content: bytes | None) -> HttpResponse:
    """The file, or (for a large export) the page that follows it being built."""
    if content is not None:
        return export_response(content=content, export=export)
    messages.info(request, _("This export is large; it is being prepared. The link appears here when it is ready."))
    return redirect("insights:export_status", pk=export.pk)


class DashboardView(PermissionRequiredMixin, InsightsTemplateMixin, TemplateView):
    """The programme at a glance for a period: activity, pipeline, equity, pilots."""

    permission_required = "insights.view_dashboard"
    raise_exception = True
    template_name = "insights/dashboard.html"
    page_title = gettext_lazy("Insights")

    def get_challenge(self):
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = _period_form(self.request)
        period = form.period()
        challenge = self.get_challenge()
        report = dashboard.build(period=period, challenge=challenge)
        query = period.query()
        if challenge:
            query["challenge"] = challenge.pk
        context.update(
            form=form,
            report=report,
            charts=[report.charts[key] for key in dashboard.CHART_KEYS if key in report.charts],
            data_query=urlencode(query),
            period_query=urlencode(period.query()),
            challenges=ChallengePage.objects.order_by("-ideas_open").values_list("pk", "title"),
            exports=[(spec.kind, spec.label) for spec in SPECS.values()],
        )
        return context


class ChallengeReportView(DashboardView):
    """The same figures for one challenge, and its rankings side by side."""

    template_name = "insights/challenge.html"

    def dispatch(self, request, *args, **kwargs):
        self.challenge = get_object_or_404(ChallengePage, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_challenge(self):
        return self.challenge

    def get_page_title(self):
        return _("Challenge report")

    def get_page_subtitle(self):
        return self.challenge.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["challenge"] = self.challenge
        context["rankings"] = selectors.rankings(challenge=self.challenge)
        return context


class ChartDataView(PermissionRequiredMixin, View):
    """One chart's figures as CSV or XLSX ("download data"), in the audit log like any export."""

    permission_required = "insights.view_dashboard"
    raise_exception = True

    def get(self, request, key: str, file_format: str):
        if key not in dashboard.CHART_KEYS or file_format not in services.FORMATS:
            raise Http404
        challenge = None
        if request.GET.get("challenge"):
            try:
                challenge = get_object_or_404(ChallengePage, pk=int(request.GET["challenge"]))
            except ValueError as error:
                raise Http404 from error
        period = _period_form(request).period()
        report = dashboard.build(period=period, challenge=challenge)
        chart = report.charts.get(key)
        if chart is None:
            raise Http404
        headings, _rows = chart.table()
        columns = [Column(str(number), heading) for number, heading in enumerate(headings)]
        rows = [dict(zip((c.key for c in columns), row, strict=True)) for row in chart.raw_rows()]
        parameters = {**period.query(), **({"challenge": challenge.pk} if challenge else {})}
        export, content = services.export_record(
            requester=request.user,
            kind=f"chart-{key}",
            file_format=file_format,
            columns=columns,
            rows=rows,
            parameters=parameters,
        )
        return export_response(content=content, export=export)


class SupportsExportView(PermissionRequiredMixin, InsightsTemplateMixin, TemplateView):
    """Supports as counts per idea and supporters' district (never who supported what)."""

    permission_required = "insights.export"
    raise_exception = True
    template_name = "insights/supports_export.html"
    page_title = gettext_lazy("Supports per idea and district")

    def get(self, request, *args, **kwargs):
        filters = SupportExportFilterSet(request.GET or None, queryset=SPECS["supports"].base())
        file_format = request.GET.get("export")
        if file_format:
            if file_format not in services.FORMATS or (request.GET and not filters.is_valid()):
                return HttpResponse(_("Choose CSV or XLSX and a valid challenge."), status=400)
            parameters = {k: v for k, v in request.GET.items() if k != "export"}
            export, content = services.export_listing(
                requester=request.user, kind="supports", file_format=file_format, parameters=parameters
            )
            return after_export(request, export=export, content=content)
        return self.render_to_response(self.get_context_data(filters=filters))


class ExportStatusView(PermissionRequiredMixin, InsightsTemplateMixin, TemplateView):
    """How far a large export is, and its download link once ready (the requester only)."""

    permission_required = "insights.download_export"
    raise_exception = True
    template_name = "insights/export_status.html"
    page_title = gettext_lazy("Export")

    def get_permission_object(self):
        return self.export

    def dispatch(self, request, *args, **kwargs):
        self.export = get_object_or_404(Export, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "json":
            export = self.export
            return JsonResponse(
                {
                    "status": export.status,
                    "status_label": export.get_status_display(),
                    "progress": export.progress,
                    "rows_done": export.rows_done,
                    "rows_total": export.rows_total,
                    "ready": export.status == ExportStatus.DONE and bool(export.file) and not export.is_expired(),
                    "download_url": reverse("insights:export_download", args=[export.pk]),
                }
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["export"] = self.export
        context["label"] = SPECS[self.export.kind].label if self.export.kind in SPECS else self.export.kind
        return context


class ExportDownloadView(PermissionRequiredMixin, View):
    permission_required = "insights.download_export"
    raise_exception = True

    def get_permission_object(self):
        return self.export

    def dispatch(self, request, *args, **kwargs):
        self.export = get_object_or_404(Export, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, pk: int):
        export = self.export
        if export.status != ExportStatus.DONE or not export.file:
            raise Http404
        if export.is_expired():
            return HttpResponse(_("This download link has expired. Export the list again."), status=410)
        return FileResponse(
            export.file.open("rb"),
            as_attachment=True,
            filename=services.filename_for(export),
            content_type=services.CONTENT_TYPES[export.file_format],
        )
