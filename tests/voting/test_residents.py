"""Redeeming the code the city sent: once, by one person, for its own challenge, with a limit
on tries, an audit entry without the code, and the person's data export and deletion."""

import threading

import pytest
from django.db import connection
from wagtail.models import ModelLogEntry

from accounts import privacy
from accounts import services as account_services
from innovation.errors import Invalid, RateLimited
from tests.factories import PASSWORD, ChallengeFactory, DistrictFactory, IdeaFactory, UserFactory
from voting import residents, services
from voting.models import ResidentCode, ResidentVerification

WRONG = "This code does not work for this challenge. Check it and try again, or contact the city."


@pytest.fixture
def streets(home_page):
    challenge = ChallengeFactory.create("voting", title="Better streets", residents_must_verify=True)
    north = DistrictFactory(name="Northside", slug="northside")
    residents.resident_codes_import(
        actor=None, challenge=challenge, data=b"code,district\nELM-4821-KQ,Northside\nOAK-1177-PX,\n"
    )
    challenge.north = north
    return challenge


def _code_error(excinfo) -> list[str]:
    return excinfo.value.message_dict["code"]


@pytest.mark.django_db
def test_a_code_works_once_and_lets_its_owner_support(streets):
    amira = UserFactory(email="amira.khan@example.org", roles=["Residents"])
    idea = IdeaFactory(challenge=streets, title="Raised crossing outside Elm Street school")

    verification, created = residents.resident_code_redeem(user=amira, challenge=streets, code=" elm 4821-kq ")
    assert created and verification.challenge == streets and verification.method == "code"
    assert verification.code.district == streets.north
    _support, added = services.support_add(voter=amira, idea=idea)
    assert added

    again, created_again = residents.resident_code_redeem(user=amira, challenge=streets, code="OAK-1177-PX")
    assert again == verification and not created_again
    assert ResidentCode.objects.filter(redeemed_at__isnull=True).count() == 1  # the second code was not spent

    jonas = UserFactory(email="jonas.berg@example.org", roles=["Residents"])
    with pytest.raises(Invalid) as spent:
        residents.resident_code_redeem(user=jonas, challenge=streets, code="ELM-4821-KQ")
    with pytest.raises(Invalid) as unknown:
        residents.resident_code_redeem(user=jonas, challenge=streets, code="ELM-0000-KQ")
    assert _code_error(spent) == _code_error(unknown) == [WRONG]
    assert not ResidentVerification.objects.filter(user=jonas).exists()


@pytest.mark.django_db
def test_a_code_of_another_challenge_gets_the_same_answer(streets):
    parks = ChallengeFactory.create("voting", title="Parks for everyone", residents_must_verify=True)
    wei = UserFactory(email="li.wei@example.org", roles=["Residents"])
    with pytest.raises(Invalid) as other:
        residents.resident_code_redeem(user=wei, challenge=parks, code="OAK-1177-PX")
    assert _code_error(other) == [WRONG]
    assert ResidentCode.objects.get(challenge=streets, digest=residents.code_digest("OAK-1177-PX")).redeemed_at is None

    open_call = ChallengeFactory.create("voting", title="Open call")
    with pytest.raises(Invalid) as not_asked:
        residents.resident_code_redeem(user=wei, challenge=open_call, code="OAK-1177-PX")
    assert not_asked.value.message_dict == {"challenge": ["This challenge does not ask for a resident code."]}


@pytest.mark.django_db
def test_five_tries_per_quarter_hour_then_even_the_right_code_waits(streets):
    guesser = UserFactory(email="guess.work@example.org", roles=["Residents"])
    for attempt in range(residents.REDEEM_LIMIT):
        with pytest.raises(Invalid):
            residents.resident_code_redeem(user=guesser, challenge=streets, code=f"ELM-482{attempt}-ZZ")
    with pytest.raises(RateLimited) as limited:
        residents.resident_code_redeem(user=guesser, challenge=streets, code="OAK-1177-PX")
    assert limited.value.status_code == 429
    assert "Wait a quarter of an hour" in limited.value.text
    assert not ResidentVerification.objects.exists()
    # Someone else is not held up by the guesser.
    neighbour = UserFactory(email="sam.okafor@example.org", roles=["Residents"])
    assert residents.resident_code_redeem(user=neighbour, challenge=streets, code="OAK-1177-PX")[1]


@pytest.mark.django_db
def test_the_audit_log_names_the_person_not_the_code(streets):
    amira = UserFactory(email="amira.khan@example.org", roles=["Residents"])
    verification, _created = residents.resident_code_redeem(user=amira, challenge=streets, code="ELM-4821-KQ")
    entry = ModelLogEntry.objects.get(action="voting.resident_verified")
    assert entry.user == amira and entry.object_id == str(verification.pk)
    assert "4821" not in str(entry.data) and residents.code_digest("ELM-4821-KQ") not in str(entry.data)
    assert not ResidentCode.objects.filter(digest__icontains="4821").exists()  # only the keyed hash is stored


@pytest.mark.django_db
def test_export_lists_verifications_and_deletion_removes_them_but_keeps_the_code_spent(streets):
    amira = UserFactory(email="amira.khan@example.org", roles=["Residents"])
    residents.resident_code_redeem(user=amira, challenge=streets, code="ELM-4821-KQ")
    rows = privacy.personal_data(amira)["resident_verifications"]
    assert [(row["challenge"], row["district"], row["method"]) for row in rows] == [
        ("Better streets", "Northside", "Code sent by the city")
    ]

    account_services.account_delete(user=amira, password=PASSWORD)
    assert not ResidentVerification.objects.exists()
    spent = ResidentCode.objects.get(digest=residents.code_digest("ELM-4821-KQ"))
    assert spent.redeemed_by is None and spent.redeemed_at is not None
    newcomer = UserFactory(email="new.comer@example.org", roles=["Residents"])
    with pytest.raises(Invalid):
        residents.resident_code_redeem(user=newcomer, challenge=streets, code="ELM-4821-KQ")


@pytest.mark.django_db(transaction=True)
def test_two_people_entering_one_code_at_once_cannot_both_win(streets):
    people = [UserFactory(email=f"twin{n}@example.org", roles=["Residents"]) for n in range(2)]
    start = threading.Barrier(2)
    outcomes = []

    def redeem(person):
        try:
            start.wait()
            residents.resident_code_redeem(user=person, challenge=streets, code="ELM-4821-KQ")
            outcomes.append("verified")
        except Invalid as error:
            outcomes.append(error.message_dict["code"][0])
        finally:
            connection.close()

    threads = [threading.Thread(target=redeem, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == sorted(["verified", WRONG])
    assert ResidentVerification.objects.count() == 1
    code = ResidentCode.objects.get(digest=residents.code_digest("ELM-4821-KQ"))
    assert code.redeemed_by == ResidentVerification.objects.get().user
