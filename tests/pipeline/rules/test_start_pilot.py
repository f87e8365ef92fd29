import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("stage", "allowed"),
    [("shortlisted", set()), ("selected", {"leadership"}), ("piloting", set())],
)
def test_leadership_starts_pilots_from_selected_ideas(who_may, idea_in, stage, allowed):
    assert who_may("pipeline.start_pilot", idea_in(stage)) == allowed
