import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("stage", ["under_review", "shortlisted", "selected"])
def test_only_leadership_reads_the_evaluation_summary(who_may, idea_in, stage):
    assert who_may("pipeline.view_evaluation_summary", idea_in(stage)) == {"leadership"}
