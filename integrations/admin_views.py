"""Integrations in the admin (leadership): webhook endpoints with every delivery and attempt
and a "redeliver" button; system accounts and their service tokens."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView
from rules.contrib.views import PermissionRequiredMixin
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from innovation.errors import show_error

from . import services
from .events import EVENTS
from .forms import ServiceTokenForm, SystemAccountForm, WebhookEndpointForm
from .models import ApiToken, DeliveryStatus, SystemAccount, WebhookAttempt, WebhookDelivery, WebhookEndpoint
from .views import ShowsNewTokenOnce, TokenRevokeView

DELIVERIES_SHOWN = 50


class IntegrationsMixin(PermissionRequiredMixin, WagtailAdminTemplateMixin):
    raise_exception = True
    permission_required = "integrations.manage_webhooks"
    header_icon = "link"

    def get_breadcrumbs_items(self):
        items = self.breadcrumbs_items + [{"url": reverse("integrations_admin:index"), "label": _("Integrations")}]
        if self.get_page_title() != _("Integrations"):
            items.append({"url": "", "label": self.get_header_title()})
        return items


class IndexView(IntegrationsMixin, TemplateView):
    template_name = "integrations/admin/index.html"
    page_title = gettext_lazy("Integrations")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        endpoints = WebhookEndpoint.objects.annotate(
            delivered=Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.DELIVERED)),
            pending=Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.PENDING)),
            failed=Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.FAILED)),
        )
        for endpoint in endpoints:
            endpoint.event_labels = [EVENTS[event] for event in endpoint.events if event in EVENTS]
        context["endpoints"] = endpoints
        context["accounts"] = SystemAccount.objects.select_related("user").prefetch_related(
            "user__groups", Prefetch("user__auth_token_set", queryset=ApiToken.objects.order_by("-created"))
        )
        return context


class EndpointFormView(IntegrationsMixin, FormView):
    template_name = "integrations/admin/form.html"
    form_class = WebhookEndpointForm

    def dispatch(self, request, *args, **kwargs):
        self.endpoint = get_object_or_404(WebhookEndpoint, pk=kwargs["pk"]) if "pk" in kwargs else None
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Edit webhook endpoint") if self.endpoint else _("Add a webhook endpoint")

    def get_initial(self):
        if self.endpoint is None:
            return {"is_active": True}
        endpoint = self.endpoint
        return {
            "name": endpoint.name,
            "url": endpoint.url,
            "events": endpoint.events,
            "secret": endpoint.secret,
            "is_active": endpoint.is_active,
        }

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            endpoint = services.webhook_endpoint_save(
                actor=self.request.user,
                endpoint=self.endpoint,
                name=data["name"],
                url=data["url"],
                events=data["events"],
                secret=data["secret"],
                is_active=data["is_active"],
            )
        except ValidationError as error:
            show_error(self.request, error, form=form)
            return self.form_invalid(form)
        messages.success(self.request, _("Webhook endpoint “%(name)s” saved.") % {"name": endpoint.name})
        return redirect("integrations_admin:endpoint", pk=endpoint.pk)


class EndpointView(IntegrationsMixin, TemplateView):
    """An endpoint's latest deliveries, each with its attempts."""

    template_name = "integrations/admin/endpoint.html"

    def dispatch(self, request, *args, **kwargs):
        self.endpoint = get_object_or_404(WebhookEndpoint, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Webhook deliveries")

    def get_page_subtitle(self):
        return self.endpoint.name

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["endpoint"] = self.endpoint
        context["event_labels"] = [EVENTS[event] for event in self.endpoint.events if event in EVENTS]
        context["deliveries"] = (
            WebhookDelivery.objects.filter(endpoint=self.endpoint)
            .prefetch_related(Prefetch("attempts", queryset=WebhookAttempt.objects.order_by("number")))
            .order_by("-created_at", "-id")[:DELIVERIES_SHOWN]
        )
        return context


class RedeliverView(IntegrationsMixin, View):
    def post(self, request, pk: int):
        try:
            delivery = services.webhook_redeliver(actor=request.user, delivery_id=pk)
        except WebhookDelivery.DoesNotExist:
            messages.error(request, _("That delivery does not exist (any more)."))
            return redirect("integrations_admin:index")
        messages.success(request, _("Event %(event)s is being sent again.") % {"event": delivery.event_id})
        return redirect("integrations_admin:endpoint", pk=delivery.endpoint_id)


class SystemAccountCreateView(IntegrationsMixin, FormView):
    permission_required = "integrations.manage_service_tokens"
    template_name = "integrations/admin/form.html"
    form_class = SystemAccountForm
    page_title = gettext_lazy("Add a system account")

    def form_valid(self, form):
        try:
            account = services.system_account_create(actor=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            show_error(self.request, error, form=form)
            return self.form_invalid(form)
        messages.success(
            self.request, _("System account “%(name)s” created. Now give it a token.") % {"name": account.name}
        )
        return redirect("integrations_admin:service_token", pk=account.pk)


class ServiceTokenCreateView(ShowsNewTokenOnce, IntegrationsMixin, FormView):
    permission_required = "integrations.manage_service_tokens"
    template_name = "integrations/admin/service_token.html"
    form_class = ServiceTokenForm

    def dispatch(self, request, *args, **kwargs):
        self.account = get_object_or_404(SystemAccount, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("New service token")

    def get_page_subtitle(self):
        return self.account.name

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["account"] = self.account
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            token, secret = services.service_token_create(
                actor=self.request.user,
                account=self.account,
                name=data["name"],
                access=data["access"],
                lifetime_days=data["expires_in_days"],
            )
        except ValidationError as error:
            show_error(self.request, error, form=form)
            return self.form_invalid(form)
        return self.new_token_response(form=form, token=token, secret=secret)


class ServiceTokenRevokeView(IntegrationsMixin, TokenRevokeView):
    permission_required = "integrations.manage_service_tokens"
    revoked_message = gettext_lazy("The token was revoked.")
    tokens_url = "integrations_admin:index"
