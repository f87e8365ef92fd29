"""Pages translated in the admin: one address, the visitor's language, nothing listed twice."""

import pytest
from wagtail.models import Locale

from tests.factories import ChallengeFactory, IdeaFactory

pytestmark = pytest.mark.django_db

SPANISH = {"accept-language": "es"}


@pytest.fixture
def streets(home_page):
    challenge = ChallengeFactory.create(
        "submission",
        title="Better streets",
        slug="better-streets",
        question="How could our streets be safer and kinder?",
    )
    IdeaFactory(challenge=challenge, title="Timers at the Mill Lane school crossing")
    return challenge


def _translate(page, **text):
    spanish, _created = Locale.objects.get_or_create(language_code="es")
    translated = page.copy_for_translation(spanish, copy_parents=True)
    for name, value in text.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated


def test_spanish_visitors_read_the_translation_at_the_same_address_with_its_ideas(client, streets):
    _translate(streets, title="Calles mejores", question="¿Cómo podrían ser nuestras calles más seguras y amables?")
    spanish = client.get(streets.url, headers=SPANISH).content.decode()
    assert "<h1>Calles mejores</h1>" in spanish or ">Calles mejores<" in spanish
    assert "¿Cómo podrían ser nuestras calles más seguras y amables?" in spanish
    # The ideas are the challenge's, whatever the language of its text.
    assert "Timers at the Mill Lane school crossing" in spanish
    english = client.get(streets.url).content.decode()
    assert "Better streets" in english and "Calles mejores" not in english


def test_a_page_without_translation_is_shown_as_written_in_the_visitors_language_interface(client, streets):
    spanish = client.get(streets.url, headers=SPANISH).content.decode()
    assert "How could our streets be safer and kinder?" in spanish
    assert 'lang="es"' in spanish and "Saltar al contenido principal" in spanish


def test_a_draft_translation_is_not_shown(client, streets):
    spanish, _created = Locale.objects.get_or_create(language_code="es")
    draft = streets.copy_for_translation(spanish, copy_parents=True)
    draft.title = "Calles mejores (borrador)"
    draft.save_revision()
    assert "borrador" not in client.get(streets.url, headers=SPANISH).content.decode()


def test_translations_are_not_listed_twice(client, streets):
    _translate(streets, title="Calles mejores")
    titles = [item["title"] for item in client.get("/api/v1/challenges/").json()["results"]]
    assert titles == ["Better streets"]
    home = client.get("/", headers=SPANISH).content.decode()
    assert home.count('href="/challenges/better-streets/"') == 1
    assert "Calles mejores" in home  # the featured card, in the visitor's language
