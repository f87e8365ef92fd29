"""Every page Greenlight adds to the Wagtail admin passes axe (WCAG 2.2 A/AA), with the demo
city's content on it, checked the way the journeys check pages: the whole page, Wagtail's
own chrome included.

A second test keeps the list honest: every admin URL name that belongs to Greenlight (a view
in one of its apps, or a Wagtail view over one of its models) is either visited here or
named in ``NOT_PAGES`` with the reason, so a new admin page cannot be forgotten."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, reverse
from playwright.sync_api import expect

from tests.factories import PASSWORD, UserFactory

GREENLIGHT_APPS = set(settings.LOCAL_APPS)

# URL name -> how to find its arguments in the demo city (None: it takes none).
PAGES = {
    # Moderation: ideas, comments, reports, and the confirmation of a moderation action
    "wagtailsnippets_ideas_idea:list": None,
    "wagtailsnippets_ideas_idea:inspect": "idea",
    "wagtailsnippets_ideas_idea:add": None,
    "wagtailsnippets_ideas_idea:edit": "idea",
    "wagtailsnippets_ideas_idea:copy": "idea",
    "wagtailsnippets_ideas_idea:delete": "idea",
    "wagtailsnippets_ideas_idea:history": "idea",
    "wagtailsnippets_ideas_idea:usage": "idea",
    "wagtailsnippets_ideas_comment:list": None,
    "wagtailsnippets_ideas_comment:inspect": "comment",
    "wagtailsnippets_ideas_comment:add": None,
    "wagtailsnippets_ideas_comment:edit": "comment",
    "wagtailsnippets_ideas_comment:copy": "comment",
    "wagtailsnippets_ideas_comment:delete": "comment",
    "wagtailsnippets_ideas_comment:history": "comment",
    "wagtailsnippets_ideas_comment:usage": "comment",
    "wagtailsnippets_ideas_flag:list": None,
    "wagtailsnippets_ideas_flag:inspect": "flag",
    "wagtailsnippets_ideas_flag:add": None,
    "wagtailsnippets_ideas_flag:edit": "flag",
    "wagtailsnippets_ideas_flag:copy": "flag",
    "wagtailsnippets_ideas_flag:delete": "flag",
    "wagtailsnippets_ideas_flag:history": "flag",
    "wagtailsnippets_ideas_flag:usage": "flag",
    "ideas_moderate": "moderation",
    "challenges:index": None,
    "challenges:choose_parent": None,
    # Districts and people (the user admin with Greenlight's fields and roles)
    "wagtailsnippets_accounts_district:list": None,
    "wagtailsnippets_accounts_district:add": None,
    "wagtailsnippets_accounts_district:edit": "district",
    "wagtailsnippets_accounts_district:copy": "district",
    "wagtailsnippets_accounts_district:delete": "district",
    "wagtailsnippets_accounts_district:history": "district",
    "wagtailsnippets_accounts_district:usage": "district",
    "wagtailusers_users:index": None,
    "wagtailusers_users:add": None,
    "wagtailusers_users:edit": "person",
    "wagtailusers_users:copy": "person",
    "wagtailusers_users:delete": "person",
    "wagtailusers_users:history": "person",
    "wagtailusers_users:usage": "person",
    # Pipeline
    "pipeline:index": None,
    "pipeline:board": "challenge",
    "pipeline:evaluators": "challenge",
    "pipeline:idea": "reviewed_idea",
    "pipeline:scorecard": "reviewed_idea",
    # Voting
    "voting_admin:index": None,
    "voting_admin:challenge": "voted_challenge",
    "voting_admin:resident_codes": None,
    # Insights
    "insights:index": None,
    "insights:challenge": "voted_challenge",
    "insights:supports": None,
    "insights:export_status": "export",
    "insights_ideas:index": None,
    "insights_comments:index": None,
    "insights_evaluations:index": None,
    "insights_pilots:index": None,
    # Integrations and notifications
    "integrations_admin:index": None,
    "integrations_admin:endpoint_add": None,
    "integrations_admin:endpoint": "endpoint",
    "integrations_admin:endpoint_edit": "endpoint",
    "integrations_admin:system_add": None,
    "integrations_admin:service_token": "system",
    "notifications_admin:outbox": None,
    "notifications_admin:announce": None,
}

# Wagtail's page editor, opened on each of Greenlight's page types (their panels, StreamField
# blocks and the pilot's KPI editor are Greenlight's).
PAGE_TYPES = [
    "home.HomePage",
    "home.StandardPage",
    "ideas.ChallengeIndexPage",
    "ideas.ChallengePage",
    "pipeline.PilotIndexPage",
    "pipeline.PilotPage",
]

NOT_PAGES = {
    # What a listing's filters and pagination fetch into the page already checked.
    **{
        f"{namespace}:{name}": "the rows of a listing checked above"
        for namespace, name in [
            ("wagtailsnippets_ideas_idea", "list_results"),
            ("wagtailsnippets_ideas_comment", "list_results"),
            ("wagtailsnippets_ideas_flag", "list_results"),
            ("wagtailsnippets_accounts_district", "list_results"),
            ("wagtailusers_users", "index_results"),
            ("challenges", "index_results"),
            ("insights_ideas", "index_results"),
            ("insights_comments", "index_results"),
            ("insights_evaluations", "index_results"),
            ("insights_pilots", "index_results"),
            ("wagtailsnippets_ideas_idea", "history_results"),
            ("wagtailsnippets_ideas_comment", "history_results"),
            ("wagtailsnippets_ideas_flag", "history_results"),
            ("wagtailsnippets_accounts_district", "history_results"),
            ("wagtailusers_users", "history_results"),
        ]
    },
    # Wagtail's chooser modals (JSON for a field's "Choose" dialog), not pages.
    **{
        f"wagtailsnippetchoosers_{model}:{name}": "a chooser modal's JSON"
        for model in ("ideas_idea", "ideas_comment", "ideas_flag", "accounts_district")
        for name in ("choose", "choose_results", "chosen", "chosen_multiple", "create")
    },
    "pipeline:board_move": "a form's POST from the board; answers with a redirect",
    "pipeline:idea_move": "a form's POST from the idea's pipeline page; answers with a redirect",
    "pipeline:idea_merge": "a form's POST from the idea's pipeline page; answers with a redirect",
    "pipeline:start_pilot": "a form's POST from the board; answers with a redirect",
    "integrations_admin:redeliver": "a button's POST; answers with a redirect",
    "integrations_admin:service_token_revoke": "a button's POST; answers with a redirect",
    "insights:chart_data": "a chart's data as CSV or JSON",
    "insights:export_download": "a spreadsheet download",
}


def greenlight_admin_url_names() -> set[str]:
    """Admin URL names whose view is Greenlight's, or Wagtail's over a Greenlight model."""
    from wagtail.admin import urls as admin_urls

    def walk(patterns, namespaces=()):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, namespaces + ((pattern.namespace,) if pattern.namespace else ()))
            elif isinstance(pattern, URLPattern) and pattern.name:
                view_class = getattr(pattern.callback, "view_class", None)
                module = (view_class or pattern.callback).__module__
                model = getattr(pattern.callback, "view_initkwargs", {}).get("model") or getattr(
                    view_class, "model", None
                )
                app = getattr(getattr(model, "_meta", None), "app_label", None)
                if module.split(".")[0] in GREENLIGHT_APPS or app in GREENLIGHT_APPS:
                    yield ":".join((*namespaces, pattern.name))

    return set(walk(admin_urls.urlpatterns))


@pytest.mark.django_db
def test_every_greenlight_admin_page_is_checked_or_said_not_to_be_a_page():
    names = greenlight_admin_url_names()
    assert not PAGES.keys() & NOT_PAGES.keys()
    assert names - PAGES.keys() - NOT_PAGES.keys() == set(), "admin pages nobody checks with axe"
    assert (PAGES.keys() | NOT_PAGES.keys()) - names == set(), "names that are no longer admin URLs"


def _arguments(superuser) -> dict:
    """The demo's records each page is shown for."""
    from accounts.models import District, User
    from ideas.admin_views import idea_actions_for
    from ideas.models import ChallengePage, Comment, Flag, Idea, IdeaStage
    from insights import services as insights_services
    from integrations.models import SystemAccount, WebhookEndpoint
    from pipeline.models import Evaluation

    held = Idea.objects.filter(stage=IdeaStage.SUBMITTED).first() or Idea.objects.first()
    export, _content = insights_services.export_listing(
        requester=superuser, kind="ideas", file_format="csv", parameters={}
    )
    reviewed = Evaluation.objects.select_related("idea").first().idea
    voted = ChallengePage.objects.filter(ideas__supports__isnull=False, locale__language_code="en").first()
    return {
        "idea": [Idea.objects.order_by("-flag_count", "-comment_count").first().pk],
        "comment": [Comment.objects.exclude(flags=None).first().pk],
        "flag": [Flag.objects.first().pk],
        "moderation": ["idea", held.pk, idea_actions_for(held)[0]],
        "district": [District.objects.first().pk],
        "person": [User.objects.filter(is_superuser=False, groups__isnull=False).first().pk],
        "challenge": [reviewed.challenge_id],
        "reviewed_idea": [reviewed.pk],
        "voted_challenge": [voted.pk],
        "export": [export.pk],
        "endpoint": [WebhookEndpoint.objects.first().pk],
        "system": [SystemAccount.objects.first().pk],
    }


def _page_editors() -> list[tuple[str, str]]:
    from django.apps import apps

    visits = []
    for label in PAGE_TYPES:
        page = apps.get_model(label).objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
        visits.append((f"editor of a {label}", reverse("wagtailadmin_pages:edit", args=[page.pk])))
    index = apps.get_model("ideas.ChallengeIndexPage").objects.first()
    visits.append(("a new challenge", reverse("wagtailadmin_pages:add", args=["ideas", "challengepage", index.pk])))
    return visits


@pytest.mark.django_db(transaction=True)
def test_every_greenlight_admin_page_passes_axe(journey):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    admin = UserFactory(email="admin@riverside.example", display_name="Rosa Admin", is_staff=True, is_superuser=True)
    arguments = _arguments(admin)
    page = journey.page
    journey.go("/accounts/login/?next=/admin/")
    page.get_by_label("Email").fill(admin.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url("**/admin/")

    visits = [(name, reverse(name, args=arguments[key] if key else None)) for name, key in PAGES.items()]
    visits += _page_editors()
    failures = []
    for name, url in visits:
        answer = page.goto(journey.base_url + url)
        if answer.status != 200:
            failures.append(f"{name} ({url}): HTTP {answer.status}")
            continue
        try:
            journey.check_a11y(name)
        except AssertionError as error:
            failures.append(f"{name}: {error}")
    assert not failures, "\n\n".join(failures)

    # The "Roles" button under a new person's account fields still opens the Roles tab.
    journey.go(reverse("wagtailusers_users:add"))
    page.get_by_role("link", name="Roles").click()
    expect(page.get_by_role("tab", name="Roles")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("tabpanel", name="Roles").get_by_text("Moderators")).to_be_visible()
