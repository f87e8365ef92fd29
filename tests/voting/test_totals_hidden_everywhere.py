"""One rule for running totals, asked by every place that shows them.

When a challenge hides running totals, support counts and the "Most supported" order are
hidden from everyone but leadership until voting closes (``ChallengePage.totals_hidden_at``,
``totals_hidden_for``). The search results and the open-data feed are the same for everyone,
so they follow the public side of the rule; the voting admin is leadership's own view.

Each row of the table below is a phase and an audience; each column a place a person would
look, on a frozen clock."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from ideas.extensions import NO_VOTING
from ideas.models import ChallengePage, totals_hidden_q
from search import services as search_services
from search.backends.database import DatabaseBackend
from tests.factories import ChallengeFactory, IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)
DAY = timedelta(days=1)
# ChallengeFactory's "voting" dates around NOW: voting opens NOW - 10 days, closes NOW + 4 days.
PHASES = {
    "before voting": {"at": NOW - 12 * DAY, "hide": True},
    "during voting": {"at": NOW, "hide": True},
    "after voting closed": {"at": NOW + 6 * DAY, "hide": True},
    "no hide flag": {"at": NOW, "hide": False},
}
SURFACES = ("page count", "most supported", "api", "search", "open data", "voting admin")
V, H = True, False  # visible, hidden

# fmt: off
EXPECTED = {
    #                                       page count  most supported  api  search  open data  voting admin
    ("before voting", "visitor"):           (H,         H,              H,   H,      H,         H),
    ("before voting", "resident"):          (H,         H,              H,   H,      H,         H),
    ("before voting", "leadership"):        (V,         V,              V,   H,      H,         V),
    ("during voting", "visitor"):           (H,         H,              H,   H,      H,         H),
    ("during voting", "resident"):          (H,         H,              H,   H,      H,         H),
    ("during voting", "leadership"):        (V,         V,              V,   H,      H,         V),
    ("after voting closed", "visitor"):     (V,         V,              V,   V,      V,         H),
    ("after voting closed", "resident"):    (V,         V,              V,   V,      V,         H),
    ("after voting closed", "leadership"):  (V,         V,              V,   V,      V,         V),
    ("no hide flag", "visitor"):            (V,         V,              V,   V,      V,         H),
    ("no hide flag", "resident"):           (V,         V,              V,   V,      V,         H),
    ("no hide flag", "leadership"):         (V,         V,              V,   V,      V,         V),
}
# fmt: on


def _viewer(audience):
    if audience == "visitor":
        return None
    return UserFactory(roles=["Residents" if audience == "resident" else "Leadership"])


def _shown_on_page(client, challenge, shade):
    return "<strong>41</strong> supports" in client.get(challenge.url).content.decode()


def _most_supported(client, challenge, shade):
    response = client.get(challenge.url, {"sort": "supported"})
    offered = 'value="supported"' in response.content.decode()
    applied = response.context["sort"] == "supported" and response.context["ideas"][0] == shade
    assert offered == applied, "the order offered and the order applied must agree"
    return applied


def _count_in_json(client, url, field):
    count = client.get(url).json()[field]
    assert count in (41, None), "the count, or nothing: never a stale or made-up one"
    return count == 41


def _api(client, challenge, shade):
    return _count_in_json(client, f"/api/v1/ideas/{shade.pk}/", "support_count")


def _search(client, challenge, shade):
    hits = DatabaseBackend().search("", sort="supported").hits
    if hits[0].support_count is None:
        assert {hit.support_count for hit in hits} == {None}
        assert hits[0].title.startswith("Lollipop crossing"), "hidden totals sort as none: newest first"
        return False
    assert [hit.support_count for hit in hits] == [41, 3]
    return True


def _open_data(client, challenge, shade):
    return _count_in_json(client, f"/api/v1/open-data/ideas/{shade.pk}/", "supports")


def _voting_admin(client, challenge, shade):
    response = client.get(f"/admin/voting/{challenge.pk}/")
    if response.status_code != 200:
        return False
    text = response.content.decode()
    note = "Running totals are hidden from the public" in text
    assert note == challenge.totals_hidden_at(), "the note says whether the public sees the totals now"
    return "<td>41</td>" in text


LOOKS = dict(zip(SURFACES, (_shown_on_page, _most_supported, _api, _search, _open_data, _voting_admin), strict=True))


@pytest.mark.parametrize(("phase", "audience"), list(EXPECTED))
def test_running_totals_are_hidden_by_one_rule_everywhere(client, home_page, phase, audience):
    with time_machine.travel(PHASES[phase]["at"], tick=False):
        challenge = ChallengeFactory.create(
            "voting",
            title="Safer walks to school",
            hide_totals_during_voting=PHASES[phase]["hide"],
            **ChallengeFactory.dates_for("voting", now=NOW),
        )
        shade = IdeaFactory(
            challenge=challenge,
            title="Plant shade trees along Harbour Road",
            summary="Harbour Road bakes in July; a row of plane trees would cool the bus stops.",
            support_count=41,
            published_at=NOW - 19 * DAY,
        )
        crossing = IdeaFactory(
            challenge=challenge,
            title="Lollipop crossing on Mill Lane at 8:15",
            summary="Volunteers with stop signs where the pavement ends, every school morning.",
            support_count=3,
            published_at=NOW - 15 * DAY,
        )
        search_services.index_refresh(idea_ids=[shade.pk, crossing.pk])
        viewer = _viewer(audience)
        if viewer is not None:
            client.force_login(viewer)

        seen = tuple(LOOKS[surface](client, challenge, shade) for surface in SURFACES)

    expected = EXPECTED[(phase, audience)]
    assert dict(zip(SURFACES, seen, strict=True)) == dict(zip(SURFACES, expected, strict=True))


@pytest.mark.parametrize("at", [NOW - 30 * DAY, NOW, NOW + 30 * DAY])
def test_a_challenge_without_a_voting_window_never_hides_totals(home_page, at):
    no_window = ChallengeFactory.create(
        "submission",
        hide_totals_during_voting=True,
        voting_method=NO_VOTING,
        voting_open=None,
        voting_close=None,
        **{
            key: value
            for key, value in ChallengeFactory.dates_for("submission", now=NOW).items()
            if not key.startswith("voting")
        },
    )
    voting = ChallengeFactory.create(
        "voting", hide_totals_during_voting=True, **ChallengeFactory.dates_for("voting", now=NOW)
    )
    hidden_by_query = set(ChallengePage.objects.filter(totals_hidden_q(at)).values_list("pk", flat=True))

    assert not no_window.totals_hidden_at(at)
    assert hidden_by_query == ({voting.pk} if voting.totals_hidden_at(at) else set())
