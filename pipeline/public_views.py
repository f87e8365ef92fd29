"""The pipeline's one public write from a page: following a pilot."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View

from accounts.redirects import safe_next

from . import services
from .models import PilotPage


class PilotFollowView(LoginRequiredMixin, View):
    """Follow or stop following a published pilot (POST ``follow=1`` or ``follow=0``)."""

    def post(self, request, pk):
        pilot = get_object_or_404(PilotPage.objects.live(), pk=pk)
        if request.POST.get("follow") == "0":
            services.pilot_follow_remove(follower=request.user, pilot=pilot)
            messages.success(request, _("You no longer follow “%(title)s”.") % {"title": pilot.title})
        else:
            services.pilot_follow_add(follower=request.user, pilot=pilot)
            messages.success(request, _("You now follow “%(title)s”.") % {"title": pilot.title})
        return redirect(safe_next(request, pilot.url))

    def get(self, request, pk):
        return redirect(get_object_or_404(PilotPage.objects.live(), pk=pk).url)
