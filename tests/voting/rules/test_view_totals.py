"""voting.view_totals: everyone sees running totals, unless leadership hides them until voting
closes; leadership always sees them."""

import pytest
from django.contrib.auth.models import AnonymousUser

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("audience", ["everyone", "residents", "staff"])
@pytest.mark.parametrize(("moment", "hidden"), [("before", True), ("during", True), ("after", False)])
def test_hidden_totals_reappear_when_voting_closes(make_challenge, people, at, audience, moment, hidden):
    challenge = make_challenge(audience=audience, hide_totals_during_voting=True)
    with at(moment):
        assert people["resident"].has_perm("voting.view_totals", challenge) is not hidden
        assert people["staff"].has_perm("voting.view_totals", challenge) is not hidden
        assert AnonymousUser().has_perm("voting.view_totals", challenge) is not hidden
        assert people["leadership"].has_perm("voting.view_totals", challenge) is True


@pytest.mark.parametrize("moment", ["before", "during", "after"])
def test_totals_are_public_when_not_hidden(make_challenge, at, moment):
    challenge = make_challenge(hide_totals_during_voting=False)
    with at(moment):
        assert AnonymousUser().has_perm("voting.view_totals", challenge) is True
