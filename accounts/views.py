from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView
from django.views.i18n import set_language

from . import services
from .forms import AccountDeleteForm, ProfileForm, TermsForm
from .i18n import supported_language
from .models import DataExport
from .privacy import remove_contributions
from .redirects import safe_next
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
        return redirect(safe_next(self.request, "/"))


class PrivacyView(LoginRequiredMixin, TemplateView):
    """Your data: download everything Greenlight holds about you, or delete your account."""

    template_name = "accounts/privacy.html"

    def get_context_data(self, **kwargs):
        export = DataExport.objects.filter(user=self.request.user).first()
        return super().get_context_data(export=export, **kwargs)

    def post(self, request, *args, **kwargs):
        services.data_export_request(user=request.user)
        messages.success(request, _("We are preparing your data. The download link appears here when it is ready."))
        return redirect("accounts:privacy")


@login_required
def data_export_download(request, token: str):
    """The ZIP, for its owner only, until its link expires."""
    export = get_object_or_404(DataExport, token=token, user=request.user)
    path = services.export_path(export)
    if not export.is_downloadable() or not path.is_file():
        raise Http404
    return FileResponse(path.open("rb"), as_attachment=True, filename=export.filename, content_type="application/zip")


class AccountDeleteView(LoginRequiredMixin, FormView):
    template_name = "accounts/delete.html"
    form_class = AccountDeleteForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(remove_contributions=remove_contributions(), **kwargs)

    def form_valid(self, form):
        try:
            services.account_delete(user=self.request.user, password=form.cleaned_data["password"])
        except services.AccountError as error:
            form.add_error(error.field, error.message)
            return self.form_invalid(form)
        logout(self.request)
        messages.success(self.request, _("Your account has been deleted. Thank you for taking part."))
        return redirect("/")
