from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.conf import settings

from . import ratelimits
from .terms import current_terms_version


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


def is_city_staff_login(*, email: str, claims: dict) -> bool:
    """Whether a sign-in through the city's identity provider is by city staff: an email in a
    staff domain (GREENLIGHT_STAFF_EMAIL_DOMAINS), or the configured claim in the ID token
    (GREENLIGHT_STAFF_CLAIM: "claim" is true, or "claim=value" is or contains the value)."""
    domain = email.rsplit("@", 1)[-1].lower() if "@" in email else ""
    domains = {entry.lower().lstrip("@") for entry in settings.GREENLIGHT_STAFF_EMAIL_DOMAINS}
    if domain and domain in domains:
        return True
    rule = settings.GREENLIGHT_STAFF_CLAIM
    if not rule:
        return False
    name, _sep, wanted = rule.partition("=")
    value = claims.get(name.strip())
    if not wanted:
        return bool(value)
    if isinstance(value, list | tuple):
        return wanted in [str(item) for item in value]
    return str(value) == wanted


class CitySignInAdapter(DefaultSocialAccountAdapter):
    """Sign-in through the city's identity provider (OpenID Connect): the account is made or
    joined by its verified email; staff (by domain or claim) join City staff, every time they
    sign in, so a new member of staff needs nothing done by hand."""

    def save_user(self, request, sociallogin, form=None):
        user = super().save_user(request, sociallogin, form=form)
        from . import services

        services.user_join_default_role(user=user)
        self._staff_role(sociallogin, user)
        return user

    def is_auto_signup_allowed(self, request, sociallogin) -> bool:
        """While terms of use are in force, a first sign-in shows the sign-up form (display
        name and the terms), so nobody takes part without having accepted them."""
        return super().is_auto_signup_allowed(request, sociallogin) and not current_terms_version()

    def get_signup_form_initial_data(self, sociallogin) -> dict:
        initial = super().get_signup_form_initial_data(sociallogin)
        first, last = initial.get("first_name", "").strip(), initial.get("last_name", "").strip()
        if first:
            initial["display_name"] = f"{first} {last[:1]}.".strip() if last else first
        return initial

    def pre_social_login(self, request, sociallogin):
        super().pre_social_login(request, sociallogin)
        if sociallogin.is_existing:
            self._staff_role(sociallogin, sociallogin.user)

    def _staff_role(self, sociallogin, user) -> None:
        from . import roles, services

        claims = dict(sociallogin.account.extra_data or {})
        claims.update(claims.get("userinfo") or {})
        claims.update(claims.get("id_token") or {})
        if is_city_staff_login(email=user.email or claims.get("email", ""), claims=claims):
            services.user_add_role(user=user, role_name=roles.CITY_STAFF)
