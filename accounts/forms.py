from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from . import services
from .i18n import supported_language
from .models import District, User
from .validators import validate_display_name


class ProfileForm(forms.ModelForm):
    district = forms.ModelChoiceField(
        label=_("District"),
        queryset=District.objects.all(),
        required=False,
        empty_label=_("— choose your neighbourhood —"),
        help_text=_("Used to show leadership which parts of the city took part."),
    )

    class Meta:
        model = User
        fields = ["display_name", "district"]
        labels = {"display_name": _("Display name")}

    def clean_display_name(self):
        return validate_display_name(self.cleaned_data["display_name"])


class TermsForm(forms.Form):
    accept_terms = forms.BooleanField(
        label=_("I accept the terms of use and have read the privacy policy"),
        error_messages={"required": _("Please accept the terms of use to take part.")},
    )


class SignupExtrasForm(TermsForm):
    """What allauth's sign-up form asks besides email and password: the name others will see
    and the acceptance of the current terms (stored with their version and time)."""

    display_name = forms.CharField(
        label=_("Display name"),
        max_length=60,
        help_text=_("Shown next to your ideas and comments. Your email address is never shown."),
    )
    field_order = ["display_name", "accept_terms"]

    def clean_display_name(self):
        return validate_display_name(self.cleaned_data["display_name"])

    def signup(self, request, user):
        services.profile_update(user=user, display_name=self.cleaned_data["display_name"], district=None)
        language = supported_language(translation.get_language())
        if language:
            services.user_set_language(user=user, language=language)
        services.terms_accept(user=user)


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To make sure it is you."),
    )
