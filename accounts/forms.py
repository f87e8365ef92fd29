from django import forms
from django.utils.translation import gettext_lazy as _

from .models import District, User


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
        name = self.cleaned_data["display_name"].strip()
        if "@" in name:
            raise forms.ValidationError(_("Please do not use an email address as your display name."))
        return name
