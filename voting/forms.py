"""Forms of the voting pages. They collect input; the services validate and write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .selectors import challenges_asking_for_residents


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


class ResidentCodeForm(forms.Form):
    """Verify as a resident of a challenge with the code the city sent."""

    challenge = forms.ModelChoiceField(label=_("Challenge"), queryset=None, empty_label=None)
    code = forms.CharField(
        label=_("Your code"),
        max_length=100,
        help_text=_("As printed in the letter from the city. Spaces and dashes do not matter."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["challenge"].queryset = challenges_asking_for_residents()
