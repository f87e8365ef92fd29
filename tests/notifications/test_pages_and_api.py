"""What a person sees: the bell's count, the page grouped by day, opening and marking read,
the API and its schema, email choices and the unsubscribe link."""

from datetime import timedelta

import pytest
import time_machine
from django.core import signing
from django.utils import timezone

from notifications.emails import unsubscribe_token
from notifications.models import EmailPreference, Frequency, Kind, Notification
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def inbox(author, idea):
    """Three notifications for the author: two today (one read), one yesterday."""
    now = timezone.now()
    made = [
        Notification.objects.create(
            recipient=author,
            event="idea.stage_changed",
            kind=Kind.MY_IDEAS,
            data={"idea": idea.title, "to": "shortlisted", "note": "Parents back it strongly."},
            url=idea.get_absolute_url(),
            created_at=now,
        ),
        Notification.objects.create(
            recipient=author,
            event="comment.posted",
            kind=Kind.COMMENTS_ON_MY_IDEAS,
            data={"idea": idea.title, "author": "Tomas Berg", "excerpt": "Would buses still get through?"},
            url=idea.get_absolute_url() + "#comment-1",
            created_at=now - timedelta(minutes=5),
            read_at=now,
        ),
        Notification.objects.create(
            recipient=author,
            event="idea.published",
            kind=Kind.MY_IDEAS,
            data={"idea": idea.title},
            url=idea.get_absolute_url(),
            created_at=now - timedelta(days=1),
        ),
    ]
    return made


def test_the_bell_shows_the_unread_count(client, author, inbox):
    client.force_login(author)
    response = client.get("/notifications/")
    assert 'class="bell__count">2<' in response.content.decode()


def test_the_page_groups_by_day_links_each_entry_and_marks_read(client, author, inbox, idea):
    client.force_login(author)
    page = client.get("/notifications/").content.decode()
    assert page.count('<h2 id="day-') == 2
    assert "“Car-free school street on Linden Road” moved to “Shortlisted”" in page
    assert "Parents back it strongly." in page

    response = client.get(f"/notifications/{inbox[0].pk}/open/")
    assert response.status_code == 302 and response["Location"] == idea.get_absolute_url()
    inbox[0].refresh_from_db()
    assert inbox[0].read_at is not None

    client.post("/notifications/read/", {"all": "1"})
    assert not Notification.objects.filter(recipient=author, read_at__isnull=True).exists()


# The user, the page's count and its rows, the site with its settings and menu, the bell's count
# (the session lives in the cache).
NOTIFICATION_PAGE_QUERIES = 7


def _page_queries(client, django_assert_max_num_queries) -> int:
    with django_assert_max_num_queries(NOTIFICATION_PAGE_QUERIES) as captured:
        response = client.get("/notifications/")
    assert response.status_code == 200
    return len(captured)


def test_the_page_costs_the_same_for_3_or_30_notifications(client, author, inbox, idea, django_assert_max_num_queries):
    client.force_login(author)
    client.get("/notifications/")  # what the first page puts in the cache
    few = _page_queries(client, django_assert_max_num_queries)
    now = timezone.now()
    neighbours = ["Tomas Berg", "Ines Duarte", "Kwame Mensah", "Ruth Adler", "Jonas Weber", "Mei Lin"]
    for number in range(27):
        Notification.objects.create(
            recipient=author,
            event="comment.posted",
            kind=Kind.REPLIES if number % 2 else Kind.COMMENTS_ON_MY_IDEAS,
            data={
                "idea": idea.title,
                "author": neighbours[number % len(neighbours)],
                "excerpt": f"Would the buses on route {number + 1} still get through?",
            },
            url=idea.get_absolute_url() + f"#comment-{number + 2}",
            created_at=now - timedelta(days=number % 5, minutes=number),
        )
    assert _page_queries(client, django_assert_max_num_queries) == few
    page = client.get("/notifications/").content.decode()
    assert "Would the buses on route 27 still get through?" in page


def test_nobody_opens_or_marks_anothers_notifications(client, inbox):
    stranger = UserFactory(roles=["Residents"])
    client.force_login(stranger)
    assert client.get(f"/notifications/{inbox[0].pk}/open/").status_code == 404
    client.post("/notifications/read/", {"notification": inbox[0].pk})
    inbox[0].refresh_from_db()
    assert inbox[0].read_at is None


def test_api_lists_unread_and_marks_read(api_client, author, inbox):
    assert api_client.get("/api/v1/me/notifications/").status_code in (401, 403)
    api_client.force_authenticate(author)
    everything = api_client.get("/api/v1/me/notifications/").json()
    assert everything["count"] == 3
    unread = api_client.get("/api/v1/me/notifications/?unread=true").json()
    assert [item["id"] for item in unread["results"]] == [inbox[0].pk, inbox[2].pk]
    first = unread["results"][0]
    assert first["headline"] == "“Car-free school street on Linden Road” moved to “Shortlisted”"
    assert first["link"].endswith(inbox[0].url) and first["read"] is False

    bad = api_client.post("/api/v1/me/notifications/read/", {}, format="json")
    assert bad.status_code == 400
    bad = api_client.post("/api/v1/me/notifications/read/", {"ids": ["first"]}, format="json")
    assert bad.status_code == 400
    done = api_client.post("/api/v1/me/notifications/read/", {"ids": [inbox[0].pk]}, format="json").json()
    assert done == {"marked": 1, "unread": 1}
    done = api_client.post("/api/v1/me/notifications/read/", {"all": True}, format="json").json()
    assert done == {"marked": 1, "unread": 0}


def test_the_notifications_api_is_in_the_schema(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").content.decode()
    assert "/api/v1/me/notifications/" in schema
    assert "/api/v1/me/notifications/read/" in schema
    assert "/api/v1/pilots/{id}/follow/" in schema


def test_email_choices_are_saved(client, author):
    client.force_login(author)
    page = client.get("/notifications/email/").content.decode()
    assert "Ideas I follow" in page and "Daily digest" in page
    choices = {kind.value: Frequency.IMMEDIATE for kind in Kind}
    choices[Kind.FOLLOWED_IDEAS] = Frequency.WEEKLY
    assert client.post("/notifications/email/", choices).status_code == 302
    assert EmailPreference.objects.get(user=author, kind=Kind.FOLLOWED_IDEAS).frequency == Frequency.WEEKLY
    choices[Kind.REPLIES] = "hourly"
    assert client.post("/notifications/email/", choices).status_code == 400


def test_the_unsubscribe_link_works_without_signing_in(client, author):
    token = unsubscribe_token(user_id=author.pk, kind=Kind.REPLIES)
    page = client.get(f"/notifications/unsubscribe/{token}/")
    assert page.status_code == 200 and "Replies to my comments" in page.content.decode()
    done = client.post(f"/notifications/unsubscribe/{token}/")
    assert done.status_code == 200 and "no longer get emails" in done.content.decode()
    assert EmailPreference.objects.get(user=author, kind=Kind.REPLIES).frequency == Frequency.NEVER


def test_one_click_unsubscribe_from_a_mail_client(client, author):
    token = unsubscribe_token(user_id=author.pk, kind=Kind.FOLLOWED_IDEAS)
    response = client.post(f"/notifications/unsubscribe/{token}/", {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert EmailPreference.objects.get(user=author, kind=Kind.FOLLOWED_IDEAS).frequency == Frequency.NEVER


def test_a_tampered_or_expired_link_is_refused_with_a_clear_page(client, author):
    token = unsubscribe_token(user_id=author.pk, kind=Kind.REPLIES)
    tampered = token[:-3] + ("abc" if not token.endswith("abc") else "xyz")
    response = client.post(f"/notifications/unsubscribe/{tampered}/")
    assert response.status_code == 400 and "not valid" in response.content.decode()
    forged = signing.dumps({"u": author.pk, "k": Kind.REPLIES}, salt="something else")
    assert client.get(f"/notifications/unsubscribe/{forged}/").status_code == 400
    with time_machine.travel(timezone.now() + timedelta(days=91)):
        response = client.post(f"/notifications/unsubscribe/{token}/")
    assert response.status_code == 400 and "expired" in response.content.decode()
    assert not EmailPreference.objects.filter(user=author).exists()
