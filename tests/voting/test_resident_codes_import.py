"""Leadership issues resident codes from a CSV file (the admin page or the command line): all
or nothing, every problem named by its line, counts per challenge, an audit entry without codes."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from wagtail.models import PageLogEntry

from innovation.errors import Invalid
from tests.factories import ChallengeFactory, DistrictFactory, UserFactory
from voting import residents
from voting.models import ResidentCode

pytestmark = pytest.mark.django_db

GOOD = """code,district
ELM-4821-KQ,Northside
OAK-1177-PX,riverside
BIRCH 5530 TM,
"""
BAD = """code,district
ELM-4821-KQ,Northside
,Northside
OAK-1177-PX,Hilltop
elm 4821 kq,
AB1,
"""


@pytest.fixture
def streets(home_page):
    DistrictFactory(name="Northside", slug="northside")
    DistrictFactory(name="Riverside", slug="riverside")
    return ChallengeFactory.create("voting", title="Better streets", residents_must_verify=True)


def _upload(client, challenge, content: bytes, name="codes.csv"):
    return client.post(
        "/admin/voting/resident-codes/",
        {"challenge": challenge.pk, "file": SimpleUploadedFile(name, content, content_type="text/csv")},
    )


def test_a_good_file_issues_every_code_with_its_district(streets):
    leadership = UserFactory(roles=["Leadership"])
    assert residents.resident_codes_import(actor=leadership, challenge=streets, data=GOOD.encode()) == 3
    by_district = {code.district.name if code.district else "": code.digest for code in ResidentCode.objects.all()}
    assert by_district == {
        "Northside": residents.code_digest("ELM-4821-KQ"),
        "Riverside": residents.code_digest("OAK-1177-PX"),
        "": residents.code_digest("BIRCH-5530-TM"),
    }
    entry = PageLogEntry.objects.get(action="voting.resident_codes_import")
    assert entry.page_id == streets.pk and entry.user == leadership and entry.data == {"count": 3}


def test_a_bad_file_names_each_problem_by_line_and_imports_nothing(streets):
    with pytest.raises(Invalid) as refused:
        residents.resident_codes_import(actor=None, challenge=streets, data=BAD.encode())
    assert refused.value.message_dict["file"] == [
        "Line 3: the code is empty.",
        "Line 4: there is no district called “Hilltop”.",
        "Line 5: the same code as line 2.",
        "Line 6: a code has 6 to 64 letters and digits.",
        "Nothing was imported. Correct the file and upload it again.",
    ]
    assert not ResidentCode.objects.exists()
    assert not PageLogEntry.objects.filter(action="voting.resident_codes_import").exists()


def test_codes_issued_before_and_files_that_are_not_text_are_refused(streets):
    residents.resident_codes_import(actor=None, challenge=streets, data=b"ELM-4821-KQ\n")
    with pytest.raises(Invalid) as again:
        residents.resident_codes_import(actor=None, challenge=streets, data=b"OAK-1177-PX\nELM-4821-KQ\n")
    assert again.value.message_dict["file"][0] == "Line 2: this code was already issued for this challenge."
    assert ResidentCode.objects.count() == 1

    latin1 = "code,district\nELM-9999-QQ,Norð\n".encode("latin-1")
    with pytest.raises(Invalid) as encoding:
        residents.resident_codes_import(actor=None, challenge=streets, data=latin1)
    assert encoding.value.message_dict["file"] == [
        "Line 2 is not UTF-8 text. Save the file as “CSV UTF-8” and upload it again."
    ]
    with pytest.raises(Invalid) as large:
        residents.resident_codes_import(actor=None, challenge=streets, data=b"A" * (residents.MAX_FILE_BYTES + 1))
    assert "larger than 2 MB" in large.value.message_dict["file"][0]
    with pytest.raises(Invalid) as empty:
        residents.resident_codes_import(actor=None, challenge=streets, data="\ufeffcode\n\n".encode())
    assert "The file has no codes" in empty.value.message_dict["file"][0]
    assert ResidentCode.objects.count() == 1


def test_leadership_uploads_on_the_admin_page_and_sees_the_counts(client, streets):
    client.force_login(UserFactory(roles=["Moderators"]))
    refused = client.get("/admin/voting/resident-codes/", follow=True)
    assert "Sorry, you do not have permission to access this area." in refused.content.decode()
    assert _upload(client, streets, GOOD.encode()).status_code in (302, 403)
    assert not ResidentCode.objects.exists()

    client.force_login(UserFactory(roles=["Leadership"]))
    bad = _upload(client, streets, BAD.encode())
    assert bad.status_code == 400
    assert "Line 4: there is no district called “Hilltop”." in bad.content.decode()
    assert not ResidentCode.objects.exists()

    good = _upload(client, streets, GOOD.encode())
    assert good.status_code == 302
    page = client.get(good.url).content.decode()
    assert "3 codes issued for “Better streets”." in page
    ResidentCode.objects.filter(digest=residents.code_digest("OAK-1177-PX")).update(redeemed_at="2026-03-20T10:00:00Z")
    listing = client.get("/admin/voting/resident-codes/").content.decode()
    row = listing.split("Better streets</td>", 1)[1].split("</tr>")[0]
    assert [cell.split("</td>")[0] for cell in row.split("<td>")[1:]] == ["Yes", "3", "1"]


def test_the_command_imports_a_file_or_fails_with_one_line(streets, tmp_path):
    good = tmp_path / "codes.csv"
    good.write_text(GOOD, encoding="utf-8")
    out = io.StringIO()
    call_command("import_verification_codes", str(streets.pk), str(good), stdout=out)
    assert out.getvalue() == "3 codes issued for Better streets.\n"

    bad = tmp_path / "bad.csv"
    bad.write_text(BAD, encoding="utf-8")
    with pytest.raises(CommandError) as failed:
        call_command("import_verification_codes", str(streets.pk), str(bad))
    assert "\n" not in str(failed.value) and str(failed.value).startswith("Line 2: this code was already issued")
    with pytest.raises(CommandError, match=r"No challenge with id 999999\."):
        call_command("import_verification_codes", "999999", str(good))
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_verification_codes", str(streets.pk), str(tmp_path / "missing.csv"))
    assert ResidentCode.objects.count() == 3


def test_the_codes_page_costs_the_same_queries_for_one_or_seven_challenges(client, streets):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(UserFactory(roles=["Leadership"]))
    residents.resident_codes_import(actor=None, challenge=streets, data=GOOD.encode())

    def count() -> int:
        client.get("/admin/voting/resident-codes/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/admin/voting/resident-codes/").status_code == 200
        return len(queries)

    few = count()
    titles = ["Quieter nights", "Greener school yards", "Safer crossings", "Shade at bus stops", "Library hours"]
    for title in [*titles, "Bike parking"]:
        ChallengeFactory.create("voting", title=title, residents_must_verify=True)
    assert count() == few <= 40
