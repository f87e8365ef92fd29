"""Voting's one rule for small counts of people, as every chart, table and export uses it."""

import pytest

from voting.selectors import suppressed_counts


@pytest.mark.parametrize(
    ("counts", "hidden"),
    [
        ([11, 6, 2, 0], {1, 2}),  # 2 is hidden, and 6 with it: else 19 - 11 - 6 gives it away
        ([3, 4, 10], {0, 1}),  # two hidden already hide each other
        ([7, 8, 5], set()),  # 5 is the minimum, so it is shown
        ([1], {0}),  # a lone small count
        ([0, 0, 9], set()),  # nobody is nobody: zeros stay shown
        ([9, 4, 0], {0, 1}),
    ],
)
def test_counts_under_five_are_hidden_with_the_next_smallest_when_alone(counts, hidden):
    assert suppressed_counts(counts, minimum=5) == hidden


def test_the_minimum_comes_from_the_voting_setting(settings):
    settings.VOTING_DISTRICT_MINIMUM = 10
    assert suppressed_counts([9, 30, 40]) == {0, 1}
