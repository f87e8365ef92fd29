"""Demo notifications: the demo resident follows a challenge, an idea and a pilot; the events
the other demos recorded (stage moves, a merge, a rejection, pilot updates) are relayed at
once, an announcement and an official response are added, and the older half is marked
read. Emails of these first notifications count as sent (the console stays quiet);
everything done in the demo afterwards notifies and emails as usual."""

from django.contrib.auth import get_user_model
from django.utils import timezone

from ideas.models import ChallengePage, Comment, Follow, Idea, IdeaStage
from pipeline.models import PilotFollow, PilotPage

from .models import EmailState, Notification
from .outbox import outbox_record, relay_pending

ANNOUNCEMENT = {
    "subject": "Thank you for 300 ideas on cleaner air",
    "body": "The review team reads every idea. We publish the shortlist here in March, with the reasons.",
}


def _follow_things(resident) -> None:
    challenge = ChallengePage.objects.filter(slug="cleaner-air").first()
    if challenge is not None:
        Follow.objects.get_or_create(follower=resident, challenge=challenge)
    moved = Idea.objects.filter(
        challenge=challenge, stage__in=[IdeaStage.SHORTLISTED, IdeaStage.SELECTED, IdeaStage.UNDER_REVIEW]
    ).order_by("pk")
    for idea in moved[:3]:
        if not Follow.objects.filter(follower=resident, idea=idea).exists():
            Follow.objects.create(follower=resident, idea=idea)
            Idea.objects.filter(pk=idea.pk).update(follower_count=idea.follower_count + 1)
    pilot = PilotPage.objects.live().order_by("pk").first()
    if pilot is not None:
        PilotFollow.objects.get_or_create(follower=resident, pilot=pilot)


def _extra_events(resident) -> None:
    leadership = get_user_model().objects.filter(email="leadership@greenlight.test").first()
    challenge = ChallengePage.objects.filter(slug="cleaner-air").first()
    if challenge is not None and leadership is not None:
        outbox_record(
            event="challenge.announcement",
            payload={"challenge": challenge.pk, "actor": leadership.pk, **ANNOUNCEMENT},
            key=f"demo:announcement:{challenge.pk}",
        )
    followed = Follow.objects.filter(follower=resident, idea__isnull=False).values("idea_id")
    response = Comment.objects.filter(idea__in=followed, is_official=True).select_related("idea").first()
    if response is not None:
        outbox_record(
            event="idea.responded",
            payload={
                "idea": response.idea_id,
                "challenge": response.idea.challenge_id,
                "actor": response.author_id,
                "comment": response.pk,
                "parent": None,
            },
            key=f"demo:responded:{response.pk}",
        )


def load(*, stdout) -> None:
    resident = get_user_model().objects.filter(email="resident@greenlight.test").first()
    if resident is None:
        stdout.write("  notifications: skipped (the accounts demo has not run)")
        return
    first_time = not Notification.objects.exists()
    _follow_things(resident)
    _extra_events(resident)
    relay_pending(limit=10_000)
    if first_time:
        Notification.objects.filter(email_state=EmailState.PENDING).update(
            email_state=EmailState.SENT, emailed_at=timezone.now()
        )
        for person_id in Notification.objects.values_list("recipient_id", flat=True).distinct():
            older = Notification.objects.filter(recipient_id=person_id).order_by("created_at", "id")
            ids = list(older.values_list("pk", flat=True))
            Notification.objects.filter(pk__in=ids[: len(ids) // 2]).update(read_at=timezone.now())
    mine = Notification.objects.filter(recipient=resident)
    stdout.write(
        f"  notifications: {Notification.objects.count()} in all; resident@greenlight.test has "
        f"{mine.filter(read_at__isnull=True).count()} unread of {mine.count()}"
    )
