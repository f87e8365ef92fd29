"""Every chart of the dashboard against the figures worked out by hand in conftest.py."""

from insights import dashboard


def table(chart) -> list[list[str]]:
    return chart.table()[1]


def test_activity_per_week_counts_each_kind_and_each_person_once(programme):
    report = dashboard.build(period=programme.period)
    chart = report.chart("activity")
    assert chart.categories == ["7 Sep 2026", "14 Sep 2026"]
    values = {s.label: s.values for s in chart.series}
    assert values == {
        "Ideas": [4, 2],
        "Comments": [2, 3],
        "Supports": [3, 7],
        "Pairwise votes": [0, 2],
        "Participants": [9, 12],
    }
    assert report.totals["participants"] == 19
    assert report.totals["ideas"] == 6


def test_funnel_counts_every_stage_an_idea_reached_with_conversion_rates(programme):
    report = dashboard.build(period=programme.period)
    assert table(report.chart("funnel")) == [
        ["Submitted", "6", "—"],
        ["Published", "5", "83.3%"],
        ["Under review", "4", "80%"],
        ["Shortlisted", "3", "75%"],
        ["Selected", "2", "66.7%"],
        ["Piloting", "1", "50%"],
        ["Adopted", "1", "100%"],
    ]
    per_challenge = table(report.chart("challenges"))
    assert per_challenge == [
        ["Greener streets", "3", "3", "3", "3", "2", "1", "1", "66.7%"],
        ["Safer school runs", "3", "2", "1", "0", "0", "0", "0", "0%"],
    ]


def test_districts_next_to_population_with_small_counts_suppressed(programme):
    report = dashboard.build(period=programme.period)
    # Hillcrest has 2 participants (under 5): hidden, and Old Town (6), the next smallest,
    # with it, so that the hidden count cannot be worked out from the total.
    assert table(report.chart("districts")) == [
        ["Hillcrest", "—", "60%", "—", "—"],
        ["Old Town", "—", "10%", "—", "—"],
        ["Riverside", "57.9%", "30%", "11", "3"],
        ["No district given", "0%", "—", "0", "0"],
    ]


def test_residents_and_city_staff(programme):
    report = dashboard.build(period=programme.period)
    assert table(report.chart("roles")) == [["Residents", "14", "5"], ["City staff", "5", "1"]]


def test_top_tags(programme):
    report = dashboard.build(period=programme.period)
    assert table(report.chart("tags")) == [["trees", "3"], ["crossings", "2"], ["benches", "1"], ["shade", "1"]]


def test_novelty_bands_come_from_search(programme, settings):
    settings.GREENLIGHT_SEARCH = {**settings.GREENLIGHT_SEARCH, "NOVELTY_THRESHOLD": 0.85}
    report = dashboard.build(period=programme.period)
    assert table(report.chart("novelty")) == [
        ["Under 25% (repeats)", "1"],
        ["25–50%", "1"],
        ["50–85%", "1"],
        ["85% or more (new thinking)", "1"],
        ["Not measured yet", "1"],
    ]


def test_novelty_bands_follow_a_lower_threshold(programme, settings):
    settings.GREENLIGHT_SEARCH = {**settings.GREENLIGHT_SEARCH, "NOVELTY_THRESHOLD": 0.44}
    report = dashboard.build(period=programme.period)
    assert table(report.chart("novelty")) == [
        ["Under 25% (repeats)", "1"],
        ["25–44%", "1"],
        ["44% or more (new thinking)", "2"],
        ["Not measured yet", "1"],
    ]


def test_pilots_by_status_with_budget(programme):
    report = dashboard.build(period=programme.period)
    rows = {row[0]: row[1:] for row in table(report.chart("pilots"))}
    assert rows["Running"] == ["10,000", "4,000", "1"]
    assert rows["Planned"] == ["5,000", "0", "1"]
    assert rows["Stopped"] == ["0", "0", "0"]  # ended before the period


def test_one_challenge_has_its_own_figures(programme):
    report = dashboard.build(period=programme.period, challenge=programme.challenge_b)
    values = {s.label: s.values for s in report.chart("activity").series}
    assert values["Ideas"] == [1, 2]
    assert values["Pairwise votes"] == [0, 2]
    assert values["Supports"] == [0, 0]
    assert values["Participants"] == [1, 5]  # W1: S1; W2: H1, O2, H2, R1, O1
    assert "challenges" not in report.charts
