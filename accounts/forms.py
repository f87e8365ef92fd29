from django import forms
from django.utils.translation import gettext_lazy as _

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
