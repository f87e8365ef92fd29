"""Property-based fuzzing of the whole API against its live OpenAPI schema (schemathesis),
through the WSGI application, as an anonymous visitor and as a verified resident: no request
may end in a server error, and every response must match what the schema documents (status
code, content type and body).

Each operation gets a bounded number of generated requests (``API_FUZZ_EXAMPLES``, default
6): schema-valid data as both people, schema-invalid data as the resident (the visitor is
refused before any data is read), and schema-valid data aimed at objects that exist, so the
run stays around a minute. Rate limits are raised for the test only."""

import os

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from ideas import services as idea_services
from tests.factories import ChallengeFactory, DistrictFactory, IdeaFactory, PilotFactory, UserFactory
from voting import services as voting_services

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("API_FUZZ_EXAMPLES", "6"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture
def generous_rate_limits(settings):
    """Fuzzing sends hundreds of requests a minute from one person (the throttles read their
    rates from the settings when used)."""
    rates = dict.fromkeys(settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "100000/min")
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}
    settings.GREENLIGHT_IDEAS_PER_HOUR = 0
    settings.GREENLIGHT_COMMENTS_PER_MINUTE = 0


@pytest.fixture
def city(home_page):
    """Something of everything the API shows: challenges in each voting method, ideas with and
    without a district, a comment, a support and a pilot. Ids by the path prefix they fit."""
    riverside = DistrictFactory(name="Riverside", slug="riverside")
    support = ChallengeFactory.create("voting", title="Safer streets around schools", supports_per_person=3)
    pairwise = ChallengeFactory.create("voting", title="Parks for everyone", voting_method="pairwise")
    crossing = IdeaFactory(challenge=support, title="A lollipop crossing on Mill Lane", district=riverside)
    IdeaFactory(challenge=support, title="20 mph outside every primary school")
    splash = IdeaFactory(challenge=pairwise, title="A splash pad in Riverside Park")
    IdeaFactory(challenge=pairwise, title="More benches along the river path")
    neighbour = UserFactory(roles=["Residents"])
    comment = idea_services.comment_post(
        idea=crossing, author=neighbour, body="<p>The guard left in June and was never replaced.</p>"
    )
    voting_services.support_add(voter=neighbour, idea=crossing)
    pilot = PilotFactory.create(ideas=[splash], title="Splash pad trial in Riverside Park")
    return {
        "/api/v1/challenges/": support.pk,
        "/api/v1/ideas/": crossing.pk,
        "/api/v1/comments/": comment.pk,
        "/api/v1/pilots/": pilot.pk,
        "pairwise": pairwise.pk,
    }


def _existing_id(city, operation) -> int | None:
    if "{id}" not in operation.path:
        return None
    if "/pair" in operation.path:
        return city["pairwise"]
    return next((pk for prefix, pk in city.items() if operation.path.startswith(prefix)), None)


def _fuzz(operation, headers, **strategy) -> str | None:
    """Run generated requests against one operation; the first failure, described."""

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(**strategy))
    def run(case):
        response = case.call(headers=headers)
        case.validate_response(response, checks=CHECKS)

    try:
        run()
    except Unsatisfiable:  # nothing to vary (e.g. invalid data for an operation without inputs)
        return None
    except (Exception, BaseExceptionGroup) as failure:  # a check failed or the app raised: report it
        return f"{operation.label} {strategy.get('generation_mode', '')}:\n{failure}"
    return None


@pytest.fixture
def wsgi_application():
    """The WSGI application in the test's transaction: like Django's test client, keep the
    request signals from closing the test's database connection."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def test_the_api_answers_every_generated_request_as_its_schema_says(city, generous_rate_limits, wsgi_application):
    schema = schemathesis.openapi.from_wsgi("/api/schema/", wsgi_application)
    resident = UserFactory(roles=["Residents"], district=None)
    identities = {"visitor": {}, "resident": {"Authorization": f"Token {Token.objects.create(user=resident).key}"}}
    failures, runs = [], 0
    for name, headers in identities.items():
        for result in schema.get_all_operations():
            operation = result.ok()
            modes = [GenerationMode.POSITIVE] + ([GenerationMode.NEGATIVE] if name == "resident" else [])
            attempts = [{"generation_mode": mode} for mode in modes]
            existing = _existing_id(city, operation)
            if existing is not None:
                attempts.append({"path_parameters": {"id": existing}})
            for strategy in attempts:
                runs += 1
                failure = _fuzz(operation, headers, **strategy)
                if failure:
                    failures.append(f"[{name}] {failure}")
    assert runs > 100
    assert not failures, f"{len(failures)} of {runs} fuzz runs failed:\n\n" + "\n\n".join(failures)
