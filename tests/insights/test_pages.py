"""The dashboard, a challenge's report and the admin home panel, as leadership sees them."""

import pytest
from django.urls import reverse

from accounts import roles
from tests.factories import IdeaFactory, UserFactory

from .conftest import START


@pytest.fixture
def lead_client(client, leadership):
    client.force_login(leadership)
    return client


CUSTOM = {"span": "custom", "start": START.isoformat(), "end": "2026-09-20"}


def test_dashboard_shows_the_period_chosen(programme, lead_client):
    response = lead_client.get(reverse("insights:index"), CUSTOM)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Showing 7 Sep 2026 to 20 Sep 2026." in html
    assert html.count("<svg") >= 7
    assert "Participation by district next to population" in html
    assert 'href="/admin/insights/data/districts.csv?span=custom&amp;start=2026-09-07&amp;end=2026-09-20"' in html
    # Another period: nothing happened in the last four weeks of the real calendar here.
    response = lead_client.get(reverse("insights:index"), {"span": "4w"})
    assert "Showing 7 Sep 2026" not in response.content.decode()


def test_a_bad_period_is_a_form_error_not_a_500(programme, lead_client):
    response = lead_client.get(
        reverse("insights:index"), {"span": "custom", "start": "2026-09-20", "end": "2026-09-01"}
    )
    assert response.status_code == 200
    assert "The end date must not be before the start date." in response.content.decode()
    response = lead_client.get(reverse("insights:index"), {"span": "custom", "start": "not a date"})
    assert response.status_code == 200


def test_challenge_report_ranks_side_by_side(programme, lead_client):
    response = lead_client.get(reverse("insights:challenge", args=[programme.challenge_a.pk]), CUSTOM)
    assert response.status_code == 200
    rankings = {r["key"]: [idea.title for idea, _v in r["ideas"]] for r in response.context["rankings"]}
    assert rankings["supports"][0] == "Plant shade trees along Mill Road"  # 4 supports
    assert rankings["novelty"] == [
        "Plant shade trees along Mill Road",
        "More benches on the river path",
        "Fruit trees in the station square",
    ]
    assert lead_client.get(reverse("insights:challenge", args=[999999])).status_code == 404


def test_only_leadership_sees_insights(programme, client):
    moderator = UserFactory(roles=[roles.MODERATORS])
    client.force_login(moderator)
    # The admin answers a refused page by sending the person back to its home page.
    for url in (
        reverse("insights:index"),
        reverse("insights:chart_data", args=["districts", "csv"]),
        reverse("insights_ideas:index"),
        reverse("insights_ideas:index") + "?export=csv",
        reverse("insights:supports") + "?export=csv",
    ):
        assert client.get(url).status_code in (302, 403), url
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "The programme in the last four weeks" not in home


def test_admin_home_has_the_summary_panel_for_leadership(programme, lead_client):
    html = lead_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "The programme in the last four weeks" in html
    assert "Open the full dashboard" in html


# Session, user and roles, the admin's furniture, and the figures (one aggregate over every
# kind of activity, two for the funnel, one each for districts, tags, novelty, pilots and
# challenge titles).
DASHBOARD_QUERIES = 18


def _dashboard_queries(client, django_assert_max_num_queries, limit):
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(reverse("insights:index"), CUSTOM)
    assert response.status_code == 200
    return len(captured)


def test_dashboard_query_count_does_not_grow_with_ideas(
    programme, lead_client, django_assert_max_num_queries, settings
):
    settings.INSIGHTS_CACHE_SECONDS = 0  # compute every time
    before = _dashboard_queries(lead_client, django_assert_max_num_queries, DASHBOARD_QUERIES)
    for number in range(30):
        IdeaFactory(
            challenge=programme.challenge_a,
            title=f"Another idea about street trees {number}",
            submitted_at=programme.period.start,
        )
    after = _dashboard_queries(lead_client, django_assert_max_num_queries, DASHBOARD_QUERIES)
    assert after == before


def test_figures_are_kept_in_the_cache_and_refreshed_by_beat(
    programme, lead_client, django_assert_max_num_queries, settings
):
    from insights import dashboard, tasks
    from insights.periods import period_ending

    first = _dashboard_queries(lead_client, django_assert_max_num_queries, DASHBOARD_QUERIES)
    cached = _dashboard_queries(lead_client, django_assert_max_num_queries, DASHBOARD_QUERIES)
    assert cached <= first - 8  # none of the figure queries
    assert tasks.refresh_dashboard() == 3
    assert dashboard.figures(period=period_ending(span="12w")).computed_at is not None
