"""A challenge with fixed dates and a frozen clock before, during and after its voting phase."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from tests.factories import ChallengeFactory, UserFactory

DAY = timedelta(days=1)
# Ideas open on START; voting runs from day 10 to day 24 (ideas close on day 14).
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
DATES = ChallengeFactory.dates_for("submission", now=START + 5 * DAY)
# Frozen moments: before voting opens (ideas still come in), while voting, after it closed.
MOMENTS = {
    "before": START + 5 * DAY,
    "during": START + 20 * DAY,
    "after": START + 30 * DAY,
}


# Who may vote while voting is open, by the challenge's audience.
ALLOWED_WHILE_VOTING = {
    "everyone": {"resident", "staff", "leadership"},
    "residents": {"resident", "leadership"},
    "staff": {"staff"},
}


@pytest.fixture
def make_challenge(db):
    def make(**fields):
        return ChallengeFactory.create("submission", **{**DATES, **fields})

    return make


@pytest.fixture
def people(db):
    """One person per kind of participant."""
    return {
        "resident": UserFactory(roles=["Residents"]),
        "staff": UserFactory(roles=["City staff"]),
        "unverified": UserFactory(roles=["Residents"], verified=False),
        "leadership": UserFactory(roles=["Leadership"]),
    }


@pytest.fixture
def at():
    """``with at("during"): ...`` freezes the clock at that moment of the challenge."""

    def travel(moment: str):
        return time_machine.travel(MOMENTS[moment], tick=False)

    return travel


@pytest.fixture
def who_may(people, at):
    """``who_may("voting.support_idea", idea, "during")``: the names of the people (and
    ``anonymous``) who have the permission at that moment."""
    from django.contrib.auth.models import AnonymousUser

    def check(permission: str, obj, moment: str) -> set[str]:
        everyone = {**people, "anonymous": AnonymousUser()}
        with at(moment):
            return {name for name, person in everyone.items() if person.has_perm(permission, obj)}

    return check
