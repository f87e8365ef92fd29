"""A real Celery worker process for tests of what happens in the background.

Use it from a test module with::

    from tests.celery_worker import celery_worker  # noqa: F401 (a fixture)

    @pytest.mark.django_db(transaction=True)
    def test_something(celery_worker):
        ...  # commit, then celery_worker.wait_until(lambda: <the effect>)

The worker runs ``celery -A innovation worker`` in its own process, against the Redis at
``REDIS_URL`` and the test database pytest-django created, on a queue of its own. While the
fixture is active, tasks sent by the test process go to that queue instead of running
eagerly; the data the worker reads must be committed (``transaction=True``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Generous: a worker on a busy two-core machine takes a while to import Django and connect.
START_TIMEOUT = 120


def _database_url(settings_dict: dict) -> str:
    if settings_dict["ENGINE"].endswith("sqlite3"):
        raise RuntimeError("A separate worker process needs a server database (PostgreSQL), not SQLite.")
    user = quote(settings_dict.get("USER") or "")
    password = f":{quote(settings_dict['PASSWORD'])}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings_dict['NAME']}"


@dataclass
class Worker:
    process: subprocess.Popen
    queue: str
    hostname: str
    log_path: Path
    # Starts another worker process like this one (for start_again).
    respawn: Callable[[], subprocess.Popen] | None = None

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait_until(self, condition, *, timeout: float = 30, interval: float = 0.2):
        """Poll ``condition()`` until it returns something truthy; fail with the worker's log."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            result = condition()
            if result:
                return result
            if self.process.poll() is not None:
                pytest.fail(f"The Celery worker exited ({self.process.returncode}):\n{self.log()[-4000:]}")
            time.sleep(interval)
        pytest.fail(f"Nothing happened within {timeout}s. Worker log:\n{self.log()[-4000:]}")

    def kill(self) -> None:
        """Stop the worker at once (SIGKILL), as a crash or an out-of-memory kill would."""
        self.process.kill()
        self.process.wait(timeout=10)

    def start_again(self) -> None:
        """Start a new worker process on the same queue (after :meth:`kill`)."""
        from innovation.celery import app

        self.process = self.respawn()
        deadline = time.monotonic() + START_TIMEOUT
        while not app.control.ping(destination=[self.hostname], timeout=0.5):
            if self.process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"The Celery worker did not start again:\n{self.log()[-4000:]}")

    def queued(self) -> int:
        """Messages waiting in the worker's queue (not yet taken)."""
        from innovation.celery import app

        with app.connection_for_write() as connection:
            return connection.default_channel.client.llen(self.queue)


def _forget_routing(app) -> None:
    """Celery caches its queues, router, connection and producer pools (the remote control's
    too); make it read the configuration (broker URL, default queue) again."""
    for name in ("default_queue", "queues", "router"):
        app.amqp.__dict__.pop(name, None)
    app.amqp._producer_pool = None
    app.__dict__.pop("control", None)
    app._pool = None


def start_worker_process(*, broker_url: str, cache_url: str, log, args=(), env=None) -> subprocess.Popen:
    """``celery -A innovation worker`` (solo pool) on the test database, writing to ``log``;
    ``args`` and ``env`` add to its command line and environment."""
    from django.db import connection

    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "innovation",
            "worker",
            "--pool=solo",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=INFO",
            *args,
        ],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "innovation.settings.test",
            "DATABASE_URL": _database_url(connection.settings_dict),
            "REDIS_URL": cache_url,
            "CELERY_BROKER_URL": broker_url,
            "LOG_LEVEL": "INFO",
            **(env or {}),
        },
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def stop_process(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


@pytest.fixture
def celery_worker(transactional_db, settings):

    from innovation.celery import app

    if not settings.REDIS_URL:
        pytest.skip("REDIS_URL is not set; a Celery worker needs Redis.")
    queue = f"test-{uuid.uuid4().hex[:12]}"
    hostname = f"{queue}@localhost"
    log = tempfile.NamedTemporaryFile(prefix="celery-worker-", suffix=".log", delete=False)  # noqa: SIM115

    def start(output=log) -> subprocess.Popen:
        return start_worker_process(
            broker_url=settings.REDIS_URL,
            cache_url=settings.REDIS_URL,
            log=output,
            args=["--queues", queue, "--hostname", hostname, "--without-heartbeat"],
        )

    def respawn() -> subprocess.Popen:
        with open(log.name, "ab") as output:
            return start(output)

    process = start()
    saved = {
        "task_always_eager": app.conf.task_always_eager,
        "task_default_queue": app.conf.task_default_queue,
        "broker_url": app.conf.broker_url,
    }
    app.conf.task_always_eager = False
    app.conf.task_default_queue = queue
    _forget_routing(app)
    if app.conf.broker_url != settings.REDIS_URL:
        app.conf.broker_url = settings.REDIS_URL
        app._pool = None
    worker = Worker(process=process, queue=queue, hostname=hostname, log_path=Path(log.name), respawn=respawn)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not app.control.ping(destination=[hostname], timeout=0.5):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"The Celery worker did not start:\n{worker.log()[-4000:]}")
        yield worker
    finally:
        for key, value in saved.items():
            setattr(app.conf, key, value)
        _forget_routing(app)
        app._pool = None
        stop_process(worker.process)
        log.close()
        Path(log.name).unlink(missing_ok=True)
