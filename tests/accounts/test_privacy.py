"""Download my data and Delete my account: what a person gets, and what stays behind."""

import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.contrib.auth import authenticate
from django.test import override_settings
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accounts.models import DataExport, User
from ideas.models import Comment, Follow, Idea
from tests.factories import PASSWORD, ChallengeFactory, IdeaFactory, UserFactory
from voting import services as voting_services
from voting.models import Support

pytestmark = pytest.mark.django_db


@pytest.fixture
def resident(home_page):
    return UserFactory(email="nadia.haddad@example.org", display_name="Nadia H.", roles=["Residents"])


@pytest.fixture
def voting_now(home_page):
    return ChallengeFactory.create("voting", title="Better streets")


@pytest.fixture
def closed(home_page):
    return ChallengeFactory.create("closed", title="Smart lighting")


@pytest.fixture
def contributions(resident, voting_now, closed):
    neighbour = UserFactory(display_name="Tomás R.")
    mine = IdeaFactory(
        challenge=voting_now,
        author=resident,
        title="Shade sails over the Market Square benches",
        summary="Summer afternoons on the square are too hot to sit.",
    )
    theirs = IdeaFactory(challenge=voting_now, author=neighbour, title="Timers at the Mill Lane school crossing")
    old = IdeaFactory(challenge=closed, author=neighbour, title="Lights that dim when streets are empty")
    Comment.objects.create(idea=theirs, author=resident, body="<p>Please add one near the library too.</p>")
    Idea.objects.filter(pk=theirs.pk).update(comment_count=1)
    voting_services.support_add(voter=resident, idea=theirs)
    # A support given while the closed challenge was still voting.
    Support.objects.create(voter=resident, idea=old)
    Idea.objects.filter(pk=old.pk).update(support_count=1)
    Follow.objects.create(follower=resident, challenge=voting_now)
    return {"mine": mine, "theirs": theirs, "old": old}


def _zip(response) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_download_my_data_as_json_and_csv(client, resident, contributions, django_capture_on_commit_callbacks):
    client.force_login(resident)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/me/data/")
    assert response.status_code == 302
    page = client.get("/me/data/").content.decode()
    export = DataExport.objects.get(user=resident)
    assert export.status == "ready" and f"/me/data/{export.token}/" in page
    assert export.expires_at > timezone.now() + timedelta(days=6)

    download = client.get(f"/me/data/{export.token}/")
    assert download["Content-Type"] == "application/zip"
    archive = _zip(download)
    assert {"data.json", "account.csv", "ideas.csv", "comments.csv", "supports.csv", "follows.csv"} <= set(
        archive.namelist()
    )
    data = json.loads(archive.read("data.json"))
    assert data["account"][0]["email"] == "nadia.haddad@example.org"
    assert [idea["title"] for idea in data["ideas"]] == ["Shade sails over the Market Square benches"]
    assert data["comments"][0]["text"] == "<p>Please add one near the library too.</p>"
    assert {s["idea"] for s in data["supports"]} == {
        "Timers at the Mill Lane school crossing",
        "Lights that dim when streets are empty",
    }
    assert data["follows"][0]["challenge"] == "Better streets"
    assert "Shade sails over the Market Square benches" in archive.read("ideas.csv").decode()


def test_the_link_is_private_and_expires(client, resident, contributions, django_capture_on_commit_callbacks):
    client.force_login(resident)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/me/data/")
    export = DataExport.objects.get(user=resident)
    client.force_login(UserFactory())
    assert client.get(f"/me/data/{export.token}/").status_code == 404
    client.force_login(resident)
    DataExport.objects.filter(pk=export.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    assert client.get(f"/me/data/{export.token}/").status_code == 404
    # Nothing of it lies among the public media.
    assert client.get(f"/media/{export.token}.zip").status_code == 404


def test_export_through_the_api(client, resident, contributions, django_capture_on_commit_callbacks):
    client.force_login(resident)
    assert client.get("/api/v1/me/export/").status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        started = client.post("/api/v1/me/export/")
    assert started.status_code == 202
    body = client.get("/api/v1/me/export/").json()
    assert body["status"] == "ready" and body["download_url"].endswith(f"/me/data/{DataExport.objects.get().token}/")
    client.logout()
    assert client.get("/api/v1/me/export/").status_code in (401, 403)


def test_delete_needs_the_password_and_changes_nothing_without_it(client, resident, contributions):
    client.force_login(resident)
    response = client.post("/me/delete/", {"password": "not-my-password"})
    assert response.status_code == 200 and "That is not your password." in response.content.decode()
    resident.refresh_from_db()
    assert resident.is_active and resident.erased_at is None
    assert Support.objects.filter(voter=resident).count() == 2


def test_delete_keeps_contributions_as_former_participant_and_tallies_exact(client, resident, contributions):
    theirs, old = contributions["theirs"], contributions["old"]
    assert Idea.objects.get(pk=theirs.pk).support_count == 1
    client.force_login(resident)
    page = client.get("/me/delete/").content.decode()
    assert "Former participant" in page
    response = client.post("/me/delete/", {"password": PASSWORD})
    assert response.status_code == 302

    person = User.objects.get(pk=resident.pk)
    assert person.erased_at and not person.is_active and "nadia" not in person.email
    assert person.display_name == "" and person.public_name == "Former participant"
    assert authenticate(email="nadia.haddad@example.org", password=PASSWORD) is None
    # Open challenge: the support is withdrawn and the tally follows; closed: kept, anonymous.
    assert Idea.objects.get(pk=theirs.pk).support_count == 0
    assert not Support.objects.filter(idea=theirs).exists()
    assert Idea.objects.get(pk=old.pk).support_count == 1 and Support.objects.filter(idea=old).count() == 1
    assert not Follow.objects.filter(follower=person).exists()
    idea_page = client.get(contributions["mine"].get_absolute_url()).content.decode()
    assert "Shade sails over the Market Square benches" in idea_page and "by Former participant" in idea_page
    entry = ModelLogEntry.objects.get(action="greenlight.account.delete")
    recorded = json.dumps(entry.data) + entry.label
    assert "nadia" not in recorded.lower() and "Nadia" not in recorded


@override_settings(GREENLIGHT_ACCOUNT_DELETION="remove")
def test_delete_can_remove_contributions(client, resident, contributions):
    mine = contributions["mine"]
    client.force_login(resident)
    assert "Your ideas leave the site" in client.get("/me/delete/").content.decode()
    client.post("/me/delete/", {"password": PASSWORD})
    mine.refresh_from_db()
    assert mine.stage == "withdrawn" and "Shade sails" not in mine.title and mine.summary == ""
    comment = Comment.objects.get(idea=contributions["theirs"])
    assert comment.is_deleted and comment.body == ""
    assert Idea.objects.get(pk=contributions["theirs"].pk).comment_count == 0
    assert client.get(mine.get_absolute_url()).status_code == 404


def test_delete_through_the_api(client, resident, contributions):
    client.force_login(resident)
    wrong = client.delete("/api/v1/me/", {"password": "nope"}, content_type="application/json")
    assert wrong.status_code == 400 and "password" in wrong.json()
    done = client.delete("/api/v1/me/", {"password": PASSWORD}, content_type="application/json")
    assert done.status_code == 204
    assert User.objects.get(pk=resident.pk).erased_at is not None
    assert client.get("/api/v1/me/").status_code in (401, 403)
