"""A challenge full of ideas, comments and people, built in bulk (seconds, not minutes).

Other benchmarks import it::

    from benchmarks.ideas_data import build_benchmark_challenge
    challenge = build_benchmark_challenge(ideas=10_000)

or run it on the database in ``DATABASE_URL``::

    python -m benchmarks.ideas_data --ideas 10000 --users 2000 --comments 3
"""

import argparse
import os
import random
import sys
import time
from datetime import timedelta

BATCH = 2_000
TAGS = ["parks", "safety", "cycling", "walking", "greenery", "play", "culture", "energy", "transport", "water"]
WORDS = [
    "bench",
    "tree",
    "lane",
    "crossing",
    "light",
    "path",
    "river",
    "market",
    "school",
    "park",
    "square",
    "bus",
    "bike",
    "garden",
    "fountain",
    "library",
    "café",
    "wall",
    "bridge",
    "corner",
    "playground",
    "station",
    "hill",
    "harbour",
    "street",
]


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize()


def ensure_people(count: int, *, prefix: str = "bench"):
    """``count`` verified residents (created in bulk with one password hash), reused if there."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password

    from accounts.models import District, User

    existing = list(User.objects.filter(email__startswith=f"{prefix}-").order_by("id")[:count])
    if len(existing) >= count:
        return existing
    districts = list(District.objects.all()) or [
        District.objects.get_or_create(slug=f"{prefix}-district-{n}", defaults={"name": f"District {n}"})[0]
        for n in range(6)
    ]
    password = make_password("benchmark-password")
    start = len(existing)
    users = [
        User(
            email=f"{prefix}-{n}@bench.test",
            display_name=f"Resident {n}",
            password=password,
            district=districts[n % len(districts)],
        )
        for n in range(start, count)
    ]
    created = User.objects.bulk_create(users, batch_size=BATCH)
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in created],
        batch_size=BATCH,
    )
    return existing + list(User.objects.filter(email__startswith=f"{prefix}-").order_by("id")[start:count])


def _insert(model, columns: list[str], rows: list[tuple]) -> None:
    """Insert plain rows: PostgreSQL's COPY where available (fast), ``executemany`` elsewhere."""
    from django.db import connection

    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            names = ", ".join(connection.ops.quote_name(column) for column in columns)
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            names = ", ".join(columns)
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)  # noqa: S608


def populate_challenge(challenge, *, ideas: int, authors, comments_per_idea: int = 3, seed: int = 1) -> dict:
    """Add ``ideas`` published ideas with tags and threaded comments (one thread per idea:
    a comment and its replies) to ``challenge``, counters exact, in bulk. Returns what was made."""
    from django.db import transaction
    from taggit.models import Tag

    from ideas.models import Comment, Idea, IdeaStage, TaggedIdea

    rng = random.Random(seed)
    people = [(author.pk, author.district_id) for author in authors]
    tags = {name: Tag.objects.get_or_create(slug=name, defaults={"name": name})[0].pk for name in TAGS}
    start = challenge.ideas_open
    with transaction.atomic():
        first_new = (Idea.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
        idea_rows, chosen_tags = [], []
        for n in range(ideas):
            author, district = people[n % len(people)]
            chosen = rng.sample(TAGS, rng.randint(1, 2))
            chosen_tags.append(chosen)
            published = start + timedelta(minutes=n)
            idea_rows.append(
                (
                    challenge.pk, author, district, f"{_sentence(rng, 4)} {n}", _sentence(rng, 12),
                    f"<p>{_sentence(rng, 40)}.</p>", "", ",".join(chosen), "", IdeaStage.PUBLISHED, False, "", "",
                    rng.randint(0, 300), comments_per_idea, 0, 0, published, published, published, published,
                )
            )  # fmt: skip
        _insert(
            Idea,
            [
                "challenge_id", "author_id", "district_id", "title", "summary", "body", "image_alt", "tag_names",
                "location_name", "stage", "is_hidden", "hidden_reason", "moderation_message", "support_count",
                "comment_count", "follower_count", "flag_count", "created_at", "updated_at", "submitted_at",
                "published_at",
            ],
            idea_rows,
        )  # fmt: skip
        idea_ids = list(
            Idea.objects.filter(challenge=challenge, id__gte=first_new).order_by("id").values_list("id", flat=True)
        )
        _insert(
            TaggedIdea,
            ["content_object_id", "tag_id"],
            [(idea_id, tags[name]) for idea_id, names in zip(idea_ids, chosen_tags, strict=True) for name in names],
        )
        comments = 0
        if comments_per_idea:
            columns = ["idea_id", "author_id", "parent_id", "depth", "body", "is_official", "is_deleted",
                       "is_hidden", "hidden_reason", "flag_count", "created_at"]  # fmt: skip
            first_comment = (Comment.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
            _insert(
                Comment,
                columns,
                [
                    (idea_id, rng.choice(people)[0], None, 0, f"<p>{_sentence(rng, 15)}</p>", False, False, False,
                     "", 0, start)
                    for idea_id in idea_ids
                ],
            )  # fmt: skip
            tops = Comment.objects.filter(idea_id__in=idea_ids, id__gte=first_comment, parent__isnull=True)
            replies = [
                (idea_id, rng.choice(people)[0], top_id, 1, f"<p>{_sentence(rng, 10)}</p>", False, False, False,
                 "", 0, start)
                for top_id, idea_id in tops.values_list("id", "idea_id")
                for _ in range(comments_per_idea - 1)
            ]  # fmt: skip
            _insert(Comment, columns, replies)
            comments = len(idea_ids) + len(replies)
    _analyze(Idea, Comment, TaggedIdea)
    return {"ideas": len(idea_ids), "comments": comments}


def _analyze(*models) -> None:
    """Refresh the planner's statistics after a bulk load, as autovacuum would do soon after."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for model in models:
                cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def build_benchmark_challenge(
    *, ideas: int = 10_000, users: int = 2_000, comments_per_idea: int = 3, slug: str = "benchmark-challenge"
):
    """A challenge (open for ideas and voting) with ``ideas`` ideas by ``users`` people.

    A challenge with the same slug and that many ideas is reused; a different one is replaced
    (deleting is slower than building: pick a new slug to start afresh)."""
    from django.utils import timezone

    from home import demo as home_demo
    from home.models import HomePage
    from ideas.models import ChallengeIndexPage, ChallengePage

    if HomePage.objects.first() is None:
        home_demo.load(stdout=open(os.devnull, "w"))  # noqa: SIM115
    home = HomePage.objects.first()
    index = ChallengeIndexPage.objects.first()
    if index is None:
        index = ChallengeIndexPage(title="Challenges", slug="challenges")
        home.add_child(instance=index)
    for old in ChallengePage.objects.filter(slug=slug):
        if old.ideas.count() == ideas:
            return old
        old.delete()
    now = timezone.now()
    challenge = ChallengePage(
        title="Benchmark challenge",
        slug=slug,
        question="Give us something we have never thought about",
        summary="Many ideas, for measuring pages.",
        ideas_open=now - timedelta(days=30),
        ideas_close=now + timedelta(days=30),
        voting_open=now - timedelta(days=1),
        voting_close=now + timedelta(days=40),
        review_end=now + timedelta(days=60),
        results_published=now + timedelta(days=70),
    )
    index.add_child(instance=challenge)
    people = ensure_people(users)
    populate_challenge(challenge, ideas=ideas, authors=people, comments_per_idea=comments_per_idea)
    return challenge


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ideas", type=int, default=10_000)
    parser.add_argument("--users", type=int, default=2_000)
    parser.add_argument("--comments", type=int, default=3, help="comments per idea (one thread each)")
    parser.add_argument("--slug", default="benchmark-challenge")
    args = parser.parse_args(argv)
    if min(args.ideas, args.users) < 1 or args.comments < 0:
        print("ideas and users must be at least 1, comments at least 0", file=sys.stderr)
        return 2
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "innovation.settings.dev")
    import django

    django.setup()
    started = time.perf_counter()
    challenge = build_benchmark_challenge(
        ideas=args.ideas, users=args.users, comments_per_idea=args.comments, slug=args.slug
    )
    elapsed = time.perf_counter() - started
    print(
        f"Built {challenge.ideas.count()} ideas, {args.ideas * args.comments} comments and {args.users} people "
        f"for {challenge.url} in {elapsed:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
