"""Moving ideas on the board is leadership's; the transition table's guards decide when."""

import pytest

from pipeline import transitions

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("stage", ["published", "under_review", "shortlisted", "selected"])
def test_only_leadership_moves_ideas(who_may, idea_in, stage):
    assert who_may("pipeline.move_idea", idea_in(stage)) == {"leadership"}


def test_board_moves_name_leadership_only():
    for transition in transitions.TRANSITIONS:
        if transition.via in ("pipeline", "pilot"):
            assert transition.roles == ("Leadership",), transition
