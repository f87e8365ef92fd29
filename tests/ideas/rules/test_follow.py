import pytest
from django.contrib.auth.models import AnonymousUser

from .conftest import MOMENTS, allowed

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("moment", list(MOMENTS))
def test_anyone_signed_in_follows_challenges_and_ideas_in_any_phase(calendar, idea_of, people, moment):
    idea = idea_of(people["staff"])
    for target in (calendar, idea):
        assert allowed(people["resident"], "ideas.follow", target, moment)
        assert not allowed(AnonymousUser(), "ideas.follow", target, moment)
