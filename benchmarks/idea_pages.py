"""How fast are the pages residents use most, next to a bare Wagtail page?

Builds (or reuses) a challenge with 10,000 ideas, starts one gunicorn server, and requests in
turn a bare Wagtail page, the challenge page, an idea page and the API idea list. Prints the
median and 95th percentile of each, and each median as a multiple of the bare page's — all
measured by the same server in the same run::

    DATABASE_URL=postgres://... python -m benchmarks.idea_pages --requests 60
"""

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _prepare(ideas: int) -> dict:
    """Migrate, build the data and return the paths to measure."""
    import django

    django.setup()
    from django.core.management import call_command

    from benchmarks.ideas_data import build_benchmark_challenge
    from home.models import HomePage, StandardPage

    call_command("migrate", verbosity=0, interactive=False)
    challenge = build_benchmark_challenge(ideas=ideas)
    bare = StandardPage.objects.filter(slug="benchmark-bare").first()
    if bare is None:
        bare = StandardPage(title="Bare page", slug="benchmark-bare")
        HomePage.objects.first().add_child(instance=bare)
    idea = challenge.ideas.order_by("-comment_count", "id").first()
    return {
        "bare Wagtail page": bare.url,
        "challenge page": challenge.url,
        "idea page": idea.get_absolute_url(),
        "API idea list": f"/api/v1/challenges/{challenge.pk}/ideas/",
    }


def _get(url: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (our own local server)
        response.read()
        if response.status != 200:
            raise RuntimeError(f"{url} answered {response.status}")
    return (time.perf_counter() - started) * 1000


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Median and p95 of idea pages next to a bare Wagtail page.")
    parser.add_argument("--requests", type=int, default=50, help="requests per page (after 5 warm-up requests)")
    parser.add_argument("--ideas", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    if args.requests < 5 or args.ideas < 1:
        print("Use at least 5 requests and 1 idea.", file=sys.stderr)
        return 2
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "innovation.settings.dev")
    os.environ["DJANGO_DEBUG"] = "false"
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print("Warning: DATABASE_URL is not PostgreSQL; figures will not reflect production.", file=sys.stderr)
    paths = _prepare(args.ideas)

    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "innovation.wsgi", "-b", f"127.0.0.1:{port}", "-w", str(args.workers)],
        cwd=ROOT,
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                _get(base + "/healthz")
                break
            except OSError:
                time.sleep(0.2)
        else:
            print("The server did not start: " + server.stderr.read(2000).decode(), file=sys.stderr)
            return 1
        timings: dict[str, list[float]] = {name: [] for name in paths}
        for round_number in range(args.requests + 5):
            for name, path in paths.items():  # interleaved, so load on the machine hits every page alike
                elapsed = _get(base + path)
                if round_number >= 5:
                    timings[name].append(elapsed)
    finally:
        server.terminate()
        server.wait(timeout=10)

    bare = statistics.median(timings["bare Wagtail page"])
    print(f"{args.requests} requests per page, {args.ideas} ideas, gunicorn with {args.workers} worker(s)")
    print(f"{'page':<20} {'median ms':>10} {'p95 ms':>10} {'x bare':>8}")
    for name, values in timings.items():
        median = statistics.median(values)
        print(f"{name:<20} {median:>10.1f} {_percentile(values, 0.95):>10.1f} {median / bare:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
