import pytest

from accounts import roles
from tests.celery_worker import celery_worker  # noqa: F401 (a fixture for the worker tests)
from tests.factories import UserFactory


@pytest.fixture
def leadership(db):
    return UserFactory(roles=[roles.LEADERSHIP], display_name="Lena Okafor")


@pytest.fixture
def person(db):
    return UserFactory(roles=[roles.RESIDENTS], display_name="Marta Silva", email="marta.silva@example.org")


class Receiver:
    """A receiver process: its URL, and what it was sent."""

    def __init__(self, directory, *args: str):
        import subprocess
        import sys
        import time
        from pathlib import Path

        self.log_path = Path(directory) / "requests.jsonl"
        port_path = Path(directory) / "port"
        self.process = subprocess.Popen(
            [
                sys.executable,
                str(Path(__file__).with_name("receiver.py")),
                "--log",
                str(self.log_path),
                "--port-file",
                str(port_path),
                *args,
            ]
        )
        deadline = time.monotonic() + 15
        while not port_path.exists():
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError("The test receiver did not start.")
            time.sleep(0.05)
        self.url = f"http://127.0.0.1:{port_path.read_text()}/greenlight-events"

    def requests(self) -> list[dict]:
        import json

        if not self.log_path.exists():
            return []
        return [json.loads(line) for line in self.log_path.read_text().splitlines() if line.strip()]

    def stop(self) -> None:
        self.process.kill()
        self.process.wait(timeout=10)


@pytest.fixture
def start_receiver(tmp_path):
    """``start_receiver("--fail", "2")`` starts a receiver process on a free loopback port."""
    started = []

    def start(*args: str) -> Receiver:
        directory = tmp_path / f"receiver-{len(started)}"
        directory.mkdir()
        receiver = Receiver(directory, *args)
        started.append(receiver)
        return receiver

    yield start
    for receiver in started:
        receiver.stop()


@pytest.fixture
def webhook_settings(settings, monkeypatch):
    """Short timeouts and retries, and the loopback receiver allowed — here and in the
    worker process (which reads them from its environment)."""
    values = {
        "WEBHOOK_ALLOWED_PRIVATE_HOSTS": "127.0.0.1",
        "WEBHOOK_RETRY_BASE": "1",
        "WEBHOOK_TIMEOUT": "2",
        "WEBHOOK_CONNECT_TIMEOUT": "1",
        "WEBHOOK_LEASE_GRACE": "1",
    }
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    settings.WEBHOOK_ALLOWED_PRIVATE_HOSTS = ["127.0.0.1"]
    settings.WEBHOOK_RETRY_BASE = 1
    settings.WEBHOOK_TIMEOUT = 2
    settings.WEBHOOK_CONNECT_TIMEOUT = 1
    settings.WEBHOOK_LEASE_GRACE = 1
    return settings
