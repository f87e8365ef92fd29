from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    """Signs up residents: new accounts join the Residents role."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            from . import services

            services.user_join_default_role(user=user)
        return user

    def is_open_for_signup(self, request) -> bool:
        return getattr(settings, "GREENLIGHT_OPEN_FOR_SIGNUP", True)
