"""Leadership takes an idea from review to a published pilot; a visitor follows it."""

from datetime import date, timedelta

from playwright.sync_api import expect

from accounts import roles
from ideas.models import EvaluationCriterion, Idea
from tests.factories import PASSWORD, ChallengeFactory, IdeaFactory, PilotFactory, UserFactory


def sign_in(journey, email: str) -> None:
    page = journey.page
    journey.go("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(journey.base_url + "/")


def move_on_board(page, title: str, stage: str, note: str) -> None:
    """Select a card and move it with the keyboard only: no drag and drop needed."""
    page.get_by_role("checkbox", name=f"Select {title}").focus()
    page.keyboard.press("Space")
    page.get_by_label("Move to").select_option(label=stage)
    page.get_by_label("Public note").fill(note)
    page.get_by_role("button", name="Move selected").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text(f"Moved 1 idea to “{stage}”.")).to_be_visible()


def test_leadership_takes_an_idea_to_a_pilot_and_a_visitor_follows_it(journey, home_page):
    challenge = ChallengeFactory.create("review", title="Cleaner air", sponsor="Environment Agency")
    EvaluationCriterion.objects.create(challenge=challenge, name="Impact", weight=2)
    idea = IdeaFactory(challenge=challenge, title="Air sensors at schools", summary="Publish the readings live.")
    PilotFactory.index()
    UserFactory(email="lead@example.org", roles=[roles.LEADERSHIP], display_name="Mayor's Office")
    page = journey.page

    sign_in(journey, "lead@example.org")
    journey.go(f"/admin/pipeline/board/{challenge.pk}/")
    journey.check_a11y("board")  # before any message banner fades in
    move_on_board(page, idea.title, "Under review", "The air team is reviewing this with the schools.")
    move_on_board(page, idea.title, "Shortlisted", "The air team will price sensors for all schools by March.")
    # Every stage can be reached: the board scrolls sideways and empty stages are narrow.
    board = page.get_by_role("region", name="Pipeline board")
    assert board.evaluate("element => element.scrollWidth > element.clientWidth || element.clientWidth >= 1000")
    page.get_by_role("checkbox", name=f"Select {idea.title}").check()
    page.get_by_role("button", name="Start a pilot").click()
    expect(page.get_by_text("only selected ideas can start a pilot. Move it to “Selected” first")).to_be_visible()
    page.get_by_role("checkbox", name=f"Select {idea.title}").uncheck()
    move_on_board(page, idea.title, "Selected", "A pilot at five schools starts this spring.")

    page.get_by_role("checkbox", name=f"Select {idea.title}").check()
    page.get_by_role("button", name="Start a pilot").click()
    page.wait_for_url("**/admin/pages/*/edit/")

    # KPIs: one KPI with a baseline, a target and a dated measurement.
    kpis = page.locator("[data-contentpath='kpis']")
    kpis.get_by_role("button", name="Add a KPI").first.click()
    kpis.get_by_label("Name").fill("Classrooms with clean air")
    kpis.get_by_label("Unit").fill("%")
    kpis.get_by_label("Baseline").fill("40")
    kpis.get_by_label("Target").fill("80")
    kpis.get_by_role("button", name="Add a measurement").first.click()
    kpis.get_by_label("Date measured").fill((date.today() - timedelta(days=7)).isoformat())
    page.keyboard.press("Escape")
    kpis.get_by_label("Value").fill("60")

    # A milestone, done.
    page.get_by_role("button", name="Add Milestones").click()
    milestones = page.locator("#id_milestones-FORMS")
    milestones.get_by_label("Title").fill("Sensors installed at five schools")
    milestones.get_by_label("Due").fill((date.today() - timedelta(days=10)).isoformat())
    page.keyboard.press("Escape")
    milestones.get_by_label("Done").fill((date.today() - timedelta(days=9)).isoformat())
    page.keyboard.press("Escape")
    # Running before the start date is refused; with a start date in the past it runs.
    page.get_by_label("Starts").fill((date.today() + timedelta(days=30)).isoformat())
    page.keyboard.press("Escape")
    page.get_by_role("combobox", name="Status").select_option(label="Running")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("A pilot cannot be running before its start date")).to_be_visible()
    page.get_by_label("Starts").fill((date.today() - timedelta(days=14)).isoformat())
    page.keyboard.press("Escape")

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("has been published")).to_be_visible()
    idea.refresh_from_db()
    assert idea.stage == "piloting"

    # A visitor follows what happened.
    page.context.clear_cookies()
    journey.go(idea.get_absolute_url())
    timeline = page.locator(".timeline-panel")
    for text in ("Under review", "Shortlisted", "Selected", "Piloting", "A pilot at five schools starts this spring."):
        expect(timeline.get_by_text(text, exact=True).first).to_be_visible()
    journey.check_a11y("idea timeline")

    timeline.get_by_role("link", name=f"Follow the pilot “{idea.title}”").click()
    expect(page.get_by_role("heading", level=1, name=idea.title)).to_be_visible()
    expect(page.get_by_text("1 of 1")).to_be_visible()
    expect(page.get_by_role("img", name="Classrooms with clean air")).to_be_visible()
    expect(page.get_by_text("The latest value is 50% of the way from the baseline to the target.")).to_be_visible()
    expect(page.get_by_text("Sensors installed at five schools")).to_be_visible()
    journey.check_a11y("pilot page")

    page.get_by_role("link", name="Pilots").first.click()
    page.get_by_label("Status").select_option(label="Running")
    page.get_by_role("button", name="Show pilots").click()
    expect(page.get_by_role("link", name=idea.title)).to_be_visible()
    journey.check_a11y("pilot index")
    assert Idea.objects.get(pk=idea.pk).stage_changes.count() == 4
