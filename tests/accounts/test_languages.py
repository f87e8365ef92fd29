"""Languages: what a visitor, a signed-in person and an email recipient read."""

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from accounts.i18n import with_language
from accounts.models import User
from ideas.models import Comment
from tests.factories import ChallengeFactory, IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db


def _lang(response) -> str:
    body = response.content.decode()
    return body.split("<html lang=", 1)[1].split(">", 1)[0].strip('"')


def test_browser_language_picks_spanish_and_html_lang_follows(client, home_page):
    english = client.get("/")
    assert _lang(english) == "en" and "Skip to main content" in english.content.decode()
    spanish = client.get("/", headers={"accept-language": "es-MX,es;q=0.9,en;q=0.5"})
    body = spanish.content.decode()
    assert _lang(spanish) == "es"
    assert "Saltar al contenido principal" in body and ">Inicio<" in body
    assert spanish["Content-Language"] == "es"


def test_switcher_names_each_language_in_itself(client, home_page):
    body = client.get("/").content.decode()
    assert 'lang="es"' in body and ">Español<" in body
    assert 'lang="en"' in body and ">English<" in body
    assert 'aria-current="true">English<' in body


def test_visitor_switch_is_remembered_by_cookie(client, home_page):
    response = client.post("/me/language/", {"language": "es", "next": "/"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert _lang(client.get("/")) == "es"


def test_signed_in_choice_is_kept_in_the_profile_and_follows_the_person(client, home_page):
    person = UserFactory(email="lucia@example.org")
    client.force_login(person)
    client.post("/me/language/", {"language": "es", "next": "/"})
    person.refresh_from_db()
    assert person.language == "es"

    # Another device, a browser asking for English: the profile wins once signed in.
    from django.test import Client

    other = Client(headers={"accept-language": "en"})
    other.force_login(person)
    assert _lang(other.get("/")) == "es"
    assert client.get("/api/v1/me/").status_code == 200


def test_unknown_language_changes_nothing(client, home_page):
    person = UserFactory()
    client.force_login(person)
    response = client.post("/me/language/", {"language": "xx", "next": "/"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.language == ""
    assert _lang(client.get("/")) == "en"


def test_emails_are_written_in_the_recipients_language():
    maria = UserFactory(language="es")
    john = UserFactory(language="")
    with translation.override("en"):
        with with_language(maria):
            assert gettext("Your profile has been saved.") == "Tu perfil se ha guardado."
            body = render_to_string("includes/written_in.html", {"language": "en"})
            assert "Escrito en" in body
        with with_language(john):
            assert gettext("Your profile has been saved.") == "Your profile has been saved."
        assert translation.get_language() == "en"


def test_sign_up_emails_go_out_in_the_language_of_the_page(client, home_page):
    client.post(
        "/accounts/signup/",
        {
            "email": "rosa@example.org",
            "password1": "naranja-puente-bicicleta",
            "password2": "naranja-puente-bicicleta",
            "display_name": "Rosa M.",
            "accept_terms": "on",
        },
        headers={"accept-language": "es"},
    )
    assert User.objects.get(email="rosa@example.org").language == "es"
    assert "Confirm" not in mail.outbox[-1].subject
    assert "correo" in mail.outbox[-1].body.lower()


def test_ideas_and_comments_keep_the_language_they_were_written_in(client, home_page):
    challenge = ChallengeFactory.create("submission")
    with translation.override("es"):
        idea = IdeaFactory(challenge=challenge, title="Bancos a la sombra en la plaza del mercado")
        comment = Comment.objects.create(idea=idea, author=idea.author, body="<p>Sí, por favor.</p>")
    assert idea.language == "es" and comment.language == "es"
    body = client.get(idea.get_absolute_url()).content.decode()
    assert '<h1 id="idea-title" lang="es">' in body
    assert 'Written in <span lang="es">Español</span>' in body
    assert '<div class="comment__body rich-text" lang="es">' in body
    # Read in Spanish, nothing needs saying.
    spanish = client.get(idea.get_absolute_url(), headers={"accept-language": "es"}).content.decode()
    assert "Escrito en" not in spanish
