from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView
from django.views.i18n import set_language

from . import services
from .forms import ProfileForm, TermsForm
from .i18n import supported_language
from .terms import current_terms_version


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


@require_POST
def language_switch(request):
    """The header's language switcher: Django's ``set_language`` (cookie and redirect back),
    and for signed-in people the choice is kept in their profile."""
    response = set_language(request)
    language = supported_language(request.POST.get("language"))
    if language and request.user.is_authenticated:
        services.user_set_language(user=request.user, language=language)
    return response


class TermsView(LoginRequiredMixin, FormView):
    """Accept the current terms of use (asked again when their version changes)."""

    template_name = "accounts/terms.html"
    form_class = TermsForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(terms_version=current_terms_version(), **kwargs)

    def form_valid(self, form):
        services.terms_accept(user=self.request.user)
        messages.success(self.request, _("Thank you. You can continue where you left off."))
        target = self.request.GET.get("next") or "/"
        if not url_has_allowed_host_and_scheme(target, allowed_hosts={self.request.get_host()}):
            target = "/"
        return redirect(target)
