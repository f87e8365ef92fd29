"""The leadership dashboard on a large programme: 100,000 ideas and 1,000,000 supports.

Prints the median and 95th percentile of the dashboard page (last 12 weeks, all of the
data) with its figures computed by the request (cache emptied first) and read from the cache
(as beat keeps them), the admin home with the insights panel, and the same admin home without
the panel, measured in the same run by the same client; plus the number of queries of each. Use a
PostgreSQL database of its own::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/greenlight_bench \\
        python -m benchmarks.insights_benchmark --ideas 100000 --supports 1000000

The first run builds the data (ideas and comments with COPY, supports, pairwise votes and
novelty with INSERT ... SELECT: a few minutes); later runs reuse it.
"""

import argparse
import os
import statistics
import sys
import time

SLUG = "insights-benchmark"
POPULATIONS = (42_000, 18_500, 61_000, 27_300, 9_800, 35_400)


def build(*, ideas: int, supports: int, users: int) -> dict:
    from django.db import connection

    from accounts.models import District
    from benchmarks.ideas_data import _analyze, build_benchmark_challenge, ensure_people
    from ideas.models import Comment, Idea
    from search.models import IndexedIdea
    from voting.models import PairwiseVote, Support

    started = time.perf_counter()
    challenge = build_benchmark_challenge(ideas=ideas, users=users, comments_per_idea=2, slug=SLUG)
    people = ensure_people(users)
    for district, population in zip(District.objects.order_by("pk"), POPULATIONS, strict=False):
        District.objects.filter(pk=district.pk).update(population=population)
    idea_table, user_table = Idea._meta.db_table, people[0]._meta.db_table
    with connection.cursor() as cursor:
        if not Support.objects.filter(idea__challenge=challenge).exists():
            # Spread over the last 80 days, through the stages of the pipeline.
            cursor.execute(
                f"UPDATE {idea_table} SET submitted_at = now() - (id %% 80) * interval '1 day' - (id %% 1440) * "  # noqa: S608
                "interval '1 minute', stage = (ARRAY['published','published','published','under_review',"
                "'shortlisted','selected','piloting','adopted','not_pursued','rejected'])[1 + id %% 10] "
                "WHERE challenge_id = %s",
                [challenge.pk],
            )
            cursor.execute(
                f"UPDATE {idea_table} SET published_at = submitted_at, created_at = submitted_at "  # noqa: S608
                "WHERE challenge_id = %s",
                [challenge.pk],
            )
            cursor.execute(
                f"""
                WITH u AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM {user_table}
                           WHERE email LIKE 'bench-%%'),
                     i AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM {idea_table}
                           WHERE challenge_id = %s)
                INSERT INTO {Support._meta.db_table} (voter_id, idea_id, created_at)
                SELECT u.id, i.id, now() - (g %% 80) * interval '1 day' - (g %% 997) * interval '1 minute'
                FROM generate_series(0, %s - 1) AS g
                JOIN u ON u.n = g %% %s
                JOIN i ON i.n = ((g %% %s) * 31 + (g / %s) * 1999) %% %s
                """,  # noqa: S608
                [challenge.pk, supports, users, users, users, ideas],
            )
            cursor.execute(
                f"""
                INSERT INTO {PairwiseVote._meta.db_table}
                    (voter_id, challenge_id, first_id, second_id, outcome, created_at, updated_at)
                SELECT DISTINCT ON (s.voter_id, s.idea_id) s.voter_id, %s, s.idea_id, s.idea_id + 1, 'first',
                       s.created_at, s.created_at
                FROM {Support._meta.db_table} s JOIN {idea_table} i ON i.id = s.idea_id
                WHERE i.challenge_id = %s AND s.id %% 10 = 0
                  AND EXISTS (SELECT 1 FROM {idea_table} j WHERE j.id = s.idea_id + 1)
                """,  # noqa: S608
                [challenge.pk, challenge.pk],
            )
            cursor.execute(
                f"""
                INSERT INTO {IndexedIdea._meta.db_table}
                    (idea_id, challenge_id, district_id, stage, year, published_at, title, summary, body_text,
                     tag_text, challenge_title, support_count, novelty, indexed_at)
                SELECT id, challenge_id, district_id, stage, 2026, published_at, title, summary, '', tag_names,
                       %s, support_count, (id * 7919 %% 1000) / 1000.0, now()
                FROM {idea_table} WHERE challenge_id = %s AND stage <> 'rejected'
                ON CONFLICT DO NOTHING
                """,  # noqa: S608
                [challenge.title, challenge.pk],
            )
    _analyze(Idea, Comment, Support, PairwiseVote, IndexedIdea)
    return {
        "ideas": Idea.objects.filter(challenge=challenge).count(),
        "supports": Support.objects.filter(idea__challenge=challenge).count(),
        "comments": Comment.objects.filter(idea__challenge=challenge).count(),
        "pairwise": PairwiseVote.objects.filter(challenge=challenge).count(),
        "people": len(people),
        "seconds": time.perf_counter() - started,
    }


def measure(client, path: str, runs: int, *, cold: bool = False) -> dict:
    """Median and p95 of ``runs`` requests; ``cold`` empties the cache before each, so the
    figures are computed by the request itself."""
    from django.core.cache import cache
    from django.db import connection, reset_queries

    client.get(path)  # warm connections (and the cache, unless cold)
    times, queries = [], 0
    for _ in range(runs):
        if cold:
            cache.clear()
        reset_queries()
        started = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
        queries = len(connection.queries)
    times.sort()
    return {
        "median": statistics.median(times),
        "p95": times[min(len(times) - 1, round(0.95 * (len(times) - 1)))],
        "queries": queries,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ideas", type=int, default=100_000)
    parser.add_argument("--supports", type=int, default=1_000_000)
    parser.add_argument("--users", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    per_person = -(-args.supports // args.users)
    if (per_person - 1) * 1999 >= args.ideas:
        print("too many supports for these people and ideas (one per person per idea)", file=sys.stderr)
        return 2
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "innovation.settings.dev")
    os.environ.setdefault("GREENLIGHT_ADMIN_REQUIRES_MFA", "false")
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment
    from wagtail import hooks

    from accounts import roles
    from accounts.models import User

    if connection.vendor != "postgresql":
        print("Use a PostgreSQL DATABASE_URL of its own.", file=sys.stderr)
        return 2
    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    call_command("migrate", verbosity=0)
    data = build(ideas=args.ideas, supports=args.supports, users=args.users)
    print(
        f"Data: {data['ideas']:,} ideas, {data['supports']:,} supports, {data['comments']:,} comments, "
        f"{data['pairwise']:,} pairwise votes, {data['people']:,} people (ready in {data['seconds']:.0f} s)"
    )
    lead, _created = User.objects.get_or_create(email="bench-leadership@bench.test", defaults={"is_staff": True})
    lead.groups.add(*Group.objects.filter(name=roles.LEADERSHIP))
    client = Client()
    client.force_login(lead)
    with CaptureQueriesContext(connection):
        computed = measure(client, "/admin/insights/", max(3, args.runs // 3), cold=True)
        dashboard = measure(client, "/admin/insights/", args.runs)
        with_panel = measure(client, "/admin/", args.runs)
        panel_hooks = hooks._hooks["construct_homepage_panels"]
        from insights.wagtail_hooks import add_summary_panel

        hooks._hooks["construct_homepage_panels"] = [h for h in panel_hooks if h[0] is not add_summary_panel]
        try:
            without_panel = measure(client, "/admin/", args.runs)
        finally:
            hooks._hooks["construct_homepage_panels"] = panel_hooks
    print(f"{'page':<36}{'median ms':>10}{'p95 ms':>10}{'queries':>9}")
    for label, figures in (
        ("dashboard, figures computed", computed),
        ("dashboard, figures from the cache", dashboard),
        ("admin home with the panel", with_panel),
        ("admin home without the panel", without_panel),
    ):
        print(f"{label:<36}{figures['median']:>10.0f}{figures['p95']:>10.0f}{figures['queries']:>9}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
