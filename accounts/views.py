from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView

from . import services
from .forms import ProfileForm


class ProfileView(LoginRequiredMixin, FormView):
    template_name = "accounts/profile.html"
    form_class = ProfileForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.request.user
        return kwargs

    def form_valid(self, form):
        services.profile_update(
            user=self.request.user,
            display_name=form.cleaned_data["display_name"],
            district=form.cleaned_data["district"],
        )
        messages.success(self.request, _("Your profile has been saved."))
        return redirect("accounts:profile")
