from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings

from . import ratelimits


class AccountAdapter(DefaultAccountAdapter):
    """Signs up residents: new accounts join the Residents role. Sign-in limits count per
    account *and* client address, with the address found as every other limit finds it."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            from . import services

            services.user_join_default_role(user=user)
        return user

    def is_open_for_signup(self, request) -> bool:
        return getattr(settings, "GREENLIGHT_OPEN_FOR_SIGNUP", True)

    def get_client_ip(self, request) -> str:
        return ratelimits.client_ip(request)

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        """Failed sign-ins are counted per account and client address together: someone who
        only knows an address cannot lock its owner out from elsewhere, while guessing one
        account's password from one place stays limited (and each place is limited across
        accounts by the per-address rate). allauth clears this key after a successful
        password reset made from the same address, which ends that place's lock."""
        account_key = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{account_key}:{ratelimits.client_bucket(request)}"
