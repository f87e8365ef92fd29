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


@pytest.fixture
def demo_in_spanish(client):
    """The demo city, and a visitor who chose Español in the header's language switcher."""
    from django.core.management import call_command

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    from django.urls import reverse

    assert client.post(reverse("accounts:language"), {"language": "es", "next": "/"}).status_code == 302
    return client


def test_the_challenge_index_is_in_spanish_with_its_translated_challenges(demo_in_spanish):
    page = demo_in_spanish.get("/challenges/").content.decode()
    assert "<h1>Retos</h1>" in page
    assert "Las preguntas que Riverside se hace ahora" in page
    assert ">Calles mejores</a>" in page and ">Better streets</a>" not in page
    assert ">Smart lighting</a>" in page  # not translated: shown as written


def test_the_pilot_index_is_in_spanish_with_its_translated_pilots(demo_in_spanish):
    page = demo_in_spanish.get("/pilots/").content.decode()
    assert "<h1>Pilotos</h1>" in page
    assert "Ideas que la ciudad prueba en calles y servicios reales" in page
    assert "Farolas que se atenúan en Elm Street" in page
    assert "Dimming street lights on Elm Street" not in page


def test_search_shows_pages_in_spanish_at_their_one_address(demo_in_spanish):
    page = demo_in_spanish.get("/search/", {"q": "street lights"}).content.decode()
    assert "<h1>Buscar</h1>" in page and "Retos, pilotos y páginas" in page
    assert '<a href="/pilots/dimming-street-lights-on-elm-street/">Farolas que se atenúan en Elm Street</a>' in page
    # Found by its Spanish words, it is still listed once, at the address every language shares.
    page = demo_in_spanish.get("/search/", {"q": "farolas"}).content.decode()
    assert page.count("Farolas que se atenúan en Elm Street</a>") == 1
    assert "/home-es/" not in page


def test_loading_the_demo_again_completes_a_spanish_index_made_before_it_had_an_intro(demo_in_spanish):
    from django.core.management import call_command

    from ideas.models import ChallengeIndexPage

    spanish = ChallengeIndexPage.objects.get(locale__language_code="es")
    spanish.intro = ChallengeIndexPage.objects.get(locale__language_code="en").intro  # as copied
    spanish.save_revision().publish()
    assert "The questions Riverside is asking now" in demo_in_spanish.get("/challenges/").content.decode()

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert "Las preguntas que Riverside se hace ahora" in demo_in_spanish.get("/challenges/").content.decode()
    assert "<h1>Retos</h1>" in demo_in_spanish.get("/challenges/").content.decode()
