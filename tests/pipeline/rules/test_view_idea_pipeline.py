import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("stage", ["published", "shortlisted", "piloting"])
def test_moderators_and_leadership_open_an_ideas_pipeline_page(who_may, idea_in, stage):
    assert who_may("pipeline.view_idea_pipeline", idea_in(stage)) == {"moderator", "leadership"}
