from django import forms
from django.utils.translation import gettext_lazy as _

from ideas.models import ChallengePage

from .models import DEFAULT_FREQUENCY, Frequency, Kind


class AnnouncementForm(forms.Form):
    challenge = forms.ModelChoiceField(
        label=_("Challenge"), queryset=ChallengePage.objects.live().order_by("title"), empty_label=_("Choose…")
    )
    subject = forms.CharField(label=_("Subject"), max_length=150)
    body = forms.CharField(label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8}))


class PreferencesForm(forms.Form):
    """One choice per kind of notification: right away, daily, weekly or never."""

    def __init__(self, *args, current: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for kind in Kind:
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label,
                choices=Frequency.choices,
                initial=current.get(kind.value, DEFAULT_FREQUENCY[kind]),
                widget=forms.RadioSelect,
            )
