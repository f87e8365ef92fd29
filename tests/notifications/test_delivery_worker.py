"""Delivery with real parts: a Celery worker process (with beat), Redis, PostgreSQL and a
real mail sink. Nothing is lost when the broker is down, nothing is doubled when a worker
dies mid-delivery."""

import time

import pytest
from django.conf import settings

from ideas import services as idea_services
from notifications.models import EmailState, Frequency, Kind, Notification
from notifications.services import preferences_set
from pipeline import services as pipeline_services
from tests.factories import ChallengeFactory, IdeaFactory, UserFactory

from .worker_harness import HoldingSMTPServer, RedisServer, Workers, file_emails

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def mail_dir(tmp_path):
    directory = tmp_path / "mail"
    directory.mkdir()
    return directory


@pytest.fixture
def shortlist_ready(home_page):
    """An idea under review with its author and three followers who want email right away."""
    challenge = ChallengeFactory.create("review", title="Safer walks to school")
    author = UserFactory(roles=["Residents"], display_name="Amira Haddad", email="amira.haddad@example.org")
    idea = IdeaFactory(
        challenge=challenge,
        author=author,
        stage="under_review",
        title="Lollipop crossing guards at Linden Road",
        summary="Volunteer crossing guards at the two busiest crossings before and after school.",
    )
    leader = UserFactory(roles=["Leadership"], display_name="Lena Okafor", email="lena.okafor@city.example")
    followers = [
        UserFactory(roles=["Residents"], display_name=name, email=address)
        for name, address in [
            ("Tomas Berg", "tomas.berg@example.org"),
            ("Priya Nair", "priya.nair@example.org"),
            ("Joe Whitfield", "joe.whitfield@example.org"),
        ]
    ]
    for person in followers:
        idea_services.follow_add(follower=person, idea=idea)
        preferences_set(user=person, choices={Kind.FOLLOWED_IDEAS: Frequency.IMMEDIATE})
    return {"idea": idea, "author": author, "leader": leader, "followers": followers}


def _recipients(messages) -> list[str]:
    return sorted(message["To"] for message in messages)


def test_a_stage_change_gives_each_follower_one_notification_and_one_email(shortlist_ready, mail_dir, settings):
    people = shortlist_ready
    workers = Workers(
        broker_url=settings.REDIS_URL,
        env={"EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend", "EMAIL_FILE_PATH": str(mail_dir)},
    )
    try:
        worker = workers.start()
        pipeline_services.idea_shortlist(idea=people["idea"], actor=people["leader"], note="Parents back it strongly.")
        expected = sorted([p.email for p in people["followers"]] + [people["author"].email])
        worker.wait_until(lambda: len(file_emails(mail_dir)) >= len(expected))
        time.sleep(3)  # several beat sweeps later, still nothing more
        assert _recipients(file_emails(mail_dir)) == expected
        for message in file_emails(mail_dir):
            assert "Shortlisted" in message["Subject"]
            assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        told = Notification.objects.filter(event="idea.stage_changed")
        assert sorted(told.values_list("recipient__email", flat=True)) == expected
        assert set(told.values_list("email_state", flat=True)) == {EmailState.SENT}
        assert not told.filter(recipient=people["leader"]).exists()
    finally:
        workers.close()


def test_with_the_broker_down_the_request_succeeds_and_the_email_follows_once_it_is_back(
    shortlist_ready, mail_dir, client
):
    people = shortlist_ready
    broker = RedisServer()
    broker.start()
    workers = Workers(
        broker_url=broker.url,
        env={"EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend", "EMAIL_FILE_PATH": str(mail_dir)},
    )
    try:
        worker = workers.start()
        broker.stop()

        client.force_login(people["leader"])
        response = client.post(
            f"/admin/pipeline/ideas/{people['idea'].pk}/move/",
            {"target": "shortlisted", "note": "Parents back it strongly."},
        )
        assert response.status_code == 302
        people["idea"].refresh_from_db()
        assert people["idea"].stage == "shortlisted"
        time.sleep(2)
        assert file_emails(mail_dir) == []  # nothing could be delivered yet...

        broker.start()  # ...and once the broker is back, beat's sweep delivers it
        expected = sorted([p.email for p in people["followers"]] + [people["author"].email])
        worker.wait_until(lambda: len(file_emails(mail_dir)) >= len(expected), timeout=90)
        time.sleep(3)
        assert _recipients(file_emails(mail_dir)) == expected
        assert Notification.objects.filter(event="idea.stage_changed").count() == len(expected)
    finally:
        workers.close()
        broker.stop()


def test_a_worker_killed_mid_delivery_leads_to_exactly_one_email_after_restart(home_page):
    challenge = ChallengeFactory.create("review", title="Cleaner riverbanks")
    author = UserFactory(roles=["Residents"], display_name="Amira Haddad", email="amira.haddad@example.org")
    leader = UserFactory(roles=["Leadership"], display_name="Lena Okafor", email="lena.okafor@city.example")
    idea = IdeaFactory(challenge=challenge, author=author, stage="under_review", title="Monthly river clean-up day")
    smtp = HoldingSMTPServer()
    smtp.controller.start()
    smtp.hold.set()
    workers = Workers(
        broker_url=settings.REDIS_URL,
        env={
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp.port),
        },
    )
    try:
        first = workers.start()
        pipeline_services.idea_shortlist(idea=idea, actor=leader, note="A quick win for the summer.")
        first.wait_until(smtp.held.is_set)  # the worker is in the middle of sending
        first.kill()
        smtp.hold.clear()
        time.sleep(1)
        assert smtp.to(author.email) == []  # the half-sent email was never delivered

        second = workers.start()
        second.wait_until(lambda: smtp.to(author.email))
        time.sleep(3)
        [delivered] = smtp.to(author.email)
        assert "Monthly river clean-up day" in delivered["Subject"]
        assert Notification.objects.get(recipient=author, event="idea.stage_changed").email_state == EmailState.SENT
    finally:
        workers.close()
        smtp.hold.clear()
        smtp.controller.stop()
