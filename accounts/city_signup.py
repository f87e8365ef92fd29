"""The one form a person fills in the first time they sign in through the city's identity
provider: the name others will see and the current terms of use, as on email sign-up. The
email address is the one the provider vouched for and cannot be changed here (it decides
whether the person is city staff).

A module of its own: allauth builds its sign-up forms on top of ``accounts.forms`` while it
is imported, so this form cannot live there."""

from allauth.socialaccount.forms import SignupForm
from django.utils.translation import gettext_lazy as _


class CitySignupForm(SignupForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        email = self.fields.get("email")
        if email is not None and self.initial.get("email"):
            email.disabled = True
            email.help_text = _("From your city account.")
