"""A challenge with fixed dates and a frozen clock before, during and after its voting phase."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from tests.factories import ChallengeFactory, UserFactory

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)
DATES = {
    "ideas_open": START,
    "ideas_close": START + 14 * DAY,
    "voting_open": START + 10 * DAY,
    "voting_close": START + 24 * DAY,
    "review_end": START + 40 * DAY,
    "results_published": START + 45 * DAY,
}
# Frozen moments: before voting opens (ideas still come in), while voting, after it closed.
MOMENTS = {
    "before": START + 5 * DAY,
    "during": START + 20 * DAY,
    "after": START + 30 * DAY,
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
