"""How fast is Greenlight's search, next to Wagtail's own database search backend, and what
do meaning vectors cost and bring?

Builds (or reuses) ``--ideas`` realistic generated ideas (default 100,000;
:mod:`benchmarks.civic_ideas`) in PostgreSQL and indexes them in search's own table, with
their meaning vectors. Prints, in one run:

- embedding throughput (ideas encoded per second, in batches) and the time of a full rebuild
  (index, meaning vectors, novelty of every idea; ``--reencode`` redoes all of it);
- ``similar`` median and 95th percentile by meaning (hybrid, the backend and the API view)
  next to the lexical engine alone (term overlap and trigrams), on 60 texts as residents type
  them, with the parts of one call and the load average (:mod:`benchmarks.meaning_figures`);
- the similar-idea quality on the paraphrase set (first, top 5);
- unless ``--skip-wagtail``, 20 queries with facets, suggestions and an OR search next to
  Wagtail's database backend on the same ideas::

    DATABASE_URL=postgres://... python -m benchmarks.search_benchmark --ideas 100000 --reencode

``--similar-only`` times similar ideas again on what an earlier run indexed (at a quieter
moment of the shared machine, say). Every figure comes from the same ideas in the same run.
"""

import argparse
import os
import random
import sys
import time
from datetime import timedelta

from benchmarks.meaning_figures import SIMILAR_TEXTS, median_p95, rebuild_figures, similar_figures, timed

QUERIES = [
    ("bike lanes", {}),
    ("tree planting", {}),
    ("school crossing", {"stage": "published"}),
    ("bus shelter", {}),
    ("playground", {"district": True}),
    ("library opening hours", {}),
    ('"water fountain"', {}),
    ("solar roof -school", {}),
    ("night bus or tram", {}),
    ("compost", {"tag": "greenery"}),
    ("benches river", {}),
    ("safe walking route", {"year": True}),
    ("parking", {"tag": "transport"}),
    ("market square music", {}),
    ("flooding rain garden", {}),
    ("dog park fence", {}),
    ("skate", {}),
    ("heat trees shade", {"district": True}),
    ("repair café volunteers", {}),
    ("electric scooters pavement", {}),
]
PREFIXES = ["bi", "bike l", "tre", "sch", "bus st", "libr", "wat", "sol", "gard", "play"]


TAGS = ["parks", "safety", "cycling", "walking", "greenery", "play", "culture", "energy", "transport", "water"]


def build_ideas(count: int, slug: str):
    """A challenge with ``count`` published ideas spread over three years, plus the paraphrase
    set's originals; reused when it is already there."""
    from django.utils import timezone
    from taggit.models import Tag

    from accounts.models import District
    from benchmarks.civic_ideas import civic_ideas
    from benchmarks.ideas_data import _analyze, _insert, build_benchmark_challenge, ensure_people
    from ideas.models import ChallengePage, Idea, IdeaStage, TaggedIdea
    from tests.search.paraphrases import DISTRACTORS, PAIRS

    existing = ChallengePage.objects.filter(slug=slug).first()
    if existing is not None and existing.ideas.count() == count + len(PAIRS) + len(DISTRACTORS):
        return existing, False
    challenge = build_benchmark_challenge(ideas=1, users=2_000, comments_per_idea=0, slug=slug)
    challenge.ideas.all().delete()
    people = [(person.pk, person.district_id) for person in ensure_people(2_000)]
    districts = list(District.objects.values_list("pk", flat=True))
    tags = {name: Tag.objects.get_or_create(slug=name, defaults={"name": name})[0].pk for name in TAGS}
    rng = random.Random(7)
    now = timezone.now()
    texts = [(t, s, f"<p>{s}</p>") for t, s, _p in PAIRS] + [(t, s, f"<p>{s}</p>") for t, s in DISTRACTORS]
    texts += [(title, summary, body) for title, summary, body, _topic in civic_ideas(count, seed=7)]
    rows, chosen_tags = [], []
    for n, (title, summary, body) in enumerate(texts):
        author, _district = people[n % len(people)]
        chosen = rng.sample(TAGS, rng.randint(1, 2))
        chosen_tags.append(chosen)
        published = now - timedelta(minutes=3 * 365 * 24 * 60 * (len(texts) - n) // len(texts))
        rows.append(
            (challenge.pk, author, rng.choice(districts), title[:140], summary[:280], body, "", ",".join(chosen), "",
             IdeaStage.PUBLISHED if n % 10 else IdeaStage.UNDER_REVIEW, False, "", "", rng.randint(0, 300), 0, 0, 0,
             published, published, published, published)
        )  # fmt: skip
    first_new = (Idea.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
    _insert(
        Idea,
        ["challenge_id", "author_id", "district_id", "title", "summary", "body", "image_alt", "tag_names",
         "location_name", "stage", "is_hidden", "hidden_reason", "moderation_message", "support_count",
         "comment_count", "follower_count", "flag_count", "created_at", "updated_at", "submitted_at", "published_at"],
        rows,
    )  # fmt: skip
    ids = list(Idea.objects.filter(challenge=challenge, id__gte=first_new).order_by("id").values_list("id", flat=True))
    _insert(
        TaggedIdea,
        ["content_object_id", "tag_id"],
        [(idea_id, tags[name]) for idea_id, names in zip(ids, chosen_tags, strict=True) for name in names],
    )
    _analyze(Idea, TaggedIdea)
    return challenge, True


def wagtail_baseline_model():
    """Ideas as Wagtail's search sees an indexed model: a proxy defined for this run only."""
    from wagtail.search import index

    from ideas.models import Idea

    class BenchmarkIdea(index.Indexed, Idea):
        search_fields = [
            index.SearchField("title", boost=3),
            index.AutocompleteField("title"),
            index.SearchField("summary", boost=2),
            index.SearchField("body"),
            index.FilterField("challenge_id"),
            index.FilterField("stage"),
            index.FilterField("district_id"),
            index.FilterField("published_at"),
            index.FilterField("is_hidden"),
        ]

        class Meta:
            proxy = True
            app_label = "search"

    # What Wagtail does for every indexed model when it starts.
    from modelsearch.abstract_models import TextIDGenericRelation
    from wagtail.search.models import IndexEntry

    TextIDGenericRelation(IndexEntry).contribute_to_class(BenchmarkIdea, "index_entries")
    return BenchmarkIdea


def index_wagtail(model, challenge, rebuilt: bool) -> float:
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend("default")
    search_index = backend.get_index_for_model(model)
    started = time.perf_counter()
    queryset = model.objects.filter(challenge=challenge).order_by("pk")
    if not rebuilt and backend.search("bike", queryset).count() > 0:
        return 0.0
    last = 0
    while True:
        batch = list(queryset.filter(pk__gt=last)[:2_000])
        if not batch:
            break
        search_index.add_items(model, batch)
        last = batch[-1].pk
    return time.perf_counter() - started


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ideas", type=int, default=100_000, help="generated ideas (default 100,000)")
    parser.add_argument("--rounds", type=int, default=3, help="times each query is asked (default 3)")
    parser.add_argument("--skip-wagtail", action="store_true", help="leave out the comparison with Wagtail")
    parser.add_argument(
        "--reencode", action="store_true", help="index and encode every idea again: time a full rebuild"
    )
    parser.add_argument(
        "--similar-only", action="store_true", help="only time similar ideas (on ideas indexed and encoded before)"
    )
    parser.add_argument(
        "--encode-sample",
        type=int,
        default=0,
        help="encode only this many ideas (and the paraphrase set) and give the others copies of their "
        "vectors: for timing similar ideas and novelty at scale where encoding everything takes too long; "
        "the full rebuild is then estimated from the measured throughput, and quality is not reported",
    )
    args = parser.parse_args(argv)
    if args.ideas < 100 or args.rounds < 1:
        print("--ideas must be at least 100 and --rounds at least 1", file=sys.stderr)
        return 2
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "innovation.settings.dev")
    import django

    django.setup()
    from django.db import connection

    if connection.vendor != "postgresql":
        print("The search benchmark needs PostgreSQL: set DATABASE_URL.", file=sys.stderr)
        return 2
    from django.core.management import call_command
    from wagtail.search.backends import get_search_backend

    from search import services
    from search.backends.base import SearchFilters
    from search.backends.database import DatabaseBackend
    from search.models import IndexedIdea

    call_command("migrate", verbosity=0, interactive=False)
    started = time.perf_counter()
    challenge, rebuilt = build_ideas(args.ideas, f"search-benchmark-{args.ideas}")
    print(f"Ideas: {challenge.ideas.count():,} in PostgreSQL ({time.perf_counter() - started:.0f} s to build)")
    started = time.perf_counter()
    ids = list(challenge.ideas.values_list("pk", flat=True))
    if args.reencode or rebuilt or IndexedIdea.objects.filter(challenge=challenge).count() != len(ids):
        services.index_rebuild()  # meaning vectors are timed below
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_indexedidea; ANALYZE search_indexedtag")
    index_seconds = time.perf_counter() - started
    print(f"Greenlight index: {index_seconds:.0f} s")
    if not args.similar_only:
        rebuild_figures(args, index_seconds)
    similar_figures(args, challenge)
    if args.skip_wagtail:
        return 0
    model = wagtail_baseline_model()
    print(f"Wagtail database index: {index_wagtail(model, challenge, rebuilt):.0f} s")

    ours, wagtail = DatabaseBackend(), get_search_backend("default")
    baseline_set = model.objects.filter(challenge=challenge)
    district = challenge.ideas.values_list("district__slug", "district_id").first()
    year = challenge.ideas.order_by("-published_at").first().published_at.year

    def filters_for(extra: dict) -> tuple[SearchFilters, dict]:
        mine = {
            "stage": extra.get("stage"),
            "tag": extra.get("tag"),
            "district": district[0] if extra.get("district") else None,
            "year": year if extra.get("year") else None,
        }
        theirs = {"stage": extra.get("stage"), "district_id": district[1] if extra.get("district") else None}
        return SearchFilters(**mine), {key: value for key, value in theirs.items() if value}

    def our_search(query, extra):
        results = ours.search(query, filters_for(extra)[0])
        return results.total, results.hits, results.facets

    def wagtail_search(query, extra):
        queryset = baseline_set.filter(**filters_for(extra)[1])
        results = wagtail.search(query, queryset)
        page = list(results[:20])
        return results.count(), page, [results.facet(name) for name in ("challenge_id", "stage", "district_id")]

    measurements = {
        "search, 20 queries with facets": (
            [lambda q=q, e=e: our_search(q, e) for q, e in QUERIES],
            [lambda q=q, e=e: wagtail_search(q, e) for q, e in QUERIES],
        ),
        "suggest / autocomplete": (
            [lambda p=p: ours.suggest(p) for p in PREFIXES],
            [lambda p=p: list(wagtail.autocomplete(p, baseline_set)[:8]) for p in PREFIXES],
        ),
        "similar ideas (meaning) / OR search": (
            [lambda t=t: ours.similar(t, k=5) for t in SIMILAR_TEXTS],
            [lambda t=t: list(wagtail.search(t, baseline_set, operator="or")[:5]) for t in SIMILAR_TEXTS],
        ),
    }
    print()
    print(f"{'':34} {'Greenlight':>22} {'Wagtail database':>22} {'ratio':>7}")
    print(f"{'':34} {'median':>10} {'p95':>11} {'median':>10} {'p95':>11} {'(W/G)':>7}")
    for label, (mine, theirs) in measurements.items():
        for call in mine + theirs:  # warm both caches once
            call()
        our_samples = [timed(call) for _ in range(args.rounds) for call in mine]
        their_samples = [timed(call) for _ in range(args.rounds) for call in theirs]
        (our_median, our_p95), (their_median, their_p95) = median_p95(our_samples), median_p95(their_samples)
        print(
            f"{label:34} {our_median:8.1f}ms {our_p95:9.1f}ms {their_median:8.1f}ms {their_p95:9.1f}ms"
            f" {their_median / our_median:6.1f}x"
        )
    print("(Greenlight's search also returns tag and year facets, snippets and highlighted titles.)")

    return 0


if __name__ == "__main__":
    sys.exit(main())
