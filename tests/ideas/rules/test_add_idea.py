import pytest
from django.contrib.auth.models import AnonymousUser

from .conftest import allowed

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("moment", "expected"),
    [("before", False), ("submission", True), ("voting", False), ("review", False), ("closed", False)],
)
def test_verified_residents_share_ideas_only_while_ideas_are_open(calendar, people, moment, expected):
    assert allowed(people["resident"], "ideas.add_idea", calendar, moment) is expected


def test_unverified_and_anonymous_people_cannot_share_ideas(calendar, people):
    assert not allowed(people["unverified"], "ideas.add_idea", calendar, "submission")
    assert not allowed(AnonymousUser(), "ideas.add_idea", calendar, "submission")


def test_audience_decides_who_takes_part(calendar, people):
    calendar.audience = "staff"
    assert allowed(people["staff"], "ideas.add_idea", calendar, "submission")
    assert not allowed(people["resident"], "ideas.add_idea", calendar, "submission")
    calendar.audience = "residents"
    assert not allowed(people["staff"], "ideas.add_idea", calendar, "submission")
    assert allowed(people["resident"], "ideas.add_idea", calendar, "submission")
