"""search.sort_by_novelty: leadership only. Novelty does not depend on a challenge's phase, so
the rule is checked before, during and after a challenge's phases with the same outcome."""

import pytest
import time_machine
from django.utils import timezone

from ideas.extensions import sorts_for
from tests.factories import ChallengeFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("days", [-30, 0, 120], ids=["before", "during", "after"])
@pytest.mark.parametrize(
    ("roles", "allowed"),
    [(["Leadership"], True), (["Residents"], False), (["Moderators"], False), (["City staff"], False)],
)
def test_only_leadership_may_sort_ideas_by_novelty(roles, allowed, days):
    challenge = ChallengeFactory.create("submission")
    user = UserFactory(roles=roles)
    with time_machine.travel(timezone.now() + timezone.timedelta(days=days)):
        assert user.has_perm("search.sort_by_novelty") is allowed
        assert ("novelty" in [sort.key for sort in sorts_for(user, challenge)]) is allowed


def test_visitors_may_not_sort_by_novelty():
    from django.contrib.auth.models import AnonymousUser

    assert not AnonymousUser().has_perm("search.sort_by_novelty")
    assert "novelty" not in [sort.key for sort in sorts_for(AnonymousUser(), None)]
