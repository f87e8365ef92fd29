"""voting.view_district_totals: leadership only, at any time."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("audience", ["everyone", "residents", "staff"])
@pytest.mark.parametrize("moment", ["before", "during", "after"])
def test_only_leadership_sees_totals_by_district(make_challenge, who_may, audience, moment):
    challenge = make_challenge(audience=audience)
    assert who_may("voting.view_district_totals", challenge, moment) == {"leadership"}
