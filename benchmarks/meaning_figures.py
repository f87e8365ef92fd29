"""The meaning half of :mod:`benchmarks.search_benchmark`: what the sentence encoder costs
(ideas encoded per second, the full rebuild with novelty) and how fast similar ideas are by
meaning next to words alone (today's lexical engine), on the same ideas in the same run.

The machine's 2 cores are shared, so every figure is printed with the load average
(``os.getloadavg()``, what ``uptime`` shows) taken before and after it.
"""

import os
import statistics
import time

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


def load() -> str:
    one, five, _fifteen = os.getloadavg()
    return f"load average {one:.1f} / {five:.1f} (1 / 5 min)"


def timed(function, *args, **kwargs) -> float:
    started = time.perf_counter()
    function(*args, **kwargs)
    return (time.perf_counter() - started) * 1000


def median_p95(samples: list[float]) -> tuple[float, float]:
    """(median, 95th percentile) in the unit of the samples."""
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def progress(label: str):
    state = {"tenth": -1, "started": time.perf_counter()}

    def report(done, total):
        if total and int(10 * done / total) != state["tenth"]:
            state["tenth"] = int(10 * done / total)
            seconds = time.perf_counter() - state["started"]
            print(f"  {label}: {done:,}/{total:,} after {seconds:.0f} s ({load()})", flush=True)

    return report


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
        for pk, title, summary_text in rest[start : start + 2000]:
            vector = np.frombuffer(bytes(known[rng.integers(len(known))]), dtype="<f4")
            vector = vector + rng.normal(0, 0.02, vector.shape).astype(np.float32)
            vector /= np.linalg.norm(vector)
            key = services.vector_key(model, services.gist(title, summary_text))
            batch.append(IndexedIdea(pk=pk, vector=to_bytes(vector), vector_key=key))
        IndexedIdea.objects.bulk_update(batch, ["vector", "vector_key"], batch_size=500)
    return len(chosen), rate


def rebuild_figures(args, index_seconds: float) -> None:
    """Embedding throughput and the full rebuild: index, meaning vectors, novelty of every idea."""
    from search import services, vectors
    from search.encoder import get_encoder
    from search.models import IndexedIdea

    get_encoder()
    indexed = IndexedIdea.objects.count()
    started, before = time.perf_counter(), load()
    if args.encode_sample:
        encoded, estimated = encode_sample(args.encode_sample)
    else:
        encoded = services.vectors_refresh(force=args.reencode, progress=progress("encoding"))
        estimated = None
    encode_seconds, during_encoding = time.perf_counter() - started, f"{before}; after: {load()}"
    vectors.forget()
    started = time.perf_counter()
    loaded = len(vectors.table())
    load_seconds = time.perf_counter() - started
    started, before = time.perf_counter(), load()
    scored = services.novelty_refresh_all(progress=progress("novelty"))
    novelty_seconds, during_novelty = time.perf_counter() - started, f"{before}; after: {load()}"
    print()
    print(f"Index of {indexed:,} ideas (entries and full-text vectors): {index_seconds:.0f} s")
    if estimated:
        rate = estimated
        print(f"Meaning vectors: {encoded:,} ideas encoded in {encode_seconds:.0f} s ({rate:.1f} ideas/s); "
              f"the other {indexed - encoded:,} got copies of their vectors (timing only)")  # fmt: skip
        encode_seconds = indexed / rate
    elif encoded:
        rate = encoded / encode_seconds
        print(f"Meaning vectors: {encoded:,} ideas encoded in {encode_seconds:.0f} s ({rate:.1f} ideas/s) "
              f"({during_encoding})")  # fmt: skip
    else:
        print("Meaning vectors: all current (run with --reencode to time encoding)")
    print(f"Vector table: {loaded:,} vectors loaded into memory in {load_seconds:.1f} s")
    print(f"Novelty of {scored:,} ideas (each against all earlier ones): {novelty_seconds:.0f} s ({during_novelty})")
    total = index_seconds + encode_seconds + novelty_seconds
    print(f"Full rebuild (index + vectors + novelty): {'about ' if estimated else ''}{total / 60:.1f} min")


def similar_figures(args, challenge) -> None:
    """``similar`` by meaning (backend and API) next to words alone, and the parts of a call."""
    from rest_framework.test import APIRequestFactory

    from ideas.models import IdeaStage
    from search import vectors
    from search.api import SimilarView
    from search.backends import meaning
    from search.backends.base import SIMILAR_FIELDS
    from search.backends.database import DatabaseBackend, public_entries
    from search.models import IndexedIdea
    from tests.search.paraphrases import PAIRS, top_ranks

    sample = list(SIMILAR_TEXTS) + [p for _t, _s, p in PAIRS[:50]]
    backend = DatabaseBackend()
    lexical_set = public_entries().exclude(idea__stage=IdeaStage.MERGED)
    view, factory = SimilarView.as_view(throttle_classes=[]), APIRequestFactory()

    def by_meaning(text):
        meaning._query_vector.cache_clear()  # every typed text is new to the process
        return backend.similar(text, k=5)

    def by_api(text):
        meaning._query_vector.cache_clear()
        response = view(factory.get("/api/v1/search/similar/", {"text": text, "limit": 5}))
        response.render()
        assert response.status_code == 200, response.content

    def by_words(text):
        return backend.similar_by_words(lexical_set, text, 5)

    vectors.forget()
    started = time.perf_counter()
    by_meaning(sample[0])
    print(f"\nFirst similar call of a fresh process (loads the vector table): {time.perf_counter() - started:.1f} s")
    for text in sample[:5]:
        by_meaning(text), by_api(text), by_words(text)
    before = load()
    semantic, api, lexical = [], [], []
    for _ in range(args.rounds):
        for text in sample:  # interleaved, so a burst of load from elsewhere hits all three alike
            semantic.append(timed(by_meaning, text))
            api.append(timed(by_api, text))
            lexical.append(timed(by_words, text))
    after = load()

    parts = {"encode the text": [], "look for changes": [], "exact cosine": [], "candidates query": [], "words": []}
    table = vectors.table()
    for text in sample:
        meaning._query_vector.cache_clear()
        parts["encode the text"].append(timed(meaning.query_vector, text))
        query = meaning.query_vector(text)
        vectors.changed()
        parts["look for changes"].append(timed(vectors.table))
        started = time.perf_counter()
        cosines = dict(table.nearest(query, count=meaning.CANDIDATES))
        parts["exact cosine"].append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        rows = list(lexical_set.filter(pk__in=list(cosines)).values(*SIMILAR_FIELDS))
        parts["candidates query"].append((time.perf_counter() - started) * 1000)
        parts["words"].append(timed(meaning.rescore, rows, text, cosines))

    ideas = IndexedIdea.objects.count()
    print(f"similar, {len(sample)} typed texts x {args.rounds}, {ideas:,} ideas ({before}; after: {after}):")
    for label, samples in (
        ("by meaning (hybrid), backend", semantic),
        ("by meaning, GET /api/v1/search/similar/", api),
        ("by words alone (lexical engine)", lexical),
    ):
        median, p95 = median_p95(samples)
        print(f"  {label:42} median {median:7.1f} ms   p95 {p95:7.1f} ms")
    print(
        "  parts of a call by meaning (median ms, measured alone; the look for changes is made at most once a second):"
    )
    print("   " + ", ".join(f"{label} {statistics.median(samples):.1f}" for label, samples in parts.items()))

    if args.encode_sample:
        return
    originals = dict(challenge.ideas.filter(title__in=[p[0] for p in PAIRS]).values_list("title", "pk"))
    ranks = top_ranks(backend, [originals[title] for title, _s, _p in PAIRS])
    first = sum(rank == 1 for rank in ranks) / len(ranks)
    top5 = sum(rank is not None for rank in ranks) / len(ranks)
    print(f"Similar-idea quality among {ideas:,} ideas: the original first for {first:.0%}, "
          f"in the top 5 for {top5:.0%} of {len(PAIRS)} paraphrases")  # fmt: skip
