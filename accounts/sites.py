"""The Django ``Site`` record (used by allauth's emails) follows ``BASE_URL`` and the
programme's name, instead of Django's default ``example.com``."""

from urllib.parse import urlsplit

from django.conf import settings


def sync_site(**kwargs) -> None:
    """After every ``migrate``: name the site and give it the public address's host."""
    from django.contrib.sites.models import Site

    domain = urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc or "localhost"
    name = getattr(settings, "GREENLIGHT_PROGRAMME_NAME", "Greenlight")
    site, created = Site.objects.get_or_create(pk=settings.SITE_ID, defaults={"domain": domain, "name": name})
    if not created and (site.domain, site.name) != (domain, name):
        site.domain, site.name = domain, name
        site.save(update_fields=["domain", "name"])
