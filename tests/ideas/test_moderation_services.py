import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from ideas import services, signals
from ideas.models import Flag, Idea
from tests.factories import IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db


def _receive(signal):
    received = []

    def receiver(sender, **kwargs):
        received.append(kwargs)

    signal.connect(receiver, weak=False)
    return received, lambda: signal.disconnect(receiver)


def test_three_distinct_reports_hide_an_idea_until_a_moderator_restores_it(challenge, author, moderator):
    idea = IdeaFactory(challenge=challenge, author=author)
    hidden, stop = _receive(signals.idea_hidden)
    try:
        for _ in range(3):
            services.flag_add(reporter=UserFactory(), idea=idea, reason="spam")
    finally:
        stop()
    idea.refresh_from_db()
    assert idea.is_hidden and idea.flag_count == 3
    assert hidden and hidden[0]["actor"] is None
    assert not Idea.objects.public().filter(pk=idea.pk).exists()

    services.idea_restore(idea=idea, moderator=moderator)
    idea.refresh_from_db()
    assert not idea.is_hidden and idea.flag_count == 0
    assert set(Flag.objects.filter(idea=idea).values_list("status", flat=True)) == {"dismissed"}
    assert ModelLogEntry.objects.filter(action="greenlight.idea.restore", user=moderator).exists()


def test_the_same_person_cannot_report_twice(challenge, author):
    idea = IdeaFactory(challenge=challenge)
    services.flag_add(reporter=author, idea=idea, reason="spam")
    with pytest.raises(ValidationError):
        services.flag_add(reporter=author, idea=idea, reason="abuse")
    assert Flag.objects.filter(idea=idea).count() == 1


def test_hiding_needs_a_public_reason_and_is_audited(challenge, moderator):
    idea = IdeaFactory(challenge=challenge)
    with pytest.raises(ValidationError) as error:
        services.idea_hide(idea=idea, moderator=moderator, reason="  ")
    assert "reason" in error.value.message_dict
    services.idea_hide(idea=idea, moderator=moderator, reason="Contains a phone number.")
    entry = ModelLogEntry.objects.get(action="greenlight.idea.hide")
    assert entry.user == moderator and entry.data["reason"] == "Contains a phone number."


def test_a_resident_cannot_moderate(challenge, author):
    idea = IdeaFactory(challenge=challenge)
    with pytest.raises(PermissionDenied):
        services.idea_hide(idea=idea, moderator=author, reason="No")


def test_held_idea_is_approved_or_rejected_with_a_message(home_page, author, moderator):
    from tests.factories import ChallengeFactory

    held = ChallengeFactory.create("submission", moderation_mode="pre")
    idea = services.idea_create(challenge=held, author=author, title="Held", summary="Waiting")
    assert idea.stage == "submitted"
    assert not Idea.objects.public().filter(pk=idea.pk).exists()
    published, stop = _receive(signals.idea_published)
    try:
        services.idea_approve(idea=idea, moderator=moderator)
    finally:
        stop()
    assert Idea.objects.get(pk=idea.pk).stage == "published"
    assert published[0]["actor"] == moderator

    other = services.idea_create(challenge=held, author=author, title="Other", summary="Waiting")
    with pytest.raises(ValidationError):
        services.idea_reject(idea=other, moderator=moderator, message="")
    services.idea_reject(idea=other, moderator=moderator, message="This is an advert.")
    other.refresh_from_db()
    assert other.stage == "rejected" and other.moderation_message == "This is an advert."
