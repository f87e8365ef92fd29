"""Admin screens of notifications: parked outbox deliveries (with their error and a retry
button) and leadership's announcement to a challenge's followers (preview, then send)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from rules.contrib.views import PermissionRequiredMixin
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import services
from .forms import AnnouncementForm
from .models import DeliveryStatus, OutboxDelivery, OutboxMessage
from .outbox import delivery_retry


class OutboxView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """Parked deliveries, newest first, and how many messages wait for the relay."""

    permission_required = "notifications.retry_delivery"
    raise_exception = True
    template_name = "notifications/admin/outbox.html"
    page_title = gettext_lazy("Outbox")
    header_icon = "mail"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["parked"] = (
            OutboxDelivery.objects.filter(status=DeliveryStatus.PARKED)
            .select_related("message")
            .order_by("-updated_at")[:200]
        )
        context["pending_count"] = OutboxMessage.objects.filter(relayed_at__isnull=True).count()
        return context

    def post(self, request, *args, **kwargs):
        delivery = get_object_or_404(OutboxDelivery, pk=request.POST.get("delivery"))
        try:
            delivery_retry(delivery=delivery, actor=request.user)
        except PermissionDenied:
            raise
        messages.success(
            request, _("The delivery of “%(event)s” will be tried again.") % {"event": delivery.message.event}
        )
        return redirect("notifications_admin:outbox")


class AnnouncementView(PermissionRequiredMixin, WagtailAdminTemplateMixin, FormView):
    """Write an announcement, preview it with the number of followers, then send it."""

    permission_required = "notifications.send_announcement"
    raise_exception = True
    template_name = "notifications/admin/announcement.html"
    form_class = AnnouncementForm
    page_title = gettext_lazy("Announce to followers")
    header_icon = "mail"

    def get_initial(self):
        return {"challenge": self.request.GET.get("challenge")}

    def form_valid(self, form):
        challenge, subject, body = (form.cleaned_data[k] for k in ("challenge", "subject", "body"))
        if "send" not in self.request.POST:
            preview = services.announcement_preview(challenge=challenge, subject=subject, body=body)
            return self.render_to_response(self.get_context_data(form=form, preview=preview))
        try:
            services.announcement_send(challenge=challenge, subject=subject, body=body, actor=self.request.user)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Your announcement is on its way to the followers of “%(title)s”.") % {"title": challenge.title},
        )
        return redirect(reverse("notifications_admin:announce"))
