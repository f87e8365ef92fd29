import pytest

pytestmark = pytest.mark.django_db


def test_me_requires_authentication(api_client):
    assert api_client.get("/api/v1/me/").status_code in (401, 403)


def test_me_shows_own_account(api_client, resident):
    api_client.force_authenticate(resident)
    data = api_client.get("/api/v1/me/").json()
    assert data["email"] == resident.email
    assert data["email_verified"] is True
    assert data["roles"] == ["Residents"]


def test_me_updates_district_and_rejects_bad_values(api_client, resident, district):
    api_client.force_authenticate(resident)
    response = api_client.patch("/api/v1/me/", {"district": district.pk, "display_name": "Rosa"}, format="json")
    assert response.status_code == 200
    assert response.json()["district"] == district.pk
    response = api_client.patch("/api/v1/me/", {"district": 999999}, format="json")
    assert response.status_code == 400
    assert "district" in response.json()
    response = api_client.patch("/api/v1/me/", {"display_name": "a@b.org"}, format="json")
    assert response.status_code == 400
    assert "display_name" in response.json()


def test_schema_and_docs_are_served(client):
    assert client.get("/api/schema/").status_code == 200
    docs = client.get("/api/docs/").content.decode()
    assert "redoc" in docs.lower() and "cdn" not in docs and "googleapis" not in docs
