"""Real processes for the delivery tests: Celery workers (with beat sweeping every second), a
Redis broker of the test's own on a free port that can be stopped and started again, and a
small SMTP server that can hold a delivery half-way. Built on ``tests/celery_worker.py``."""

from __future__ import annotations

import asyncio
import email
import email.policy
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import pytest

from tests.celery_worker import ROOT, START_TIMEOUT, Worker, _database_url, _forget_routing


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """``redis-server`` on a free port, in memory only; ``stop()`` and ``start()`` again."""

    def __init__(self):
        self.port = free_port()
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


class HoldingSMTPServer:
    """An SMTP server (aiosmtpd) that keeps every message it accepts. While ``hold`` is set,
    it stops answering after the recipient is named, so the sender is caught mid-delivery."""

    def __init__(self):
        from aiosmtpd.controller import Controller

        self.messages: list[email.message.Message] = []
        self.hold = threading.Event()
        self.held = threading.Event()
        self.port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.hold.is_set():
            self.held.set()
            while self.hold.is_set():
                await asyncio.sleep(0.05)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list:
        return [message for message in self.messages if address in message.get("To", "")]


def file_emails(directory: Path) -> list[email.message.Message]:
    """Every message Django's file backend wrote to ``directory``."""
    separator = "-" * 79
    found = []
    for path in sorted(directory.glob("*.log")):
        for chunk in path.read_text(errors="replace").split(separator):
            if chunk.strip():
                found.append(email.message_from_string(chunk.strip(), policy=email.policy.default))
    return found


class WorkerProcess:
    """One ``celery worker -B`` process on the test's queue; ``kill()`` drops it at once."""

    def __init__(self, *, queue: str, broker_url: str, env: dict):
        from django.conf import settings
        from django.db import connection

        self.log = tempfile.NamedTemporaryFile(prefix="celery-worker-", suffix=".log", delete=False)  # noqa: SIM115
        schedule = Path(tempfile.mkdtemp(prefix="celerybeat-")) / "schedule"
        self.hostname = f"{queue}-{uuid.uuid4().hex[:6]}@localhost"
        full_env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "innovation.settings.test",
            "DATABASE_URL": _database_url(connection.settings_dict),
            "REDIS_URL": settings.REDIS_URL,
            "CELERY_BROKER_URL": broker_url,
            "CELERY_TASK_ALWAYS_EAGER": "false",
            "CELERY_TASK_DEFAULT_QUEUE": queue,
            "OUTBOX_SWEEP_SECONDS": "1",
            "LOG_LEVEL": "INFO",
            **env,
        }
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "innovation",
                "worker",
                "--beat",
                "--schedule",
                str(schedule),
                "--pool=solo",
                "--queues",
                queue,
                "--hostname",
                self.hostname,
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "--loglevel=INFO",
            ],
            cwd=ROOT,
            env=full_env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.worker = Worker(process=self.process, queue=queue, hostname=self.hostname, log_path=Path(self.log.name))

    def wait_ready(self, app) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while not app.control.ping(destination=[self.hostname], timeout=0.5):
            if self.process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"The Celery worker did not start:\n{self.worker.log()[-4000:]}")

    def wait_until(self, condition, *, timeout: float = 45):
        return self.worker.wait_until(condition, timeout=timeout)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()
        self.log.close()
        Path(self.log.name).unlink(missing_ok=True)


class Workers:
    """Starts workers on one queue and points this process's Celery at their broker."""

    def __init__(self, *, broker_url: str, env: dict | None = None):
        from innovation.celery import app

        self.app = app
        self.queue = f"test-{uuid.uuid4().hex[:12]}"
        self.broker_url = broker_url
        self.env = env or {}
        self.started: list[WorkerProcess] = []
        self.saved = {key: getattr(app.conf, key) for key in ("task_always_eager", "task_default_queue", "broker_url")}
        app.conf.task_always_eager = False
        app.conf.task_default_queue = self.queue
        app.conf.broker_url = broker_url
        self._reconnect()

    def _reconnect(self) -> None:
        """Forget the cached routing, connection pool and producers (they name the old broker)."""
        from kombu import pools

        _forget_routing(self.app)
        if self.app._pool is not None:
            self.app._pool.force_close_all()
        self.app._pool = None
        self.app.amqp._producer_pool = None
        pools.reset()

    def start(self, *, wait: bool = True) -> WorkerProcess:
        worker = WorkerProcess(queue=self.queue, broker_url=self.broker_url, env=self.env)
        self.started.append(worker)
        if wait:
            worker.wait_ready(self.app)
        return worker

    def close(self) -> None:
        for worker in self.started:
            worker.stop()
        for key, value in self.saved.items():
            setattr(self.app.conf, key, value)
        self._reconnect()
