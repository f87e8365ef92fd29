"""Digest benchmark: building and sending the daily digests of 50,000 people over 500,000
notifications, next to a baseline from the same run — one plain query over the same rows.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/greenlight_bench \\
    .venv/bin/python benchmarks/digest_benchmark.py --recipients 50000 --notifications 500000

Each figure is measured in a fresh process (time, and peak resident memory from
``getrusage``), so one measurement's memory does not hide another's. The digests are also
built for a tenth of the people, to show that peak memory does not grow with their number.
Emails go to Django's dummy backend (built in full, not delivered). The people and
notifications are created once (COPY) and reused by later runs; every run puts the
notifications back in the daily queue first.
"""

import argparse
import io
import json
import os
import random
import resource
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/greenlight_bench")
os.environ["DJANGO_SETTINGS_MODULE"] = "innovation.settings.test"
os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.dummy.EmailBackend"

EMAIL_DOMAIN = "digest-bench.example.org"
IDEAS = [
    "Car-free school street on Linden Road",
    "Shade sails over the Riverside playground",
    "Benches at every bus stop on Route 9",
    "Monthly river clean-up day with the rowing club",
    "Lollipop crossing guards at the busiest school crossings",
    "Community fridge outside the Northgate library",
    "Protected bike lane on Market Street",
    "Free swimming lessons for children in summer",
    "More public toilets in the old town",
    "Tool library in the east end community centre",
    "Plant fruit trees along the canal path",
    "Late-night bus from the hospital to the suburbs",
]
EVENTS = [
    ("idea.stage_changed", "followed_ideas", {"to": "shortlisted", "note": "Strong support from the neighbourhood."}),
    ("comment.posted", "followed_ideas", {"author": "Priya Nair", "excerpt": "Would buses still get through?"}),
    ("idea.responded", "followed_ideas", {"excerpt": "The city is checking the costs with the parks department."}),
    ("challenge.phase_opened", "followed_challenges", {"phase": "voting"}),
]


def setup_django():
    import django

    django.setup()


def prepare(recipients: int, notifications: int) -> None:
    """People and notifications, created once with COPY and reused."""
    subprocess.run([sys.executable, "scripts/ensure_database.py"], cwd=ROOT, check=True)
    setup_django()
    from django.core.management import call_command
    from django.db import connection

    from accounts.models import User
    from notifications.models import Notification

    call_command("migrate", verbosity=0)
    people = User.objects.filter(email__endswith=EMAIL_DOMAIN)
    if people.count() != recipients:
        print(f"Creating {recipients:,} people...", flush=True)
        Notification.objects.filter(recipient__email__endswith=EMAIL_DOMAIN).delete()
        people.delete()
        buffer = io.StringIO()
        names = ["Amira Haddad", "Tomas Berg", "Priya Nair", "Joe Whitfield", "Lena Okafor", "Marco Ruiz"]
        for n in range(recipients):
            buffer.write(f"bench{n}@{EMAIL_DOMAIN}\t{names[n % len(names)]}\t!\tt\tf\tf\t\t\t2026-01-01 00:00:00+00\n")
        buffer.seek(0)
        with (
            connection.cursor() as cursor,
            cursor.copy(
                "COPY accounts_user (email, display_name, password, is_active, is_staff, is_superuser, "
                "first_name, last_name, date_joined) FROM STDIN"
            ) as copy,
        ):
            copy.write(buffer.read())
    ids = list(people.order_by("pk").values_list("pk", flat=True))
    existing = Notification.objects.filter(recipient__email__endswith=EMAIL_DOMAIN).count()
    if existing != notifications:
        print(f"Creating {notifications:,} notifications...", flush=True)
        Notification.objects.filter(recipient__email__endswith=EMAIL_DOMAIN).delete()
        rng = random.Random(7)
        from django.utils import timezone

        start = timezone.now() - timedelta(hours=20)
        with (
            connection.cursor() as cursor,
            cursor.copy(
                "COPY notifications_notification (recipient_id, event, kind, data, url, created_at, email_state) "
                "FROM STDIN"
            ) as copy,
        ):
            for n in range(notifications):
                event, kind, extra = EVENTS[n % len(EVENTS)]
                idea = IDEAS[rng.randrange(len(IDEAS))]
                data = json.dumps({"idea": idea, "challenge": "Greener streets", **extra, "challenge_id": 1})
                created = (start + timedelta(seconds=n % 70000)).isoformat()
                url = f"/ideas/{1 + n % 5000}/"
                row = f"{ids[n % len(ids)]}\t{event}\t{kind}\t{data}\t{url}\t{created}\tdaily\n"
                copy.write(row)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE notifications_notification")


def reset(share: float) -> None:
    """Put the benchmark's notifications back in the daily queue (for ``share`` of the people)."""
    setup_django()
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM notifications_sentemail WHERE key LIKE 'digest:daily:%%'")
        cursor.execute(
            "UPDATE notifications_notification n "
            "SET email_state = CASE WHEN u.id %% %s = 0 THEN 'daily' ELSE 'sent' END, emailed_at = NULL "
            "FROM accounts_user u WHERE u.id = n.recipient_id AND u.email LIKE %s",
            [round(1 / share), f"%@{EMAIL_DOMAIN}"],
        )
        cursor.execute("VACUUM ANALYZE notifications_notification")


def measure(kind: str) -> dict:
    """Run one measurement in this (fresh) process; print it as JSON."""
    setup_django()
    from django.utils import timezone

    from notifications import digests
    from notifications.models import Notification

    started = time.perf_counter()
    if kind == "baseline":
        rows = list(
            Notification.objects.filter(email_state="daily", created_at__lte=timezone.now()).values_list(
                "id", "recipient_id", "event", "kind", "data", "url", "created_at"
            )
        )
        count = len(rows)
        people = len({row[1] for row in rows})
    else:
        people = Notification.objects.filter(email_state="daily").values("recipient_id").distinct().count()
        count = Notification.objects.filter(email_state="daily").count()
        sent = digests.send_due(frequency="daily")
        assert sent == people, (sent, people)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"kind": kind, "seconds": seconds, "peak_mb": peak_mb, "rows": count, "people": people}


def run(kind: str) -> dict:
    output = subprocess.run(
        [sys.executable, __file__, "--measure", kind], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--recipients", type=int, default=50_000)
    parser.add_argument("--notifications", type=int, default=500_000)
    parser.add_argument("--measure", choices=["baseline", "digest"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return
    prepare(args.recipients, args.notifications)
    print(
        f"Digest benchmark: {args.recipients:,} people, {args.notifications:,} notifications "
        "waiting for the daily digest"
    )
    results = []
    for share, kind in [(1.0, "baseline"), (0.1, "digest"), (1.0, "digest")]:
        reset(share)
        result = run(kind)
        results.append(result)
        label = "baseline: one plain query over the rows" if kind == "baseline" else "daily digests, built and sent"
        print(
            f"  {label:<42} {result['people']:>7,} people {result['rows']:>8,} rows "
            f"{result['seconds']:>8.1f} s  peak {result['peak_mb']:>7.1f} MB",
            flush=True,
        )
    small, full = results[1], results[2]
    print(
        f"  peak memory, digests for {full['people']:,} vs {small['people']:,} people: "
        f"{full['peak_mb']:.1f} vs {small['peak_mb']:.1f} MB; "
        f"{full['people'] / full['seconds']:.0f} digests per second"
    )


if __name__ == "__main__":
    main()
