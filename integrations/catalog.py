"""The open-data catalogue entry: DCAT (https://www.w3.org/TR/vocab-dcat-3/) as JSON-LD,
describing each dataset, its formats and the licence set in ``OPEN_DATA_LICENSE``."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from . import public

DATASETS = [
    (
        "ideas",
        "api-open-idea-list",
        lambda: _("Ideas"),
        lambda: _(
            "Public ideas residents and staff shared for the city's challenges: stage, district, tags and, where "
            "the challenge shows them, support totals."
        ),
    ),
    (
        "challenges",
        "api-open-challenge-list",
        lambda: _("Challenges"),
        lambda: _("The questions the city asks, with the dates of each phase."),
    ),
    (
        "pilots",
        "api-open-pilot-list",
        lambda: _("Pilots"),
        lambda: _("Pilot projects testing selected ideas: budget, status, decision and KPIs with measurements."),
    ),
]


def catalog(request) -> dict:
    programme = settings.GREENLIGHT_PROGRAMME_NAME
    publisher = settings.OPEN_DATA_PUBLISHER or programme
    license_url = settings.OPEN_DATA_LICENSE_URL
    datasets = []
    for key, url_name, title, description in DATASETS:
        url = public.absolute(reverse(url_name))
        distributions = [
            {
                "@type": "dcat:Distribution",
                "dct:title": "JSON",
                "dcat:accessURL": url,
                "dcat:downloadURL": url,
                "dcat:mediaType": "application/json",
                "dct:license": license_url,
            },
            {
                "@type": "dcat:Distribution",
                "dct:title": "CSV",
                "dcat:accessURL": f"{url}?format=csv",
                "dcat:downloadURL": f"{url}?format=csv",
                "dcat:mediaType": "text/csv",
                "dct:license": license_url,
            },
        ]
        if key == "challenges":
            ics = public.absolute(reverse("integrations:calendar"))
            distributions.append(
                {
                    "@type": "dcat:Distribution",
                    "dct:title": "iCalendar",
                    "dcat:accessURL": ics,
                    "dcat:downloadURL": ics,
                    "dcat:mediaType": "text/calendar",
                    "dct:license": license_url,
                }
            )
        datasets.append(
            {
                "@type": "dcat:Dataset",
                "@id": f"{url}#dataset",
                "dct:identifier": f"greenlight-{key}",
                "dct:title": f"{programme}: {title()}",
                "dct:description": description(),
                "dct:publisher": {"@type": "foaf:Agent", "foaf:name": publisher},
                "dct:license": license_url,
                "dcat:keyword": ["civic innovation", "participation", key],
                "dct:accrualPeriodicity": "http://purl.org/cld/freq/continuous",
                "dcat:distribution": distributions,
            }
        )
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
        },
        "@type": "dcat:Catalog",
        "@id": public.absolute(reverse("api-open-data-catalog")),
        "dct:title": _("%(programme)s open data") % {"programme": programme},
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": publisher},
        "dct:license": license_url,
        "dct:rights": settings.OPEN_DATA_LICENSE,
        "dcat:dataset": datasets,
    }
