import pytest
from django.contrib.auth.models import Group

from accounts import roles, services
from accounts.rules import is_verified

pytestmark = pytest.mark.django_db


def test_every_role_exists_after_migrations():
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ROLES)


@pytest.mark.parametrize("role", roles.ADMIN_ROLES)
def test_admin_roles_may_open_the_admin(client, user_factory, role):
    person = user_factory(roles=[role])
    assert person.has_perm("wagtailadmin.access_admin")
    client.force_login(person)
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("role", [roles.RESIDENTS, roles.CITY_STAFF])
def test_participant_roles_may_not_open_the_admin(client, user_factory, role):
    person = user_factory(roles=[role])
    assert not person.has_perm("wagtailadmin.access_admin")
    client.force_login(person)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/" not in response["Location"].split("?")[0]


def test_leadership_manages_districts_and_users(client, user_factory):
    leader = user_factory(roles=[roles.LEADERSHIP])
    assert leader.has_perm("accounts.add_district")
    assert leader.has_perm("accounts.change_user")
    assert leader.has_perm("accounts.manage_roles")
    client.force_login(leader)
    assert client.get("/admin/snippets/accounts/district/").status_code == 200
    assert client.get("/admin/users/").status_code == 200


def test_moderators_cannot_manage_districts(client, user_factory):
    moderator = user_factory(roles=[roles.MODERATORS])
    assert not moderator.has_perm("accounts.add_district")
    client.force_login(moderator)
    assert client.get("/admin/snippets/accounts/district/add/").status_code in (302, 403)


def test_set_roles_gives_and_takes_admin_access(user_factory):
    person = user_factory(roles=[roles.RESIDENTS])
    services.user_set_roles(user=person, role_names=[roles.RESIDENTS, roles.EVALUATORS])
    assert person.is_staff
    services.user_set_roles(user=person, role_names=[roles.RESIDENTS])
    assert not person.is_staff
    with pytest.raises(ValueError, match="Unknown roles"):
        services.user_set_roles(user=person, role_names=["Wizards"])


def test_unverified_people_cannot_take_part(user_factory):
    assert is_verified(user_factory())
    assert not is_verified(user_factory(verified=False))


def test_only_greenlight_roles_exist_and_moderators_do_not_publish_pages():
    from wagtail.models import GroupPagePermission

    assert not Group.objects.filter(name="Editors").exists()
    assert not GroupPagePermission.objects.filter(group__name=roles.MODERATORS).exists()
    assert GroupPagePermission.objects.filter(
        group__name=roles.LEADERSHIP, permission__codename="publish_page"
    ).exists()


def test_leadership_gives_a_role_in_the_admin(client, user_factory, district):
    leader = user_factory(roles=[roles.LEADERSHIP])
    person = user_factory(roles=[roles.RESIDENTS])
    client.force_login(leader)
    form = client.get(f"/admin/users/edit/{person.pk}/").content.decode()
    assert 'name="is_superuser"' not in form
    assert 'name="display_name"' in form and 'name="district"' in form
    staff = Group.objects.get(name=roles.CITY_STAFF)
    response = client.post(
        f"/admin/users/edit/{person.pk}/",
        {
            "email": person.email,
            "display_name": person.display_name,
            "first_name": "",
            "last_name": "",
            "district": district.pk,
            "is_active": "on",
            "groups": [staff.pk],
            "is_superuser": "on",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    person.refresh_from_db()
    assert list(person.groups.values_list("name", flat=True)) == [roles.CITY_STAFF]
    assert person.district == district
    assert not person.is_superuser
    assert not person.is_staff
    moderators = Group.objects.get(name=roles.MODERATORS)
    data = {"email": person.email, "display_name": "Mo", "is_active": "on", "groups": [moderators.pk]}
    assert client.post(f"/admin/users/edit/{person.pk}/", data).status_code == 302
    person.refresh_from_db()
    assert person.is_staff  # the admin link now shows for the new moderator


def test_leadership_cannot_edit_a_superuser(client, user_factory):
    leader = user_factory(roles=[roles.LEADERSHIP])
    admin = user_factory(is_superuser=True)
    client.force_login(leader)
    assert client.get(f"/admin/users/edit/{admin.pk}/").status_code in (302, 403)
    assert client.post(f"/admin/users/{admin.pk}/delete/").status_code in (302, 403, 404)
    admin.refresh_from_db()
