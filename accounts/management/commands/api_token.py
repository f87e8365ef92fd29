"""Give a person an API token, rotate it or revoke it; the key is printed once.

manage.py api_token resident@example.org            # a first token
manage.py api_token resident@example.org --rotate   # a new key; the old one stops working
manage.py api_token resident@example.org --revoke
"""

from django.core.management.base import BaseCommand, CommandError

from accounts import services
from accounts.models import User


class Command(BaseCommand):
    help = "Create, rotate or revoke a person's API token (the key is printed once)."

    def add_arguments(self, parser):
        parser.add_argument("email", help="the person's sign-in email address")
        action = parser.add_mutually_exclusive_group()
        action.add_argument("--rotate", action="store_true", help="replace an existing token")
        action.add_argument("--revoke", action="store_true", help="remove the token")

    def handle(self, *args, email: str, rotate: bool, revoke: bool, **options):
        user = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
        if user is None:
            raise CommandError(f"No active account signs in with {email}.")
        if revoke:
            removed = services.api_token_revoke(user=user)
            self.stdout.write("Token revoked." if removed else "This person had no token.")
            return
        try:
            key = services.api_token_issue(user=user, rotate=rotate)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(key)
        self.stderr.write(
            "Keep this key secret: it acts as the person. It is not shown again. "
            "Send it as 'Authorization: Token <key>'."
        )
