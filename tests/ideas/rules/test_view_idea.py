import pytest
from django.contrib.auth.models import AnonymousUser

from .conftest import MOMENTS, allowed

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("moment", list(MOMENTS))
def test_public_ideas_are_visible_to_everyone_in_every_phase(idea_of, people, moment):
    idea = idea_of(people["resident"])
    assert allowed(AnonymousUser(), "ideas.view_idea", idea, moment)


@pytest.mark.parametrize("moment", list(MOMENTS))
def test_drafts_and_hidden_ideas_are_visible_to_their_author_and_moderators_only(idea_of, people, moment):
    draft = idea_of(people["resident"], stage="draft")
    hidden = idea_of(people["resident"], is_hidden=True)
    for idea in (draft, hidden):
        assert allowed(people["resident"], "ideas.view_idea", idea, moment)
        assert allowed(people["moderator"], "ideas.view_idea", idea, moment)
        assert not allowed(people["staff"], "ideas.view_idea", idea, moment)
        assert not allowed(AnonymousUser(), "ideas.view_idea", idea, moment)
