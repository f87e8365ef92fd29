"""What a resident reads on a pilot page: budgets in the city's currency, KPI labels that never
print over each other, progress in plain words."""

import datetime
import re

import pytest
from django.test import override_settings

from pipeline.charts import KPIChart
from tests.factories import PilotFactory

pytestmark = pytest.mark.django_db


def _labels(svg: str) -> dict[str, float]:
    return {
        text: float(y)
        for y, text in re.findall(r'<text class="kpi-chart__label" x="[\d.]+" y="([\d.]+)"[^>]*>(\w+)<', svg)
    }


def test_labels_stay_apart_when_the_target_is_the_baseline():
    chart = KPIChart(
        name="Reported potholes fixed within a week",
        unit="%",
        baseline=80,
        target=80,
        measurements=[(datetime.date(2026, 3, 1), 78), (datetime.date(2026, 4, 1), 83)],
    )
    labels = _labels(str(chart.svg()))
    assert abs(labels["Base"] - labels["Target"]) >= 12


def test_labels_stay_apart_when_the_target_is_close_to_the_baseline():
    chart = KPIChart(name="Bus punctuality", unit="%", baseline=70, target=71, measurements=[])
    labels = _labels(str(chart.svg()))
    assert labels["Target"] < labels["Base"]  # the higher value's label on top
    assert labels["Base"] - labels["Target"] >= 12


@pytest.mark.parametrize(
    ("latest", "words"),
    [
        (127, "The latest value has gone past the target."),
        (120, "The latest value has reached the target."),
        (110, "The latest value is 50% of the way from the baseline to the target."),
        (95, "The latest value has not moved from the baseline towards the target yet."),
    ],
)
def test_progress_in_plain_words(latest, words):
    chart = KPIChart(
        name="Cyclists on Harbour Road",
        unit="a day",
        baseline=100,
        target=120,
        measurements=[(datetime.date(2026, 5, 1), latest)],
    )
    assert words in chart.description
    assert "127%" not in chart.description


@override_settings(GREENLIGHT_CURRENCY="USD")
def test_budget_shows_the_city_currency_and_the_summary_once(client, home_page):
    summary = "Forty lamps on Elm Street dim when nobody is around."
    pilot = PilotFactory.create(title="Dimming lights", summary=summary, budget_planned=48000, budget_spent=19500)
    body = client.get(pilot.url).content.decode()
    assert "$19,500 of $48,000" in body
    assert body.count(f">{summary}<") == 1  # shown once on the page (meta tags aside)


@override_settings(GREENLIGHT_CURRENCY="SEK")
def test_a_currency_without_a_symbol_is_written_after_the_amount(client, home_page):
    pilot = PilotFactory.create(title="Dimming lights", budget_planned=48000, budget_spent=19500)
    assert "19,500 SEK of 48,000 SEK" in client.get(pilot.url).content.decode()


def test_a_pilot_cannot_run_before_it_starts():
    from django.core.exceptions import ValidationError

    from pipeline.models import PilotPage

    soon = datetime.date.today() + datetime.timedelta(days=20)
    pilot = PilotPage(title="Dimming lights", department="Public Works", summary="S", status="running", starts_on=soon)
    with pytest.raises(ValidationError) as error:
        pilot.clean()
    assert "cannot be running before its start date" in error.value.message_dict["status"][0]
    pilot.status = "planned"
    pilot.clean()
