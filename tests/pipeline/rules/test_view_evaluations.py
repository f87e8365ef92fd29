import pytest

pytestmark = pytest.mark.django_db


def test_evaluators_and_leadership_open_the_pipeline_menu(who_may):
    assert who_may("pipeline.view_evaluations") == {"evaluator", "leadership"}
