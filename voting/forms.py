"""Forms of the voting pages. They collect input; the services validate and write."""

from django import forms
from django.utils.translation import gettext_lazy as _


class PairwiseChoiceForm(forms.Form):
    left = forms.IntegerField(widget=forms.HiddenInput)
    right = forms.IntegerField(widget=forms.HiddenInput)
    choice = forms.ChoiceField(
        label=_("Your choice"),
        choices=[("left", _("Left")), ("right", _("Right")), ("undecided", _("I can't decide"))],
    )


class PairwiseIdeaForm(forms.Form):
    """Add your own idea from the pairwise screen (while the challenge takes ideas)."""

    title = forms.CharField(label=_("Your idea in a few words"), max_length=140)
    summary = forms.CharField(label=_("One-line summary"), max_length=280)
