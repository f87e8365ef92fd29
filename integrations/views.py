"""The person's own API tokens, on their account pages."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView

from innovation.errors import ServiceError, show_error

from . import services
from .forms import TokenForm
from .models import ApiToken


class ShowsNewTokenOnce:
    """A new token's secret is shown once, on the page that answers its making, and no cache
    may keep that page."""

    def new_token_response(self, *, form, token, secret):
        response = self.render_to_response(
            self.get_context_data(form=form, new_token={"token": token, "secret": secret})
        )
        response["Cache-Control"] = "no-store"
        return response


class TokensView(ShowsNewTokenOnce, LoginRequiredMixin, FormView):
    """List, create (the token is shown once) and revoke personal API tokens."""

    template_name = "integrations/tokens.html"
    form_class = TokenForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tokens"] = services.tokens_of(owner=self.request.user)
        context["new_token"] = kwargs.get("new_token")
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            token, secret = services.token_create(
                owner=self.request.user, name=data["name"], access=data["access"], lifetime_days=data["expires_in_days"]
            )
        except ServiceError as error:
            show_error(self.request, error, form=form)
            return self.form_invalid(form)
        messages.success(
            self.request, _("Token “%(name)s” created. Copy it now: it will not be shown again.") % {"name": token.name}
        )
        return self.new_token_response(form=self.form_class(), token=token, secret=secret)


class TokenRevokeView(LoginRequiredMixin, View):
    """Revoke a token (the service checks whose it is) and go back to the list of tokens; the
    admin's revoking of a system account's token is this view with its own permission."""

    revoked_message = gettext_lazy("The token was revoked: requests with it are refused from now on.")
    tokens_url = "integrations:tokens"

    def post(self, request, pk: int):
        try:
            services.token_revoke(actor=request.user, token_id=pk)
        except ApiToken.DoesNotExist:
            messages.error(request, _("That token does not exist (any more)."))
        else:
            messages.success(request, self.revoked_message)
        return redirect(self.tokens_url)
