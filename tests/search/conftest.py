import pytest
from django.db import connection
from django.utils import timezone

from search import services
from tests.factories import ChallengeFactory, DistrictFactory, IdeaFactory


@pytest.fixture
def index_in_database(db):
    """Index ideas in search's own table, as the indexing task does."""

    def index(ideas):
        services.index_refresh(idea_ids=[idea.pk for idea in ideas])

    return index


@pytest.fixture
def postgres_only(db):
    if connection.vendor != "postgresql":
        pytest.skip(f"needs PostgreSQL; this run uses {connection.vendor}")


@pytest.fixture
def city(db):
    """A small city: two challenges, districts, tagged ideas in several stages."""
    harbour = DistrictFactory(name="Harbour", slug="harbour")
    old_town = DistrictFactory(name="Old Town", slug="old-town")
    mobility = ChallengeFactory.create("submission", title="Safer streets")
    parks = ChallengeFactory.create("voting", title="Greener parks")
    now = timezone.now()

    def idea(title, summary, body="", *, challenge=mobility, district=None, tags=(), days_ago=1, **extra):
        extra.setdefault("published_at", now - timezone.timedelta(days=days_ago))
        created = IdeaFactory(
            title=title,
            summary=summary,
            body=body or f"<p>{summary}</p>",
            challenge=challenge,
            district=district,
            **extra,
        )
        if tags:
            created.tags.add(*tags)
        return created

    ideas = {
        "bike": idea(
            "Protected bike lanes on Main Street",
            "Separate cyclists from cars with kerbs along Main Street.",
            "<p>Children could <strong>cycle</strong> to school safely.</p>",
            district=harbour,
            tags=["cycling", "safety"],
            days_ago=30,
            support_count=12,
        ),
        "crossing": idea(
            "Raised zebra crossings near schools",
            "Slow traffic where children cross to the primary school.",
            district=old_town,
            tags=["safety"],
            days_ago=20,
            support_count=40,
        ),
        "trees": idea(
            "Plant fruit trees in every park",
            "Apple and pear trees that anyone may pick from.",
            "<p>Neighbours would look after them together.</p>",
            challenge=parks,
            district=harbour,
            tags=["trees", "food"],
            days_ago=10,
            support_count=3,
        ),
        "benches": idea(
            "Shaded benches along the river path",
            "Older people need somewhere to rest on hot days.",
            "<p>Place them every 200 metres, near the bike parking.</p>",
            challenge=parks,
            district=old_town,
            tags=["seating"],
            days_ago=5,
            stage="under_review",
        ),
        "hidden": idea(
            "Bike lanes everywhere (spam)",
            "Buy cheap bikes at example dot com.",
            is_hidden=True,
            days_ago=2,
        ),
        "draft": idea("Bike sharing draft", "Not yet shared.", stage="draft", published_at=None),
        "script": idea(
            "Night market <script>alert(1)</script>",
            "Food stalls & music on Fridays <b>in the square</b>.",
            "<p>&lt;script&gt;alert('x')&lt;/script&gt; market stalls</p>",
            days_ago=3,
        ),
    }
    return ideas
