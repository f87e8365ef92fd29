"""How fast is Greenlight's search, next to Wagtail's own database search backend, and what
do meaning vectors cost and bring?

Builds (or reuses) ``--ideas`` realistic generated ideas (default 100,000;
:mod:`benchmarks.civic_ideas`) in PostgreSQL and indexes them in search's own table, with
their meaning vectors. Prints, in one run:

- embedding throughput (ideas encoded per second, in batches) and the time of a full rebuild
  (index, meaning vectors, novelty of every idea);
- ``similar`` median and 95th percentile by meaning (hybrid) next to the lexical engine alone
  (term overlap and trigrams), on 60 texts as residents type them;
- the similar-idea quality on the paraphrase set (first, top 5);
- unless ``--skip-wagtail``, 20 queries with facets, suggestions and an OR search next to
  Wagtail's database backend on the same ideas::

    DATABASE_URL=postgres://... python -m benchmarks.search_benchmark --ideas 100000

One script on purpose (a little over 400 lines): every figure comes from the same ideas in
the same run.
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import timedelta

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


SIMILAR_TEXTS = [
    "Protected cycle lanes along the main road so children can ride to school",
    "More trees and shade in the market square for hot summer days",
    "A late bus to the hospital for night shift workers",
    "Free water refill fountains in the park",
    "Turn the empty lot into a community garden with compost bins",
    "Benches with backrests along the river path",
    "Safer crossing with a speed table outside the primary school",
    "Solar panels on the roof of the sports hall",
    "Open the library on Sunday afternoons",
    "Fenced dog park near the harbour",
]
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


def timed(function, *args, **kwargs) -> float:
    started = time.perf_counter()
    function(*args, **kwargs)
    return (time.perf_counter() - started) * 1000


def summary(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ideas", type=int, default=100_000, help="generated ideas (default 100,000)")
    parser.add_argument("--rounds", type=int, default=3, help="times each query is asked (default 3)")
    parser.add_argument("--skip-wagtail", action="store_true", help="leave out the comparison with Wagtail")
    parser.add_argument("--reencode", action="store_true", help="encode every idea again (a full rebuild)")
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
    if rebuilt or IndexedIdea.objects.filter(challenge=challenge).count() != len(ids):
        services.index_rebuild()  # meaning vectors are timed below
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_indexedidea; ANALYZE search_indexedtag")
    index_seconds = time.perf_counter() - started
    print(f"Greenlight index: {index_seconds:.0f} s")
    meaning_figures(args, challenge, index_seconds)
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
        (our_median, our_p95), (their_median, their_p95) = summary(our_samples), summary(their_samples)
        print(
            f"{label:34} {our_median:8.1f}ms {our_p95:9.1f}ms {their_median:8.1f}ms {their_p95:9.1f}ms"
            f" {their_median / our_median:6.1f}x"
        )
    print("(Greenlight's search also returns tag and year facets, snippets and highlighted titles.)")

    return 0


def encode_sample(count: int) -> tuple[int, float]:
    """Encode ``count`` ideas without a vector (the paraphrase set's originals first) and give
    every other idea a copy of one of those vectors. Returns (encoded, ideas per second)."""
    import numpy as np

    from search import services
    from search.encoder import get_encoder, to_bytes
    from search.models import IndexedIdea
    from tests.search.paraphrases import DISTRACTORS, PAIRS

    titles = {title for title, _s, _p in PAIRS} | {title for title, _s in DISTRACTORS}
    rows = list(IndexedIdea.objects.filter(vector__isnull=True).values_list("pk", "title", "summary"))
    rows.sort(key=lambda row: row[1] not in titles)
    chosen, rest = rows[:count], rows[count:]
    model = get_encoder().model_id
    started = time.perf_counter()
    services.vectors_refresh(idea_ids=[pk for pk, _t, _s in chosen])
    rate = len(chosen) / (time.perf_counter() - started)
    known = list(IndexedIdea.objects.filter(vector__isnull=False).values_list("vector", flat=True)[:count])
    rng = np.random.default_rng(7)
    for start in range(0, len(rest), 2000):
        batch = []
        for pk, title, summary in rest[start : start + 2000]:
            vector = np.frombuffer(bytes(known[rng.integers(len(known))]), dtype="<f4")
            vector = vector + rng.normal(0, 0.02, vector.shape).astype(np.float32)
            vector /= np.linalg.norm(vector)
            key = services.vector_key(model, services.gist(title, summary))
            batch.append(IndexedIdea(pk=pk, vector=to_bytes(vector), vector_key=key))
        IndexedIdea.objects.bulk_update(batch, ["vector", "vector_key"], batch_size=500)
    return len(chosen), rate


def meaning_figures(args, challenge, index_seconds: float) -> None:
    """Embedding throughput, the full rebuild with novelty, similar by meaning next to words."""
    from search import services, vectors
    from search.backends.database import DatabaseBackend, public_entries
    from search.encoder import get_encoder
    from search.models import IndexedIdea
    from tests.search.paraphrases import PAIRS, top_ranks

    def progress(label):
        state = {"tenth": -1}

        def report(done, total):
            if total and int(10 * done / total) != state["tenth"]:
                state["tenth"] = int(10 * done / total)
                print(f"  {label}: {done:,}/{total:,}", flush=True)

        return report

    get_encoder()
    indexed = IndexedIdea.objects.count()
    started = time.perf_counter()
    if args.encode_sample:
        encoded, estimated = encode_sample(args.encode_sample)
    else:
        encoded = services.vectors_refresh(force=args.reencode, progress=progress("encoding"))
        estimated = None
    encode_seconds = time.perf_counter() - started
    vectors.forget()
    started = time.perf_counter()
    loaded = len(vectors.table())
    load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    scored = services.novelty_refresh_all(progress=progress("novelty"))
    novelty_seconds = time.perf_counter() - started
    print()
    print(f"Index of {indexed:,} ideas (entries and full-text vectors): {index_seconds:.0f} s")
    if estimated:
        rate = estimated
        print(f"Meaning vectors: {encoded:,} ideas encoded in {encode_seconds:.0f} s ({rate:.1f} ideas/s); "
              f"the other {indexed - encoded:,} got copies of their vectors (timing only)")  # fmt: skip
        encode_seconds = indexed / rate
    elif encoded:
        rate = encoded / encode_seconds
        print(f"Meaning vectors: {encoded:,} ideas encoded in {encode_seconds:.0f} s ({rate:.1f} ideas/s)")
    else:
        print("Meaning vectors: all current (run with --reencode to time encoding)")
    print(f"Vector table: {loaded:,} vectors loaded into memory in {load_seconds:.1f} s")
    print(f"Novelty of {scored:,} ideas (each against all earlier ones): {novelty_seconds:.0f} s")
    total = index_seconds + encode_seconds + novelty_seconds
    print(f"Full rebuild (index + vectors + novelty): {'about ' if estimated else ''}{total / 60:.0f} min")
    sample = list(SIMILAR_TEXTS) + [p for _t, _s, p in PAIRS[:50]]
    started = time.perf_counter()
    get_encoder().encode(sample[:32])
    print(f"Encoding one batch of 32 typed texts: {(time.perf_counter() - started) * 1000 / 32:.1f} ms per text")

    backend = DatabaseBackend()
    lexical_set = public_entries()
    semantic_calls = [lambda t=t: backend.similar(t, k=5) for t in sample]
    lexical_calls = [lambda t=t: backend.similar_by_words(lexical_set, t, 5) for t in sample]
    for call in semantic_calls[:5] + lexical_calls[:5]:
        call()
    # Each typed text is new to the process: the query vector cache is cleared between rounds.
    from search.backends import meaning

    semantic = []
    for _ in range(args.rounds):
        meaning._query_vector.cache_clear()
        semantic += [timed(call) for call in semantic_calls]
    lexical = [timed(call) for _ in range(args.rounds) for call in lexical_calls]
    (sem_median, sem_p95), (lex_median, lex_p95) = summary(semantic), summary(lexical)
    print()
    print(f"similar, {len(sample)} texts x {args.rounds}: by meaning (hybrid) median {sem_median:.1f} ms, p95 "
          f"{sem_p95:.1f} ms; by words alone median {lex_median:.1f} ms, p95 {lex_p95:.1f} ms")  # fmt: skip

    if args.encode_sample:
        return
    originals = dict(challenge.ideas.filter(title__in=[p[0] for p in PAIRS]).values_list("title", "pk"))
    ranks = top_ranks(backend, [originals[title] for title, _s, _p in PAIRS])
    first = sum(rank == 1 for rank in ranks) / len(ranks)
    top5 = sum(rank is not None for rank in ranks) / len(ranks)
    print(
        f"Similar-idea quality among {IndexedIdea.objects.count():,} ideas: the original first for {first:.0%}, "
        f"in the top 5 for {top5:.0%} of {len(PAIRS)} paraphrases"
    )


if __name__ == "__main__":
    sys.exit(main())
