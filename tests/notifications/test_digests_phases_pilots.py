"""Digests, challenge phases, pilots and leadership's announcements."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import ModelLogEntry, PageLogEntry

from ideas import services as idea_services
from notifications import digests, phases
from notifications.models import EmailState, Frequency, Kind, Notification, OutboxMessage
from pipeline import services as pipeline_services
from tests.factories import ChallengeFactory, PilotFactory, UserFactory

pytestmark = pytest.mark.django_db


def _queued(person, idea, *, state=EmailState.DAILY, count=1):
    for n in range(count):
        Notification.objects.create(
            recipient=person,
            event="idea.stage_changed",
            kind=Kind.FOLLOWED_IDEAS,
            data={"idea": idea.title, "to": "shortlisted", "note": f"Update {n}"},
            url=idea.get_absolute_url(),
            created_at=timezone.now() - timedelta(minutes=n + 1),
            email_state=state,
        )


def test_a_daily_digest_goes_once_to_each_person_with_news_and_never_empty(idea, follower, author):
    quiet = UserFactory(roles=["Residents"], display_name="Joe Whitfield")
    _queued(follower, idea, count=25)
    _queued(author, idea, state=EmailState.WEEKLY)
    assert digests.send_due(frequency=Frequency.DAILY, batch=1) == 1
    [email] = mail.outbox
    assert email.to == [follower.email]
    assert "Car-free school street on Linden Road" in email.body
    assert "…and 5 more on the site" in email.body  # 20 listed, the rest linked
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert not Notification.objects.filter(recipient=follower, email_state=EmailState.DAILY).exists()
    assert digests.send_due(frequency=Frequency.DAILY) == 0  # nothing new: no empty digest
    assert not [m for m in mail.outbox if quiet.email in m.to]
    assert digests.send_due(frequency=Frequency.WEEKLY) == 1
    assert mail.outbox[-1].to == [author.email]


def test_a_second_run_in_the_same_day_sends_nothing_twice(idea, follower):
    _queued(follower, idea)
    digests.send_due(frequency=Frequency.DAILY)
    Notification.objects.filter(recipient=follower).update(email_state=EmailState.DAILY)  # as if the run crashed
    assert digests.send_due(frequency=Frequency.DAILY) == 0
    assert len(mail.outbox) == 1


def test_phase_openings_and_closing_reminders_are_recorded_once(
    home_page, follower, django_capture_on_commit_callbacks
):
    now = timezone.now()
    challenge = ChallengeFactory.create(
        "submission",
        title="Quieter nights downtown",
        ideas_open=now - timedelta(hours=3),
        ideas_close=now + timedelta(days=1),
        voting_open=now + timedelta(days=1),
        voting_close=now + timedelta(days=10),
    )
    idea_services.follow_add(follower=follower, challenge=challenge)
    with django_capture_on_commit_callbacks(execute=True):
        phases.record_due(now=now)
    with django_capture_on_commit_callbacks(execute=True):
        phases.record_due(now=now + timedelta(minutes=10))
    keys = set(OutboxMessage.objects.values_list("key", flat=True))
    assert keys == {
        f"phase:submission_open:challenge:{challenge.pk}",
        f"phase:submission_closing:challenge:{challenge.pk}",
    }
    told = Notification.objects.filter(recipient=follower).order_by("event")
    assert [n.event for n in told] == ["challenge.phase_closing", "challenge.phase_opened"]
    assert all(n.kind == Kind.FOLLOWED_CHALLENGES and n.email_state == EmailState.SENT for n in told)
    subjects = sorted(m.subject for m in mail.outbox)
    assert any("is open for ideas" in s for s in subjects) and any("close on" in s for s in subjects)


def test_pilot_followers_hear_of_updates_milestones_and_the_decision_once(
    home_page, follower, leadership, django_capture_on_commit_callbacks
):
    pilot = PilotFactory.create(title="Car-free school streets pilot")
    pipeline_services.pilot_follow_add(follower=follower, pilot=pilot)
    from pipeline.models import PilotMilestone, PilotUpdate

    PilotUpdate.objects.create(
        page=pilot, date=timezone.localdate(), title="First week", text="Traffic fell by a third."
    )
    PilotMilestone.objects.create(
        page=pilot, title="Signs installed", due_on=timezone.localdate(), done_on=timezone.localdate()
    )
    for _ in range(2):  # published twice: each update and milestone is told once
        with django_capture_on_commit_callbacks(execute=True):
            pipeline_services.pilot_announce(pilot=pilot, actor=leadership)
    pilot.status, pilot.decision, pilot.lessons = "scaled_up", "Every primary school gets one.", "Parents adapt fast."
    pilot.save()
    with django_capture_on_commit_callbacks(execute=True):
        pipeline_services.pilot_announce(pilot=pilot, actor=leadership)
    events = sorted(Notification.objects.filter(recipient=follower).values_list("event", flat=True))
    assert events == ["pilot.decided", "pilot.milestone_done", "pilot.updated"]
    assert not Notification.objects.filter(recipient=leadership).exists()


def test_following_a_pilot_from_its_page_and_the_api(client, api_client, home_page, follower):
    pilot = PilotFactory.create(title="Tool library pilot")
    client.force_login(follower)
    page = client.get(pilot.url).content.decode()
    assert "Follow this pilot" in page
    client.post(f"/pipeline/pilots/{pilot.pk}/follow/", {"follow": "1"})
    assert "Stop following" in client.get(pilot.url).content.decode()
    api_client.force_authenticate(follower)
    assert api_client.delete(f"/api/v1/pilots/{pilot.pk}/follow/").json() == {"following": False}
    assert api_client.post(f"/api/v1/pilots/{pilot.pk}/follow/").status_code == 201
    draft = PilotFactory.create(title="Draft pilot", publish=False)
    assert api_client.post(f"/api/v1/pilots/{draft.pk}/follow/").status_code == 404


def test_leadership_previews_then_sends_an_announcement_to_followers(
    client, home_page, leadership, follower, django_capture_on_commit_callbacks
):
    challenge = ChallengeFactory.create("voting", title="Better bus stops")
    idea_services.follow_add(follower=follower, challenge=challenge)
    client.force_login(leadership)
    form = {"challenge": challenge.pk, "subject": "Voting ends Friday", "body": "Thank you: 1,204 votes so far."}
    preview = client.post("/admin/notifications/announce/", {**form, "preview": "1"}).content.decode()
    assert "This goes to 1 follower" in preview and "Voting ends Friday" in preview
    assert not OutboxMessage.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/notifications/announce/", {**form, "send": "1"})
    notification = Notification.objects.get(recipient=follower)
    assert notification.event == "challenge.announcement" and notification.kind == Kind.ANNOUNCEMENTS
    assert mail.outbox[0].subject.endswith("Voting ends Friday")
    assert PageLogEntry.objects.filter(page=challenge, action="notifications.announcement").exists()

    resident = UserFactory(roles=["Residents"])
    client.force_login(resident)
    assert client.post("/admin/notifications/announce/", {**form, "send": "1"}).status_code in (302, 403)
    assert Notification.objects.count() == 1


def test_parked_deliveries_are_listed_with_their_error_and_retried(client, leadership, settings):
    from notifications import outbox
    from notifications.models import DeliveryStatus, OutboxDelivery

    settings.OUTBOX_MAX_ATTEMPTS = 1
    outbox.register_consumer("test-broken", lambda message: 1 / 0)
    try:
        outbox.outbox_record(event="idea.published", payload={"idea": 0, "actor": None})
        outbox.relay_pending()
        client.force_login(leadership)
        page = client.get("/admin/notifications/outbox/").content.decode()
        assert "ZeroDivisionError" in page and "test-broken" in page
        delivery = OutboxDelivery.objects.get(consumer="test-broken")
        client.post("/admin/notifications/outbox/", {"delivery": delivery.pk})
        delivery.refresh_from_db()
        assert delivery.status == DeliveryStatus.PENDING and delivery.attempts == 0
        assert ModelLogEntry.objects.filter(action="notifications.delivery_retry").exists()
    finally:
        outbox._CONSUMERS.pop("test-broken", None)


def test_the_sites_domain_comes_from_base_url(settings):
    from django.contrib.sites.models import Site

    from accounts.sites import sync_site

    settings.WAGTAILADMIN_BASE_URL = "https://ideas.riverton.example"
    sync_site()
    site = Site.objects.get(pk=settings.SITE_ID)
    assert site.domain == "ideas.riverton.example" and site.name == settings.GREENLIGHT_PROGRAMME_NAME
