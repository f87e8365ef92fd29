"""Journeys for everyone: in Spanish, with the keyboard alone, and on a 320 px screen or at
200% zoom without scrolling sideways."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from accounts.models import User
from ideas.models import Idea
from tests.factories import PASSWORD, ChallengeFactory, IdeaFactory, UserFactory
from voting.models import PairwiseVote, Support


def _tab_to(page, locator, limit: int = 120) -> None:
    """Press Tab until ``locator`` has the focus, as a keyboard user would (fails if never)."""
    target = locator.element_handle()
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("element => document.activeElement === element", target):
            return
    raise AssertionError(f"{locator} cannot be reached with the Tab key")


def _type_into(page, locator, text: str) -> None:
    _tab_to(page, locator)
    page.keyboard.type(text)


@pytest.mark.browser_context_args(locale="es-ES")
def test_spanish_resident_reads_shares_and_switches_language(journey, home_page):
    streets = ChallengeFactory.create("submission", title="Better streets", question="How could our streets be kinder?")
    spanish, _created = Locale.objects.get_or_create(language_code="es")
    translated = streets.copy_for_translation(spanish, copy_parents=True)
    translated.title = "Calles mejores"
    translated.question = "¿Cómo podrían ser nuestras calles más amables?"
    translated.save_revision().publish()
    resident = UserFactory(email="lucia.fernandez@example.org", display_name="Lucía F.")
    page = journey.page

    journey.go("/")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("link", name="Inicio")).to_be_visible()
    journey.check_a11y("inicio")

    journey.go("/accounts/login/")
    page.get_by_label("Correo electrónico").fill(resident.email)
    page.get_by_label("Contraseña", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Iniciar sesión").click()
    page.wait_for_url(journey.base_url + "/")

    journey.go(streets.url)
    expect(page.get_by_role("heading", name="Calles mejores", level=1)).to_be_visible()
    expect(page.get_by_text("¿Cómo podrían ser nuestras calles más amables?")).to_be_visible()
    journey.check_a11y("reto en español")
    page.get_by_role("link", name="Comparte tu idea").first.click()
    page.get_by_label("Título").fill("Bancos a la sombra en la plaza del mercado")
    expect(page.get_by_text("42 de 140 caracteres")).to_be_visible()
    page.get_by_label("Resumen en una línea").fill("En verano no hay dónde sentarse a la sombra.")
    journey.check_a11y("formulario de idea")
    page.get_by_role("button", name="Enviar idea").click()
    expect(page.get_by_text("¡Gracias! Tu idea está publicada.")).to_be_visible()
    journey.check_a11y("idea publicada")
    idea = Idea.objects.get(title="Bancos a la sombra en la plaza del mercado")
    assert idea.language == "es"

    # The switcher, by keyboard: the page and the profile change to English.
    english = page.get_by_role("button", name="English")
    _tab_to(page, english)
    page.keyboard.press("Enter")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_text("Written in Español")).to_be_visible()
    expect(page.locator("#idea-title")).to_have_attribute("lang", "es")
    journey.check_a11y("idea in English")
    assert User.objects.get(pk=resident.pk).language == "en"


def test_keyboard_only_share_support_and_compare(journey, home_page):
    open_call = ChallengeFactory.create("submission", title="Open call 2027")
    streets = ChallengeFactory.create("voting", title="Better streets")
    IdeaFactory(challenge=streets, title="Timers at the Mill Lane school crossing")
    parks = ChallengeFactory.create("voting", title="Parks for everyone", voting_method="pairwise")
    for title in ("Splash pad by the river", "Night walks with a ranger", "Reading corner under the oaks"):
        IdeaFactory(challenge=parks, title=title)
    resident = UserFactory(roles=["Residents"])
    page = journey.page

    journey.go("/accounts/login/")
    _type_into(page, page.get_by_label("Email"), resident.email)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(journey.base_url + "/")

    journey.go(open_call.url)
    _tab_to(page, page.get_by_role("link", name="Share your idea").first)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/ideas/new/"))
    _type_into(page, page.get_by_label("Title"), "Free water refill points at bus stops")
    _type_into(page, page.get_by_label("One-line summary"), "Let people refill bottles while they wait.")
    _tab_to(page, page.get_by_role("button", name="Submit idea"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Thank you! Your idea is published.")).to_be_visible()
    assert Idea.objects.filter(title="Free water refill points at bus stops", author=resident).exists()

    journey.go(streets.url)
    support = page.get_by_role("button", name=re.compile(r"^Support\s*:\s*Timers at the Mill Lane"))
    _tab_to(page, support)
    page.keyboard.press("Enter")
    expect(page.get_by_text(re.compile("You support “Timers at the Mill Lane school crossing”"))).to_be_visible()
    assert Support.objects.filter(voter=resident).count() == 1
    journey.check_a11y("supported by keyboard")

    journey.go(f"/votes/challenges/{parks.pk}/compare/")
    for answered in range(2):
        expect(page.get_by_text(re.compile(rf"You have compared {answered} pairs?\."))).to_be_visible()
        _tab_to(page, page.locator(".compare__choice").first)
        page.keyboard.press("Enter")
    expect(page.get_by_text("You have compared 2 pairs.")).to_be_visible()
    assert PairwiseVote.objects.filter(voter=resident).count() == 2


@pytest.mark.parametrize(
    "viewport",
    [{"width": 320, "height": 640, "scale": 1}, {"width": 640, "height": 400, "scale": 2}],
    ids=["320px", "zoom200"],
)
def test_pages_reflow_without_sideways_scrolling(journey, home_page, browser, live_server, viewport):
    streets = ChallengeFactory.create("voting", title="Better streets")
    idea = IdeaFactory(
        challenge=streets,
        title="Timers at the Mill Lane school crossing that count down the seconds left to cross",
        summary="Children and older people would know whether to start crossing or wait for the next green.",
    )
    parks = ChallengeFactory.create("voting", title="Parks for everyone", voting_method="pairwise")
    for title in ("Splash pad by the river", "Night walks with a ranger"):
        IdeaFactory(challenge=parks, title=title)
    resident = UserFactory()
    context = browser.new_context(
        viewport={"width": viewport["width"], "height": viewport["height"]}, device_scale_factor=viewport["scale"]
    )
    page = context.new_page()
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email").fill(resident.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(live_server.url + "/")
    paths = ["/", streets.url, idea.get_absolute_url(), f"/votes/challenges/{parks.pk}/compare/", "/me/profile/"]
    paths += [f"/ideas/new/{streets.pk}/", "/me/data/", "/search/?q=crossing"]
    wide = []
    for path in paths:
        page.goto(live_server.url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            wide.append(f"{path} (+{overflow}px)")
    context.close()
    assert not wide, f"Sideways scrolling at {viewport['width']}px: {', '.join(wide)}"
