from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts import roles

from . import addresses, signing
from .events import event_choices
from .models import TokenAccess
from .services import TOKEN_LIFETIMES


def _lifetime_choices(*, never: bool) -> list[tuple[str, str]]:
    choices = [(str(days), _("%(days)s days") % {"days": days}) for days in TOKEN_LIFETIMES]
    if never:
        choices.append(("", _("Never (rotate it yourself)")))
    return choices


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=80, help_text=_("What uses it, e.g. “Neighbourhood newsletter script”.")
    )
    access = forms.ChoiceField(label=_("Access"), choices=TokenAccess.choices, initial=TokenAccess.READ)
    expires_in_days = forms.TypedChoiceField(
        label=_("Expires after"), choices=_lifetime_choices(never=False), coerce=int, initial="90"
    )


class ServiceTokenForm(TokenForm):
    expires_in_days = forms.TypedChoiceField(
        label=_("Expires after"),
        choices=_lifetime_choices(never=True),
        coerce=int,
        empty_value=None,
        required=False,
        initial="365",
    )


class SystemAccountForm(forms.Form):
    name = forms.CharField(label=_("System"), max_length=80, help_text=_("e.g. “311 service desk”"))
    role = forms.ChoiceField(label=_("Role"), choices=[(name, name) for name in roles.ROLES], initial=roles.RESIDENTS)
    description = forms.CharField(label=_("What it is for"), max_length=300, required=False)


class WebhookEndpointForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100, help_text=_("e.g. “Public works order system”"))
    url = forms.URLField(label=_("URL"), max_length=500, assume_scheme="https")
    events = forms.MultipleChoiceField(label=_("Events"), choices=event_choices(), widget=forms.CheckboxSelectMultiple)
    secret = forms.CharField(
        label=_("Signing secret"),
        max_length=120,
        help_text=_("Give this to the receiver; it checks every request's signature with it."),
    )
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and not self.initial.get("secret"):
            self.initial["secret"] = signing.generate_secret()

    def clean_url(self):
        url = self.cleaned_data["url"]
        try:
            addresses.check_url(url)
        except addresses.AddressRefused as error:
            raise ValidationError(str(error)) from error
        return url
