"""Load the demo content: one idempotent command that every feature extends.

Each app may have a ``demo.py`` with ``load(*, stdout) -> None``; they run in the order of
INSTALLED_APPS, so an app's demo can build on the apps it depends on. A ``finish(*, stdout)``
there runs after every app's ``load`` (translations of what later apps made). Running the
command again changes nothing that is already there.
"""

from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = "Create (or complete) the demo city: accounts, pages, challenges, ideas, votes and pilots."

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                modules = []
                for app_config in apps.get_app_configs():
                    try:
                        module = import_module(f"{app_config.name}.demo")
                    except ModuleNotFoundError as exc:
                        if exc.name != f"{app_config.name}.demo":
                            raise
                        continue
                    module.load(stdout=self.stdout)
                    modules.append(module)
                for module in modules:
                    if hasattr(module, "finish"):
                        module.finish(stdout=self.stdout)
        except Exception as exc:  # one line and a non-zero exit, nothing half-written
            raise CommandError(f"Demo content could not be loaded: {exc}") from exc

        from accounts.demo import DEMO_ACCOUNTS, DEMO_PASSWORD

        self.stdout.write(self.style.SUCCESS("Demo content is ready. Sign in with any of these accounts:"))
        for email, role, _name in DEMO_ACCOUNTS:
            self.stdout.write(f"  {role:<14} {email:<32} password: {DEMO_PASSWORD}")
