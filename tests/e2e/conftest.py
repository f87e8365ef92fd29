"""Browser journeys: Debian's Chromium driven by Playwright against a live server on PostgreSQL.

Where Chromium is missing the journeys skip with a reason; under CI a missing browser fails.
Every page a journey visits is checked with axe-core for WCAG 2.1 AA.
"""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-results"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        message = f"Chromium is not installed at {CHROMIUM}"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; CI must have a browser.")
        pytest.skip(f"{message}; browser journeys skipped.")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture
def journey(page, live_server, request):
    """The browser page plus helpers: ``go(path)``, ``check_a11y()`` and a screenshot on failure."""
    from tests.e2e.helpers import Journey

    j = Journey(page=page, base_url=live_server.url)
    yield j
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        for index, shot in enumerate(j.steps):
            (ARTIFACTS / f"{request.node.name}-{index:02d}-{shot['name']}.png").write_bytes(shot["png"])
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}-final.png"), full_page=True)


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)
