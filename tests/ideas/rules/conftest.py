"""One challenge calendar, frozen moments in each phase, and the people the rules care about."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from accounts import standing
from tests.factories import ChallengeFactory, IdeaFactory, UserFactory

T0 = datetime(2030, 3, 1, 12, 0, tzinfo=UTC)
DAY = timedelta(days=1)
MOMENTS = {
    "before": T0 - DAY,
    "submission": T0 + 5 * DAY,
    "voting": T0 + 20 * DAY,
    "review": T0 + 30 * DAY,
    "closed": T0 + 50 * DAY,
}


@pytest.fixture
def calendar(db, home_page):
    return ChallengeFactory.create(
        "submission",
        ideas_open=T0,
        ideas_close=T0 + 14 * DAY,
        voting_open=T0 + 10 * DAY,
        voting_close=T0 + 24 * DAY,
        review_end=T0 + 40 * DAY,
        results_published=T0 + 45 * DAY,
    )


@pytest.fixture
def people(db):
    return {
        "resident": UserFactory(roles=["Residents"]),
        "unverified": UserFactory(roles=["Residents"], verified=False),
        "staff": UserFactory(roles=["City staff"]),
        "moderator": UserFactory(roles=["Moderators"]),
    }


@pytest.fixture
def idea_of(calendar):
    def make(author, **fields):
        return IdeaFactory(challenge=calendar, author=author, published_at=T0 + DAY, **fields)

    return make


def allowed(user, permission: str, obj, moment: str) -> bool:
    """Whether ``user`` has ``permission`` on ``obj`` at the frozen ``moment``."""
    with time_machine.travel(MOMENTS[moment], tick=False):
        standing.forget(user)
        return user.has_perm(permission, obj)
