"""Pages of notifications: the list grouped by day, opening one, marking read, email choices
and the unsubscribe link from emails (which works without signing in)."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from accounts.redirects import safe_next

from . import selectors, services
from .emails import read_unsubscribe_token
from .forms import PreferencesForm
from .models import Kind, Notification

PAGE_SIZE = 50


class NotificationListView(LoginRequiredMixin, View):
    def get(self, request):
        unread_only = request.GET.get("unread") == "true"
        page = Paginator(selectors.notifications_for(user=request.user, unread_only=unread_only), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        return render(
            request,
            "notifications/notification_list.html",
            {"page_obj": page, "days": selectors.grouped_by_day(page.object_list), "unread_only": unread_only},
        )


class MarkReadView(LoginRequiredMixin, View):
    """Mark one notification (``notification``) or all of them read."""

    def post(self, request):
        if request.POST.get("all"):
            count = services.notifications_mark_read(user=request.user)
            messages.success(
                request, _("All your notifications are marked as read.") if count else _("Nothing was unread.")
            )
        else:
            try:
                pk = int(request.POST.get("notification", ""))
            except ValueError:
                messages.error(request, _("Choose a notification."))
            else:
                services.notifications_mark_read(user=request.user, ids=[pk])
        return redirect(safe_next(request, reverse("notifications:list")))


class OpenView(LoginRequiredMixin, View):
    """Follow a notification to what happened; it counts as read."""

    def get(self, request, pk: int):
        notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
        services.notifications_mark_read(user=request.user, ids=[notification.pk])
        return redirect(notification.url or reverse("notifications:list"))


class PreferencesView(LoginRequiredMixin, View):
    template_name = "notifications/preferences.html"

    def get(self, request):
        form = PreferencesForm(current=services.frequencies_for(user=request.user))
        return render(request, self.template_name, {"form": form})

    def post(self, request):
        form = PreferencesForm(request.POST, current=services.frequencies_for(user=request.user))
        if form.is_valid():
            services.preferences_set(user=request.user, choices=form.cleaned_data)
            messages.success(request, _("Your email choices are saved."))
            return redirect("notifications:preferences")
        return render(request, self.template_name, {"form": form}, status=400)


def _kind_label(kind: str) -> str:
    if kind in Kind.values:
        return str(Kind(kind).label)
    return {"digest:daily": _("the daily digest"), "digest:weekly": _("the weekly digest")}.get(kind, kind)


@method_decorator(csrf_exempt, name="dispatch")  # mail clients post RFC 8058 one-click requests
class UnsubscribeView(View):
    template_name = "notifications/unsubscribe.html"

    def _read(self, request, token):
        try:
            return read_unsubscribe_token(token), None
        except signing.SignatureExpired:
            return None, _("This unsubscribe link has expired. Sign in to choose which emails you get.")
        except signing.BadSignature:
            return None, _(
                "This unsubscribe link is not valid. Check that you copied all of it, "
                "or sign in to choose which emails you get."
            )

    def get(self, request, token: str):
        data, error = self._read(request, token)
        if error:
            return render(request, self.template_name, {"error": error}, status=400)
        return render(request, self.template_name, {"kind_label": _kind_label(data[1]), "token": token})

    def post(self, request, token: str):
        data, error = self._read(request, token)
        if error:
            return render(request, self.template_name, {"error": error}, status=400)
        try:
            services.unsubscribe(user_id=data[0], kind=data[1])
        except ValidationError as exc:
            return render(request, self.template_name, {"error": " ".join(exc.messages)}, status=400)
        return render(request, self.template_name, {"done": True, "kind_label": _kind_label(data[1])})
