"""Vote benchmark: supports per second and latency through the HTTP API under gunicorn, next
to a trivial endpoint (``/healthz``, one ``SELECT 1``) on the same server in the same run,
then the pairwise refit for 1,000 ideas and 1,000,000 comparisons (the model alone, and the
whole refit from the database).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/greenlight_bench \\
    REDIS_URL=redis://127.0.0.1:6379/9 .venv/bin/python benchmarks/vote_benchmark.py

The database is created and migrated if needed; its challenge, ideas, people and votes are
replaced on every run. Options: ``--requests`` per endpoint (2,000), ``--clients``
(8 concurrent), ``--workers`` (2 gunicorn processes, 2 threads each), ``--skip-database-refit``.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/greenlight_bench")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/9")
os.environ["DJANGO_SETTINGS_MODULE"] = "innovation.settings.test"

BENCH_SLUG = "vote-benchmark"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--skip-database-refit", action="store_true")
    args = parser.parse_args()
    if not os.environ["DATABASE_URL"].startswith("postgres"):
        sys.exit("The vote benchmark needs PostgreSQL: set DATABASE_URL=postgres://…")

    subprocess.run([sys.executable, "scripts/ensure_database.py"], cwd=ROOT, check=True)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)

    print(
        f"Vote benchmark: {args.requests} requests per endpoint, {args.clients} clients, "
        f"gunicorn with {args.workers} workers x 2 threads"
    )
    ideas, tokens = _prepare_support_data(args.requests)
    with _gunicorn(args.port, args.workers):
        base = f"http://127.0.0.1:{args.port}"
        _warm_up(base, tokens[0])
        trivial = _load(args.clients, [(f"{base}/healthz", "GET", None)] * args.requests)
        jobs = [
            (f"{base}/api/v1/ideas/{ideas[i % len(ideas)]}/support/", "POST", tokens[i // len(ideas)])
            for i in range(args.requests)
        ]
        supports = _load(args.clients, jobs)
    _check_supports(args.requests)
    _report(trivial, supports)

    _pairwise_model()
    if not args.skip_database_refit:
        _pairwise_database()


# Support voting ---------------------------------------------------------------------------
def _prepare_support_data(requests: int):
    from datetime import timedelta

    from django.utils import timezone
    from rest_framework.authtoken.models import Token

    from accounts.models import User
    from ideas.models import ChallengePage, Idea
    from tests.factories import ChallengeFactory

    ChallengePage.objects.filter(slug__startswith=BENCH_SLUG).delete()
    User.objects.filter(email__endswith="@bench.greenlight.test").delete()
    now = timezone.now()
    challenge = ChallengeFactory.create(
        "voting",
        slug=f"{BENCH_SLUG}-{int(now.timestamp())}",
        title="Vote benchmark",
        **ChallengeFactory.dates_for("voting", now=now - timedelta(days=1)),
    )
    author = User.objects.create_user("author@bench.greenlight.test")
    ideas = Idea.objects.bulk_create(
        [
            Idea(challenge=challenge, author=author, title=f"Idea {n}", summary="Benchmark", stage="published")
            for n in range(50)
        ]
    )
    # Every request is a new support: people x ideas >= requests.
    people = User.objects.bulk_create(
        [User(email=f"voter{n}@bench.greenlight.test") for n in range(requests // len(ideas) + 1)]
    )
    from allauth.account.models import EmailAddress

    EmailAddress.objects.bulk_create(
        [EmailAddress(user=person, email=person.email, verified=True, primary=True) for person in people]
    )
    tokens = Token.objects.bulk_create([Token(user=person, key=Token.generate_key()) for person in people])
    return [idea.pk for idea in ideas], [token.key for token in tokens]


class _gunicorn:
    def __init__(self, port: int, workers: int):
        self.port, self.workers = port, workers

    def __enter__(self):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "innovation.settings.production",
            "SECRET_KEY": "benchmark-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "GUNICORN_WORKERS": str(self.workers),
            "GUNICORN_THREADS": "2",
            "API_THROTTLE_VOTES": "1000000/min",
            "API_THROTTLE_USER": "1000000/min",
            "LOG_LEVEL": "WARNING",
        }
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-c",
                "gunicorn.conf.py",
                "--access-logfile",
                "/dev/null",
                "innovation.wsgi",
            ],
            cwd=ROOT,
            env=env,
        )
        import requests

        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                if requests.get(f"http://127.0.0.1:{self.port}/healthz", timeout=30).ok:
                    return self
            except requests.RequestException:
                time.sleep(0.5)
        self.process.terminate()
        sys.exit("gunicorn did not start")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)


def _warm_up(base: str, token: str) -> None:
    import requests

    for _ in range(20):
        requests.get(f"{base}/healthz", timeout=10)
        requests.get(f"{base}/api/v1/me/", headers={"Authorization": f"Token {token}"}, timeout=10)


def _load(clients: int, jobs: list[tuple[str, str, str | None]]) -> dict:
    """Send the jobs from ``clients`` threads, each with a keep-alive session."""
    import threading

    import requests

    local = threading.local()

    def one(job):
        url, method, token = job
        session = getattr(local, "session", None)
        if session is None:
            session = local.session = requests.Session()
        headers = {"Authorization": f"Token {token}"} if token else {}
        started = time.perf_counter()
        response = session.request(method, url, headers=headers, timeout=60)
        return time.perf_counter() - started, response.status_code

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        results = list(pool.map(one, jobs))
    elapsed = time.perf_counter() - started
    latencies = sorted(latency for latency, _status in results)
    return {
        "rate": len(results) / elapsed,
        "p50": statistics.median(latencies) * 1000,
        "p95": latencies[int(0.95 * (len(latencies) - 1))] * 1000,
        "statuses": {status: sum(1 for _l, s in results if s == status) for status in {s for _l, s in results}},
    }


def _check_supports(requests: int) -> None:
    from django.db.models import Sum

    from ideas.models import Idea
    from voting.models import Support

    ideas = Idea.objects.filter(challenge__slug__startswith=BENCH_SLUG)
    rows = Support.objects.filter(idea__in=ideas).count()
    tally = ideas.aggregate(total=Sum("support_count"))["total"]
    if not rows == tally == requests:
        sys.exit(f"Supports are not exact: {rows} rows, tally {tally}, {requests} requests")


def _report(trivial: dict, supports: dict) -> None:
    print(f"{'endpoint':<34}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}  statuses")
    for name, figures in (("GET /healthz (baseline)", trivial), ("POST /api/v1/ideas/{id}/support/", supports)):
        print(f"{name:<34}{figures['rate']:>9.1f}{figures['p50']:>9.1f}{figures['p95']:>9.1f}  {figures['statuses']}")
    print(
        f"supports / baseline: throughput {supports['rate'] / trivial['rate']:.2f}x, "
        f"p95 latency {supports['p95'] / trivial['p95']:.2f}x; every support counted exactly"
    )


# Pairwise refit -------------------------------------------------------------------------
IDEAS = 1000
COMPARISONS = 1_000_000


def _simulated_votes(rng):
    import numpy as np

    strength = rng.normal(0.0, 1.0, IDEAS)
    first = rng.integers(0, IDEAS, COMPARISONS)
    second = (first + rng.integers(1, IDEAS, COMPARISONS)) % IDEAS
    first_wins = rng.random(COMPARISONS) < 1.0 / (1.0 + np.exp(strength[second] - strength[first]))
    return strength, first, second, first_wins


def _pairwise_model() -> None:
    import numpy as np

    from voting.ranking import fit_bradley_terry, rank_correlation

    strength, first, second, first_wins = _simulated_votes(np.random.default_rng(42))
    winners, losers = np.where(first_wins, first, second), np.where(first_wins, second, first)
    started = time.perf_counter()
    fit = fit_bradley_terry(IDEAS, winners, losers)
    elapsed = time.perf_counter() - started
    print(
        f"pairwise model fit, {IDEAS:,} ideas x {COMPARISONS:,} comparisons: {elapsed:.2f} s "
        f"(rank correlation with the planted order {rank_correlation(fit.score, strength):.3f})"
    )


def _pairwise_database() -> None:
    """The whole refit task: aggregate the votes in PostgreSQL, fit, write 1,000 scores."""
    import numpy as np
    from django.db import connection
    from django.utils import timezone

    from accounts.models import User
    from ideas.models import Idea
    from tests.factories import ChallengeFactory
    from voting import services

    challenge = ChallengeFactory.create(
        "voting", slug=f"{BENCH_SLUG}-pairwise-{int(time.time())}", title="Pairwise benchmark", voting_method="pairwise"
    )
    author = User.objects.get(email="author@bench.greenlight.test")
    ideas = Idea.objects.bulk_create(
        [
            Idea(challenge=challenge, author=author, title=f"Pair {n}", summary="Benchmark", stage="published")
            for n in range(IDEAS)
        ]
    )
    ids = np.array([idea.pk for idea in ideas])
    _strength, first, second, first_wins = _simulated_votes(np.random.default_rng(43))
    # One vote per person per pair: each simulated voter answers 500 comparisons.
    voters = User.objects.bulk_create([User(email=f"pair{n}@bench.greenlight.test") for n in range(COMPARISONS // 500)])
    voter_ids = np.repeat([voter.pk for voter in voters], 500)
    low, high = np.minimum(ids[first], ids[second]), np.maximum(ids[first], ids[second])
    outcome = np.where(first_wins == (ids[first] == low), "first", "second")
    started = time.perf_counter()
    stamp = timezone.now().isoformat()
    seen = set()
    lines = []
    for voter, a, b, result in zip(voter_ids.tolist(), low.tolist(), high.tolist(), outcome.tolist(), strict=True):
        if (voter, a, b) not in seen:
            seen.add((voter, a, b))
            lines.append(f"{voter}\t{challenge.pk}\t{a}\t{b}\t{result}\t{stamp}\t{stamp}\n")
    with (
        connection.cursor() as cursor,
        cursor.copy(
            "COPY voting_pairwisevote (voter_id, challenge_id, first_id, second_id, outcome, created_at, updated_at) "
            "FROM STDIN"
        ) as copy,
    ):
        for chunk in range(0, len(lines), 100_000):
            copy.write("".join(lines[chunk : chunk + 100_000]))
    print(f"  ({len(seen):,} votes written in {time.perf_counter() - started:.1f} s)")
    started = time.perf_counter()
    services.pairwise_scores_fit(challenge=challenge)
    elapsed = time.perf_counter() - started
    print(f"pairwise refit from the database, {IDEAS:,} ideas x {len(seen):,} votes: {elapsed:.2f} s")


if __name__ == "__main__":
    main()
