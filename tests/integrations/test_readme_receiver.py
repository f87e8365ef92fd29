"""The receiver example in the README, run as it is written: it accepts Greenlight's
signed deliveries, drops repeats, and its recipe refuses a body that was tampered with."""

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from integrations import signing

from .webhooks import endpoint_for, publish_idea

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_receiver_code() -> str:
    text = README.read_text()
    found = re.search(r"<!-- webhook-receiver-example -->\n```python\n(.*?)```", text, re.S)
    assert found, "The README's webhook receiver example is missing."
    return found.group(1)


@pytest.fixture
def readme_module(tmp_path):
    path = tmp_path / "receiver_example.py"
    path.write_text(readme_receiver_code())
    namespace: dict = {"__name__": "receiver_example"}
    exec(compile(path.read_text(), str(path), "exec"), namespace)  # noqa: S102 - the README's own code
    return path, namespace


def test_recipe_accepts_a_signed_body_and_refuses_a_tampered_one(readme_module):
    _path, example = readme_module
    secret = signing.generate_secret()
    body = json.dumps({"id": "evt_7", "type": "idea.published", "data": {"idea": {"id": 7, "title": "Bike racks"}}})
    headers = signing.signed_headers(secret=secret, message_id="evt_7", timestamp=int(time.time()), body=body)

    assert example["verify"](secret, headers, body.encode())["id"] == "evt_7"
    tampered = body.replace("Bike racks", "Car park").encode()
    with pytest.raises(example["InvalidSignature"]):
        example["verify"](secret, headers, tampered)
    with pytest.raises(example["InvalidSignature"]):
        example["verify"](signing.generate_secret(), headers, body.encode())
    old = signing.signed_headers(secret=secret, message_id="evt_7", timestamp=int(time.time()) - 3600, body=body)
    with pytest.raises(example["InvalidSignature"]):
        example["verify"](secret, old, body.encode())


@pytest.mark.django_db(transaction=True)
def test_readme_receiver_gets_a_real_delivery(readme_module, webhook_settings, celery_worker, home_page):
    path, _example = readme_module
    secret = signing.generate_secret()
    process = subprocess.Popen(
        [sys.executable, "-u", str(path)],
        env={**os.environ, "GREENLIGHT_WEBHOOK_SECRET": secret, "PORT": "0"},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        first_line = _read_line(process)
        port = int(first_line.rsplit(" ", 1)[1])
        endpoint_for(f"http://127.0.0.1:{port}/", secret=secret)
        idea = publish_idea("Repair café in the Eastgate library")
        line = _read_line(process)
        assert line.strip() == f"Received idea.published evt_{_outbox_id(idea)}"
        from integrations.models import WebhookDelivery

        delivery = celery_worker.wait_until(lambda: WebhookDelivery.objects.filter(status="delivered").first())
        assert delivery.attempts.get().status_code == 204
    finally:
        process.kill()
        process.wait(timeout=10)


def _read_line(process, timeout: float = 30) -> str:
    import selectors

    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        if not selector.select(timeout):
            pytest.fail(f"The README receiver printed nothing within {timeout}s.")
    return process.stdout.readline()


def _outbox_id(idea) -> int:
    from notifications.models import OutboxMessage

    return OutboxMessage.objects.get(event="idea.published", payload__idea=idea.pk).pk
