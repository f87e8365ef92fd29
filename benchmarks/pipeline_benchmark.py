"""Pipeline benchmark: building the board of a challenge with many ideas (with evaluations),
and moving many ideas at once, each next to a baseline measured in the same run — the plain
query of the same ideas, and a bare ``UPDATE`` of their stage.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/greenlight_bench \\
    .venv/bin/python benchmarks/pipeline_benchmark.py --ideas 1000

The database is created and migrated if needed; the benchmark's challenge is replaced on
every run. Options: ``--ideas`` on the board (1,000), ``--move`` ideas moved at once (200),
``--repeat`` timings per figure (15; the median is printed).
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/greenlight_bench")
os.environ["DJANGO_SETTINGS_MODULE"] = "innovation.settings.test"

SLUG = "pipeline-benchmark"
STAGES = ["published", "under_review", "shortlisted", "selected", "piloting", "adopted", "not_pursued"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ideas", type=int, default=1000)
    parser.add_argument("--move", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    subprocess.run([sys.executable, "scripts/ensure_database.py"], cwd=ROOT, check=True)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    challenge, leader = _prepare(args.ideas)
    print(f"Pipeline benchmark: {args.ideas} ideas on the board, {args.move} moved at once")
    _board(challenge, args.repeat)
    _move(challenge, leader, args.move)


def _prepare(count: int):
    from django.contrib.auth.models import Group

    from accounts.models import User
    from ideas.models import ChallengePage, EvaluationCriterion, Idea
    from pipeline.models import CriterionScore, Evaluation
    from tests.factories import ChallengeFactory, UserFactory

    for old in ChallengePage.objects.filter(slug=SLUG):
        old.delete()
    challenge = ChallengeFactory.create("review", slug=SLUG, title="Pipeline benchmark")
    criteria = [
        EvaluationCriterion.objects.create(challenge=challenge, name=name, weight=weight, sort_order=n)
        for n, (name, weight) in enumerate([("Impact", 3), ("Cost", 2), ("Feasibility", 1)])
    ]
    leader = User.objects.filter(email="bench-leader@example.org").first() or UserFactory(
        email="bench-leader@example.org", roles=["Leadership"]
    )
    evaluators = list(User.objects.filter(email__startswith="bench-evaluator")) or [
        UserFactory(email=f"bench-evaluator{n}@example.org", roles=["Evaluators"]) for n in range(3)
    ]
    Group.objects.get_or_create(name="Leadership")
    ideas = Idea.objects.bulk_create(
        Idea(challenge=challenge, author=leader, title=f"Idea {n}", summary="S", stage=STAGES[n % len(STAGES)])
        for n in range(count)
    )
    evaluations = Evaluation.objects.bulk_create(
        Evaluation(idea=idea, evaluator=person, submitted_at=challenge.review_end)
        for idea in ideas
        if idea.stage == "shortlisted"
        for person in evaluators
    )
    CriterionScore.objects.bulk_create(
        CriterionScore(evaluation=e, criterion=c, score=1 + (e.pk + c.pk) % 5) for e in evaluations for c in criteria
    )
    return challenge, leader


def _timed(call, repeat: int) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            call()
            times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000, len(queries)


def _board(challenge, repeat: int) -> None:
    from ideas.models import Idea
    from pipeline import selectors

    base_ms, base_q = _timed(lambda: list(Idea.objects.filter(challenge=challenge).select_related("district")), repeat)
    board_ms, board_q = _timed(lambda: selectors.board(challenge=challenge), repeat)
    print(f"  baseline: plain query of the ideas   {base_ms:8.1f} ms  {base_q:3d} queries")
    print(f"  board with every card figure         {board_ms:8.1f} ms  {board_q:3d} queries")


def _move(challenge, leader, count: int) -> None:
    from django.db import transaction

    from ideas.models import Idea
    from pipeline import services

    ideas = list(Idea.objects.filter(challenge=challenge, stage="under_review")[:count])
    pks = [idea.pk for idea in ideas]
    started = time.perf_counter()
    with transaction.atomic():
        Idea.objects.filter(pk__in=pks).update(stage="shortlisted")
        transaction.set_rollback(True)
    base_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    services.ideas_move(ideas=ideas, target="shortlisted", actor=leader, note="Benchmark")
    move_ms = (time.perf_counter() - started) * 1000
    print(f"  baseline: one UPDATE of {len(pks)} stages     {base_ms:8.1f} ms")
    each = move_ms / max(len(pks), 1)
    print(f"  ideas_move of {len(pks)} (checked, recorded)  {move_ms:8.1f} ms  ({each:.2f} ms an idea)")


if __name__ == "__main__":
    main()
