"""voting.view_district_totals: leadership only, at any time."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("audience", ["everyone", "residents", "staff"])
@pytest.mark.parametrize("moment", ["before", "during", "after"])
def test_only_leadership_sees_totals_by_district(make_challenge, people, at, audience, moment):
    challenge = make_challenge(audience=audience)
    with at(moment):
        allowed = {name for name, person in people.items() if person.has_perm("voting.view_district_totals", challenge)}
    assert allowed == {"leadership"}
