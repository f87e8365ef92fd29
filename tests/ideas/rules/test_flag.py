import pytest
from django.contrib.auth.models import AnonymousUser

from ideas.models import Comment

from .conftest import MOMENTS, allowed

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("moment", list(MOMENTS))
def test_verified_people_report_others_contributions_in_any_phase(idea_of, people, moment):
    idea = idea_of(people["staff"])
    comment = Comment.objects.create(idea=idea, author=people["staff"], body="<p>x</p>")
    for target in (idea, comment):
        assert allowed(people["resident"], "ideas.flag", target, moment)
        assert not allowed(people["unverified"], "ideas.flag", target, moment)
        assert not allowed(AnonymousUser(), "ideas.flag", target, moment)
        assert not allowed(people["staff"], "ideas.flag", target, moment)
