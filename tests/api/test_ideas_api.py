"""The ideas API: lists, writes through the services, JSON field errors, and object-level
permissions on every object endpoint."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from ideas import services
from ideas.models import Comment, Flag, Idea
from tests.factories import ChallengeFactory, IdeaFactory, UserFactory
from tests.ideas.test_query_counts import _bulk_ideas

pytestmark = pytest.mark.django_db


@pytest.fixture
def challenge(home_page):
    return ChallengeFactory.create("submission", suggested_tags="Parks, Safety")


@pytest.fixture
def resident():
    return UserFactory(roles=["Residents"])


def _jpeg() -> io.BytesIO:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "green").save(buffer, "JPEG")
    buffer.seek(0)
    buffer.name = "photo.jpg"
    return buffer


def test_challenge_ideas_are_paginated_and_offer_the_registered_sorts(api_client, challenge):
    for n in range(25):
        IdeaFactory(challenge=challenge, title=f"Idea {n}")
    detail = api_client.get(f"/api/v1/challenges/{challenge.pk}/").json()
    assert {"newest", "supported", "discussed", "random"} <= set(detail["sorts"])
    first = api_client.get(f"/api/v1/challenges/{challenge.pk}/ideas/?sort=random&seed=42").json()
    second = api_client.get(f"/api/v1/challenges/{challenge.pk}/ideas/?sort=random&seed=42&page=2").json()
    assert first["count"] == 25 and len(first["results"]) == 20 and len(second["results"]) == 5
    assert not {idea["id"] for idea in first["results"]} & {idea["id"] for idea in second["results"]}
    again = api_client.get(f"/api/v1/challenges/{challenge.pk}/ideas/?sort=random&seed=42").json()
    assert [i["id"] for i in again["results"]] == [i["id"] for i in first["results"]]


def test_unknown_sort_is_a_field_error(api_client, challenge):
    response = api_client.get(f"/api/v1/challenges/{challenge.pk}/ideas/?sort=loudest")
    assert response.status_code == 400
    assert "newest" in response.json()["sort"][0]


def test_resident_creates_an_idea_with_sanitised_body(api_client, challenge, resident):
    api_client.force_authenticate(resident)
    response = api_client.post(
        "/api/v1/ideas/",
        {
            "challenge": challenge.pk,
            "title": "Swings for adults",
            "summary": "Why should children have all the fun?",
            "body": '<p onclick="x()">Hi <a href="javascript:alert(1)">there</a><script>bad()</script></p>',
            "tags": ["Parks"],
            "latitude": "52.1",
            "longitude": "4.3",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["stage"] == "published" and data["tags"] == ["parks"]
    idea = Idea.objects.get(pk=data["id"])
    assert "script" not in idea.body and "javascript" not in idea.body and "onclick" not in idea.body


def test_bad_input_gets_field_errors_and_stores_nothing(api_client, challenge, resident):
    api_client.force_authenticate(resident)
    blank = api_client.post("/api/v1/ideas/", {"challenge": challenge.pk, "title": " ", "summary": "ok"}, format="json")
    assert blank.status_code == 400 and "title" in blank.json()
    half_place = api_client.post(
        "/api/v1/ideas/", {"challenge": challenge.pk, "title": "T", "summary": "S", "latitude": "52.1"}, format="json"
    )
    assert half_place.status_code == 400
    assert half_place.json()["latitude"] == ["Give both latitude and longitude, or neither."]
    bad_tag_type = api_client.post(
        "/api/v1/ideas/", {"challenge": challenge.pk, "title": "T", "summary": "S", "tags": "x" * 60}, format="json"
    )
    assert bad_tag_type.status_code == 400 and "tags" in bad_tag_type.json()
    assert not Idea.objects.exists()


def test_photo_upload_needs_alt_text_and_real_image_bytes(api_client, challenge, resident):
    api_client.force_authenticate(resident)
    base = {"challenge": challenge.pk, "title": "With photo", "summary": "See the picture"}
    missing_alt = api_client.post(
        "/api/v1/ideas/", {**base, "photo": _jpeg(), "photo_consent": "true"}, format="multipart"
    )
    assert missing_alt.status_code == 400 and "photo_alt" in missing_alt.json()
    fake = io.BytesIO(b"%PDF-1.4 not a photo")
    fake.name = "photo.jpg"
    renamed = api_client.post(
        "/api/v1/ideas/", {**base, "photo": fake, "photo_alt": "x", "photo_consent": "true"}, format="multipart"
    )
    assert renamed.status_code == 400 and "JPEG, PNG or WebP" in renamed.json()["photo"][0]
    assert not Idea.objects.exists()
    ok = api_client.post(
        "/api/v1/ideas/",
        {**base, "photo": _jpeg(), "photo_alt": "A green square", "photo_consent": "true"},
        format="multipart",
    )
    assert ok.status_code == 201
    assert ok.json()["photo"]["alt"] == "A green square"


def test_a_photo_needs_the_same_consent_as_on_the_form(api_client, challenge, resident):
    api_client.force_authenticate(resident)
    base = {
        "challenge": challenge.pk,
        "title": "Shade sails over the Elm Street playground",
        "summary": "The slide gets too hot to touch by noon in July.",
        "photo_alt": "The playground at noon, no shade anywhere",
    }
    refused = api_client.post("/api/v1/ideas/", {**base, "photo": _jpeg()}, format="multipart")
    assert refused.status_code == 400
    assert refused.json() == {
        "photo_consent": [
            "Please confirm that you may share this photo and that it shows no one without their agreement."
        ]
    }
    said_no = api_client.post(
        "/api/v1/ideas/", {**base, "photo": _jpeg(), "photo_consent": "false"}, format="multipart"
    )
    assert said_no.status_code == 400 and "photo_consent" in said_no.json()
    assert not Idea.objects.exists()

    without_photo = api_client.post("/api/v1/ideas/", {k: v for k, v in base.items() if k != "photo_alt"})
    assert without_photo.status_code == 201
    url = f"/api/v1/ideas/{without_photo.json()['id']}/"
    added_later = api_client.patch(url, {"photo": _jpeg(), "photo_alt": base["photo_alt"]}, format="multipart")
    assert added_later.status_code == 400 and "photo_consent" in added_later.json()
    assert api_client.get(url).json()["photo"] is None
    consented = api_client.patch(
        url, {"photo": _jpeg(), "photo_alt": base["photo_alt"], "photo_consent": "true"}, format="multipart"
    )
    assert consented.status_code == 200
    assert consented.json()["photo"]["alt"] == base["photo_alt"]


def test_someone_elses_draft_is_invisible_on_every_endpoint(api_client, challenge, resident):
    draft = IdeaFactory(challenge=challenge, stage="draft", published_at=None)
    api_client.force_authenticate(resident)
    base = f"/api/v1/ideas/{draft.pk}/"
    assert api_client.get(base).status_code == 404
    assert api_client.patch(base, {"title": "Mine now"}, format="json").status_code == 404
    assert api_client.delete(base).status_code == 404
    assert api_client.post(base + "submit/").status_code == 404
    assert api_client.get(base + "comments/").status_code == 404
    assert api_client.post(base + "comments/", {"body": "Hi"}, format="json").status_code == 404
    assert api_client.post(base + "flag/", {"reason": "spam"}, format="json").status_code == 404
    assert api_client.post(base + "follow/").status_code == 404
    listed = api_client.get(f"/api/v1/ideas/?challenge={challenge.pk}").json()
    assert draft.pk not in [idea["id"] for idea in listed["results"]]
    draft.refresh_from_db()
    assert draft.stage == "draft" and draft.title != "Mine now"


def test_a_resident_cannot_change_or_withdraw_anothers_idea(api_client, challenge, resident):
    idea = IdeaFactory(challenge=challenge, title="Original")
    api_client.force_authenticate(resident)
    assert api_client.patch(f"/api/v1/ideas/{idea.pk}/", {"title": "Hijacked"}, format="json").status_code == 403
    assert api_client.delete(f"/api/v1/ideas/{idea.pk}/").status_code == 403
    idea.refresh_from_db()
    assert idea.title == "Original" and idea.stage == "published"


def test_author_updates_and_withdraws_their_idea(api_client, challenge, resident):
    idea = services.idea_create(challenge=challenge, author=resident, title="Mine", summary="Summary")
    api_client.force_authenticate(resident)
    response = api_client.patch(f"/api/v1/ideas/{idea.pk}/", {"title": "Mine, better"}, format="json")
    assert response.status_code == 200 and response.json()["title"] == "Mine, better"
    assert api_client.delete(f"/api/v1/ideas/{idea.pk}/").status_code == 204
    idea.refresh_from_db()
    assert idea.stage == "withdrawn"


def test_comments_replies_and_their_permissions(api_client, challenge, resident):
    idea = IdeaFactory(challenge=challenge)
    api_client.force_authenticate(resident)
    top = api_client.post(f"/api/v1/ideas/{idea.pk}/comments/", {"body": "Nice"}, format="json")
    assert top.status_code == 201
    reply = api_client.post(
        f"/api/v1/ideas/{idea.pk}/comments/", {"body": "Me too", "parent": top.json()["id"]}, format="json"
    )
    assert reply.status_code == 201 and reply.json()["depth"] == 1
    official = api_client.post(f"/api/v1/ideas/{idea.pk}/comments/", {"body": "x", "official": True}, format="json")
    assert official.status_code == 403

    other = UserFactory()
    api_client.force_authenticate(other)
    comment_url = f"/api/v1/comments/{top.json()['id']}/"
    assert api_client.patch(comment_url, {"body": "Edited by someone else"}, format="json").status_code == 403
    assert api_client.delete(comment_url).status_code == 403
    assert api_client.post(comment_url + "flag/", {"reason": "abuse"}, format="json").status_code == 201
    assert api_client.post(comment_url + "flag/", {"reason": "abuse"}, format="json").status_code == 400

    api_client.force_authenticate(resident)
    assert api_client.delete(comment_url).status_code == 204
    listed = api_client.get(f"/api/v1/ideas/{idea.pk}/comments/").json()["results"]
    assert listed[0]["is_deleted"] and listed[0]["body"] is None
    assert Comment.objects.count() == 2 and Flag.objects.count() == 1


def test_writes_need_a_signed_in_person(api_client, challenge):
    idea = IdeaFactory(challenge=challenge)
    response = api_client.post(f"/api/v1/ideas/{idea.pk}/comments/", {"body": "Hi"}, format="json")
    assert response.status_code in (401, 403)
    assert "detail" in response.json()


def test_comment_rate_limit_is_a_friendly_429(api_client, challenge, resident, settings):
    settings.GREENLIGHT_COMMENTS_PER_MINUTE = 2
    idea = IdeaFactory(challenge=challenge)
    api_client.force_authenticate(resident)
    for _ in range(2):
        assert api_client.post(f"/api/v1/ideas/{idea.pk}/comments/", {"body": "Hi"}, format="json").status_code == 201
    third = api_client.post(f"/api/v1/ideas/{idea.pk}/comments/", {"body": "Hi"}, format="json")
    assert third.status_code == 429
    assert "wait a minute" in third.json()["detail"]
    assert Comment.objects.count() == 2


def test_api_list_queries_do_not_grow_with_ideas(api_client, challenge):
    def count():
        url = f"/api/v1/challenges/{challenge.pk}/ideas/?sort=supported"
        api_client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert api_client.get(url).status_code == 200
        return len(queries)

    _bulk_ideas(challenge, 5)
    few = count()
    _bulk_ideas(challenge, 495)
    assert count() == few <= 15
