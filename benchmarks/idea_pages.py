"""How fast are the pages residents use most, next to a bare Wagtail page — and do they stay
flat as a challenge grows?

Builds (or reuses) one challenge per size in ``--ideas`` (e.g. ``1000,100000``), starts one
gunicorn server, and for each size requests in turn a bare Wagtail page, the challenge page,
an idea page and the API idea list. Prints the median and 95th percentile of each, each
median as a multiple of the bare page's, and — with several sizes — how each multiple grew
from the smallest size to every other, all measured by the same server in the same run::

    DATABASE_URL=postgres://... python -m benchmarks.idea_pages --ideas 1000,100000 --requests 60
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


BARE = "bare Wagtail page"


def _sized(timings: dict):
    return [(key, values) for key, values in timings.items() if key != BARE]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _prepare(ideas: int) -> dict:
    """Build (or reuse) the data for one size and return the paths to measure."""
    from benchmarks.ideas_data import build_benchmark_challenge
    from home.models import HomePage, StandardPage

    challenge = build_benchmark_challenge(ideas=ideas, slug=f"benchmark-challenge-{ideas}")
    bare = StandardPage.objects.filter(slug="benchmark-bare").first()
    if bare is None:
        bare = StandardPage(title="Bare page", slug="benchmark-bare")
        HomePage.objects.first().add_child(instance=bare)
    idea = challenge.ideas.order_by("-comment_count", "id").first()
    return {
        BARE: bare.url,
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


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError as exc:
        raise argparse.ArgumentTypeError("a number of ideas, or several separated by commas") from exc
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("every size needs at least 1 idea")
    return sorted(set(sizes))


def _measure(base: str, paths: dict, requests: int) -> dict:
    timings: dict = {key: [] for key in paths}
    for round_number in range(requests + 5):
        for key, path in paths.items():  # interleaved, so load on the machine hits every page alike
            elapsed = _get(base + path)
            if round_number >= 5:
                timings[key].append(elapsed)
    return timings


def _report(size: int, bare: list[float], timings: dict[str, list[float]]) -> dict[str, float]:
    """Print one size's table; return each page's median as a multiple of the bare page's."""
    bare_median = statistics.median(bare)
    print(f"\n{size:,} ideas")
    print(f"{'page':<20} {'median ms':>10} {'p95 ms':>10} {'x bare':>8}")
    print(f"{BARE:<20} {bare_median:>10.1f} {_percentile(bare, 0.95):>10.1f} {1:>8.2f}")
    multiples = {}
    for name, values in timings.items():
        median = statistics.median(values)
        multiples[name] = median / bare_median
        print(f"{name:<20} {median:>10.1f} {_percentile(values, 0.95):>10.1f} {multiples[name]:>8.2f}")
    return multiples


def _report_growth(multiples: dict[int, dict[str, float]]) -> None:
    sizes = sorted(multiples)
    smallest = sizes[0]
    print(f"\nGrowth: each page's multiple of the bare page, against {smallest:,} ideas")
    header = "".join(f"{f'x bare @{size:,}':>16}" for size in sizes)
    growth = "".join(f"{f'growth @{size:,}':>18}" for size in sizes[1:])
    print(f"{'page':<20}{header}{growth}")
    for name in multiples[smallest]:
        row = "".join(f"{multiples[size][name]:>16.2f}" for size in sizes)
        row += "".join(f"{multiples[size][name] / multiples[smallest][name]:>17.2f}x" for size in sizes[1:])
        print(f"{name:<20}{row}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Median and p95 of idea pages next to a bare Wagtail page.")
    parser.add_argument("--requests", type=int, default=50, help="requests per page (after 5 warm-up requests)")
    parser.add_argument("--ideas", type=_sizes, default=[10_000], help="ideas in the challenge: 10000 or 1000,100000")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    if args.requests < 5:
        print("Use at least 5 requests.", file=sys.stderr)
        return 2
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "innovation.settings.dev")
    os.environ["DJANGO_DEBUG"] = "false"
    # The benchmark is one client asking many times: the API's per-address limit would stop it.
    os.environ["API_THROTTLE_ANON"] = "1000000/min"
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print("Warning: DATABASE_URL is not PostgreSQL; figures will not reflect production.", file=sys.stderr)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    paths: dict = {}
    for size in args.ideas:
        for name, path in _prepare(size).items():
            paths[BARE if name == BARE else (size, name)] = path

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
        # Every size in one interleaved loop, beside one bare page: the machine's load changes
        # during a run, and it must weigh on the sizes alike.
        timings = _measure(base, paths, args.requests)
    finally:
        server.terminate()
        server.wait(timeout=10)

    print(f"{args.requests} requests per page, gunicorn with {args.workers} worker(s)")
    multiples = {
        size: _report(size, timings[BARE], {name: values for (at, name), values in _sized(timings) if at == size})
        for size in args.ideas
    }
    if len(args.ideas) > 1:
        _report_growth(multiples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
