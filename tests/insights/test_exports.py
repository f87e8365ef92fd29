"""Every export opens in a spreadsheet library with the right columns and rows, leaves a
record in the audit log, and holds email addresses only when leadership asks for them."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from accounts import roles
from ideas.models import EvaluationCriterion
from insights.models import Export
from pipeline.models import CriterionScore, Evaluation
from tests.factories import UserFactory

from .conftest import at


@pytest.fixture
def lead_client(client, leadership):
    client.force_login(leadership)
    return client


def read_csv(response) -> list[list[str]]:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    text = content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def read_xlsx(response) -> list[list]:
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    width = len(rows[0])
    return [row + [None] * (width - len(row)) for row in rows]  # empty last cells are not stored


def last_log(user):
    return ModelLogEntry.objects.filter(action="insights.export", user=user).order_by("-pk").first()


def test_ideas_export_as_csv_and_xlsx(programme, lead_client, leadership):
    url = reverse("insights_ideas:index")
    rows = read_csv(lead_client.get(url, {"export": "csv"}))
    assert rows[0] == [
        "Id", "Title", "Challenge", "Stage", "Hidden by moderation", "District", "Tags", "Submitted", "Published",
        "Supports", "Comments", "Followers", "Pairwise score (0–1)", "Pairwise comparisons",
        "Evaluation score (1–5)", "Novelty (0–1)", "Address",
    ]  # fmt: skip
    assert len(rows) == 1 + 7  # every submitted idea, drafts never
    by_title = {row[1]: row for row in rows[1:]}
    shade = by_title["Plant shade trees along Mill Road"]
    assert shade[2:7] == ["Greener streets", "Adopted", "no", "Riverside", "trees, shade"]
    assert shade[15] == "0.9"
    assert "@" not in "".join(",".join(r) for r in rows)  # no email addresses unless asked for
    entry = last_log(leadership)
    assert entry.data == {"what": "ideas", "format": "csv", "rows": 7, "emails": False, "filters": {}}

    sheet = read_xlsx(lead_client.get(url, {"export": "xlsx", "challenge": programme.challenge_b.pk}))
    assert sheet[0][0] == "Id" and len(sheet[0]) == 17
    assert sorted(row[1] for row in sheet[1:]) == [
        "Buy my company's speed cameras",
        "Raised crossing at Elm School",
        "School streets closed at drop-off",
    ]
    assert last_log(leadership).data["filters"] == {"challenge": str(programme.challenge_b.pk)}


def test_emails_only_when_leadership_asks(programme, lead_client, leadership):
    listing = lead_client.get(reverse("insights_ideas:index")).content.decode()
    assert "Download XLSX with email addresses" in listing
    sheet = read_xlsx(lead_client.get(reverse("insights_ideas:index"), {"export": "xlsx", "emails": "1"}))
    assert sheet[0][-1] == "Author's email"
    assert all("@" in row[-1] for row in sheet[1:])
    assert last_log(leadership).data["emails"] is True


def test_comments_export(programme, lead_client):
    rows = read_csv(lead_client.get(reverse("insights_comments:index"), {"export": "csv"}))
    assert rows[0] == [
        "Id", "Idea id", "Idea", "Challenge", "Posted", "Reply", "Official response", "Hidden by moderation",
        "Removed by its author", "Author (public name)", "Comment",
    ]  # fmt: skip
    assert len(rows) == 1 + 6
    assert {row[10] for row in rows[1:]} == {"I walk here every day."}


def test_supports_are_exported_per_idea_and_district_never_per_person(programme, lead_client, leadership):
    sheet = read_xlsx(lead_client.get(reverse("insights:supports"), {"export": "xlsx"}))
    assert sheet[0] == [
        "Idea id",
        "Idea",
        "Challenge",
        "Supporters' district",
        "Supports (empty: fewer than 5, not shown)",
    ]
    rows = {(row[1], row[3]): row[4] for row in sheet[1:]}
    # Mill Road: Riverside R4, R5, R6, S2, X = 5 shown. Station square: Old Town O4, O5 (2)
    # and Riverside S3, S4, S5 (3): both under 5, hidden. Benches: Old Town O6 (1), hidden.
    assert rows == {
        ("Plant shade trees along Mill Road", "Riverside"): 5,
        ("Fruit trees in the station square", "Old Town"): None,
        ("Fruit trees in the station square", "Riverside"): None,
        ("More benches on the river path", "Old Town"): None,
    }
    assert last_log(leadership).data["rows"] == 4
    refused = lead_client.get(reverse("insights:supports"), {"export": "pdf"})
    assert refused.status_code == 400


def test_evaluations_export(programme, lead_client):
    idea = programme.ideas["i2"]
    impact = EvaluationCriterion.objects.create(challenge=programme.challenge_a, name="Impact", weight=2)
    cost = EvaluationCriterion.objects.create(challenge=programme.challenge_a, name="Cost", weight=1)
    evaluator = UserFactory(display_name="Parks evaluator", roles=[roles.EVALUATORS])
    evaluation = Evaluation.objects.create(
        idea=idea, evaluator=evaluator, comment="Cheap to try.", submitted_at=at(programme.period.first_day)
    )
    CriterionScore.objects.create(evaluation=evaluation, criterion=impact, score=4)
    CriterionScore.objects.create(evaluation=evaluation, criterion=cost, score=1)
    rows = read_csv(lead_client.get(reverse("insights_evaluations:index"), {"export": "csv"}))
    assert rows[0][:9] == [
        "Id", "Idea id", "Idea", "Challenge", "Evaluator (public name)", "Submitted", "Scores by criterion",
        "Weighted score", "Comment",
    ]  # fmt: skip
    assert len(rows) == 2
    assert rows[1][6] == "Impact: 4; Cost: 1"
    assert rows[1][7] == "3.0"  # (2×4 + 1×1) / 3


def test_pilots_export_with_kpis_and_milestones(programme, lead_client):
    sheet = read_xlsx(lead_client.get(reverse("insights_pilots:index"), {"export": "xlsx"}))
    assert sheet[0][:4] == ["Id", "Title", "Status", "Published"]
    assert "KPIs (baseline → latest, target)" in sheet[0] and "Milestones" in sheet[0]
    assert sorted(row[1] for row in sheet[1:]) == [
        "Benches trial",
        "Shade trees on Mill Road",
        "Station square orchard",
    ]


def test_chart_data_download(programme, lead_client, leadership):
    response = lead_client.get(
        reverse("insights:chart_data", args=["districts", "csv"]),
        {"span": "custom", "start": "2026-09-07", "end": "2026-09-20"},
    )
    rows = read_csv(response)
    assert rows[0] == ["District", "Share of participants", "Share of population", "Participants", "Ideas by them"]
    assert rows[3] == ["Riverside", "57.9", "30.0", "11", "3"]
    assert rows[1][3] == ""  # Hillcrest suppressed
    assert last_log(leadership).data["what"] == "chart-districts"
    assert lead_client.get(reverse("insights:chart_data", args=["nothing", "csv"])).status_code == 404
    assert lead_client.get(reverse("insights:chart_data", args=["tags", "pdf"])).status_code == 404


def test_a_formula_typed_by_a_resident_stays_text(programme, lead_client):
    idea = programme.ideas["i4"]
    type(idea).objects.filter(pk=idea.pk).update(title='=HYPERLINK("http://evil.example","win")')
    rows = read_csv(lead_client.get(reverse("insights_ideas:index"), {"export": "csv"}))
    assert '\'=HYPERLINK("http://evil.example","win")' in [row[1] for row in rows]
    sheet = load_workbook(
        io.BytesIO(lead_client.get(reverse("insights_ideas:index"), {"export": "xlsx"}).content)
    ).active
    titles = [cell for cell in sheet["B"] if str(cell.value).startswith("=")]
    assert titles and all(cell.data_type == "s" for cell in titles)


def test_exports_are_recorded(programme, lead_client):
    lead_client.get(reverse("insights_comments:index"), {"export": "csv"})
    assert Export.objects.get().rows_total == 6
