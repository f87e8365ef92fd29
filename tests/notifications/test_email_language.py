"""Emails go out in the language each recipient chose, whatever language the sender used."""

import pytest
from django.core import mail
from django.utils import translation

from ideas import services as idea_services
from tests.factories import ChallengeFactory, IdeaFactory

pytestmark = pytest.mark.django_db


def test_a_spanish_speaking_author_is_told_in_spanish(home_page, author, moderator, django_capture_on_commit_callbacks):
    author.language = "es"
    author.save(update_fields=["language"])
    challenge = ChallengeFactory.create("submission", moderation_mode="pre", title="Quieter nights downtown")
    draft = IdeaFactory(challenge=challenge, author=author, stage="submitted", title="Ban leaf blowers at night")
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        idea_services.idea_reject(idea=draft, moderator=moderator, message="This is already city law.")
    [email] = mail.outbox
    assert "Tu idea «Ban leaf blowers at night» no se ha podido publicar" in email.subject
    assert "Hola" in email.body and "This is already city law." in email.body
