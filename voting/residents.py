"""Resident verification, for challenges where only verified residents may vote
(``ChallengePage.residents_must_verify``), as CONSUL and Decidim do with their census: the city
sends each household a one-time code, leadership uploads the codes, a resident enters theirs.

It lives in ``voting`` (not ``accounts``) because a code and a verification belong to one
challenge, and voting is the lowest app that may point at ``ChallengePage`` and the one whose
rules read them.

Codes are kept only as a keyed hash (HMAC-SHA256 with the site's ``SECRET_KEY``) of their
normalised form, so a lookup is one indexed query and a copy of the table gives no code away.
Rotating ``SECRET_KEY`` therefore retires every code not yet redeemed.
"""

import csv
import io
import re
import unicodedata
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.log_actions import log

from accounts import standing
from accounts.models import District, User
from accounts.ratelimits import limit_reached
from ideas.models import ChallengePage
from innovation.errors import Invalid, NotAllowed, RateLimited

from .methods import VotingMethod
from .models import ResidentCode, ResidentVerification, VerificationMethod
from .services import _lock_ballot as lock_ballot

# Tries at entering a code, per person, in a window of REDEEM_PERIOD seconds.
REDEEM_LIMIT = 5
REDEEM_PERIOD = 15 * 60
# An uploaded file of codes: at most this many bytes, and codes of this many characters.
MAX_FILE_BYTES = 2 * 1024 * 1024
CODE_LENGTH = (6, 64)
# Problems listed per refused upload (the rest are counted).
MAX_REPORTED = 20

_SEPARATORS = re.compile(r"[\s\-_.]+")


def normalise_code(raw: str) -> str:
    """The code as compared: capitals, without the spaces and dashes people type or letters print."""
    return _SEPARATORS.sub("", unicodedata.normalize("NFKC", raw or "")).upper()


def code_digest(raw: str) -> str:
    """The keyed hash a code is stored and looked up by."""
    return salted_hmac("greenlight.voting.resident_code", normalise_code(raw), algorithm="sha256").hexdigest()


def resident_code_redeem(*, user: User, challenge: ChallengePage, code: str) -> tuple[ResidentVerification, bool]:
    """Verify ``user`` as a resident for ``challenge`` with a code the city sent them.

    Returns the verification and whether it is new (someone already verified keeps their
    verification and spends no code). A wrong code, a spent one and one for another challenge
    get the same answer, so trying codes tells nothing about which exist; tries are limited per
    person. The code is spent under a row lock: two people entering it at once cannot both win."""
    if not getattr(user, "is_authenticated", False):
        raise NotAllowed(_("Sign in to verify as a resident."), code="sign_in")
    if not challenge.residents_must_verify:
        raise Invalid({"challenge": _("This challenge does not ask for a resident code.")})
    if not normalise_code(code):
        raise Invalid({"code": _("Enter the code the city sent you.")})
    if limit_reached(f"resident-code:{user.pk}", limit=REDEEM_LIMIT, period=REDEEM_PERIOD):
        raise RateLimited(
            _("Too many tries. Wait a quarter of an hour, then enter the code again."), code="rate_limited"
        )
    with transaction.atomic():
        # One person's redemptions in one challenge queue on their ballot.
        lock_ballot(voter=user, challenge=challenge)
        existing = ResidentVerification.objects.filter(user=user, challenge=challenge).first()
        if existing is not None:
            return existing, False
        found = (
            ResidentCode.objects.select_for_update()
            .filter(challenge=challenge, digest=code_digest(code), redeemed_at__isnull=True)
            .first()
        )
        if found is None:
            raise Invalid(
                {"code": _("This code does not work for this challenge. Check it and try again, or contact the city.")}
            )
        found.redeemed_by = user
        found.redeemed_at = timezone.now()
        found.save(update_fields=["redeemed_by", "redeemed_at"])
        verification = ResidentVerification.objects.create(
            user=user, challenge=challenge, method=VerificationMethod.CODE, code=found
        )
        log(
            instance=verification,
            action="voting.resident_verified",
            user=user,
            data={"challenge": challenge.pk, "method": VerificationMethod.CODE},
        )
    standing.forget(user)
    return verification, True


# Importing codes ----------------------------------------------------------------------------
@dataclass(frozen=True)
class CodeLine:
    line: int
    digest: str
    district: District | None


def _refuse(problems: list[str]) -> Invalid:
    shown = problems[:MAX_REPORTED]
    if len(problems) > MAX_REPORTED:
        more = len(problems) - MAX_REPORTED
        shown.append(
            ngettext("… and %(count)s more problem.", "… and %(count)s more problems.", more) % {"count": more}
        )
    return Invalid({"file": [*shown, _("Nothing was imported. Correct the file and upload it again.")]})


def _text_of(data: bytes) -> str:
    if len(data) > MAX_FILE_BYTES:
        raise Invalid({"file": _("The file is larger than 2 MB. Split it and upload the parts one at a time.")})
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        message = _("Line %(line)s is not UTF-8 text. Save the file as “CSV UTF-8” and upload it again.")
        raise Invalid({"file": message % {"line": line}}) from exc


def codes_from_csv(data: bytes, *, challenge: ChallengePage) -> list[CodeLine]:
    """The codes of an uploaded CSV file (a ``code`` column and an optional ``district`` column,
    by name or slug; a header row is optional), or :class:`Invalid` listing every problem by
    line: empty, malformed or repeated codes, codes already issued for the challenge, unknown
    districts, a file that is too large or not UTF-8."""
    reader = csv.reader(io.StringIO(_text_of(data)))
    districts = {key.casefold(): d for d in District.objects.all() for key in (d.name, d.slug)}
    issued = set(ResidentCode.objects.filter(challenge=challenge).values_list("digest", flat=True))
    problems: list[str] = []
    seen: dict[str, int] = {}
    found: list[CodeLine] = []
    columns = {"code": 0, "district": 1}
    try:
        for row in reader:
            line = reader.line_num
            cells = [cell.strip() for cell in row]
            if not any(cells):
                continue
            if not found and not problems and not seen and cells[0].casefold() == "code":
                columns = {name.casefold(): index for index, name in enumerate(cells)}
                continue
            problem, code_line = _check_row(cells, line, columns, districts, issued, seen)
            if problem:
                problems.append(problem)
            else:
                found.append(code_line)
    except csv.Error as exc:
        problems.append(_("Line %(line)s: %(error)s") % {"line": reader.line_num, "error": exc})
    if problems:
        raise _refuse(problems)
    if not found:
        raise Invalid({"file": _("The file has no codes. Put one code per line, in a column named “code”.")})
    return found


def _check_row(cells, line, columns, districts, issued, seen) -> tuple[str, CodeLine | None]:
    def cell(name: str) -> str:
        index = columns.get(name)
        return cells[index] if index is not None and index < len(cells) else ""

    code = normalise_code(cell("code"))
    if not code:
        return _("Line %(line)s: the code is empty.") % {"line": line}, None
    if not (CODE_LENGTH[0] <= len(code) <= CODE_LENGTH[1]) or not code.isalnum():
        return _("Line %(line)s: a code has 6 to 64 letters and digits.") % {"line": line}, None
    digest = code_digest(code)
    if digest in seen:
        return _("Line %(line)s: the same code as line %(first)s.") % {"line": line, "first": seen[digest]}, None
    seen[digest] = line
    if digest in issued:
        return _("Line %(line)s: this code was already issued for this challenge.") % {"line": line}, None
    name = cell("district")
    district = districts.get(name.casefold()) if name else None
    if name and district is None:
        return _("Line %(line)s: there is no district called “%(name)s”.") % {"line": line, "name": name}, None
    return "", CodeLine(line=line, digest=digest, district=district)


def resident_codes_import(*, actor: User | None, challenge: ChallengePage, data: bytes) -> int:
    """Issue the codes of a CSV file for ``challenge`` (leadership; ``actor`` None is the
    command line). All or nothing: any problem refuses the whole file. The audit log records
    how many codes were issued, never the codes. Returns that count."""
    if actor is not None and not actor.has_perm("voting.import_resident_codes", challenge):
        raise NotAllowed(_("Only leadership may issue resident codes."))
    if challenge.voting_method == VotingMethod.NONE:
        raise Invalid({"challenge": _("This challenge has no vote, so it needs no resident codes.")})
    lines = codes_from_csv(data, challenge=challenge)
    try:
        with transaction.atomic():
            ResidentCode.objects.bulk_create(
                ResidentCode(challenge=challenge, digest=line.digest, district=line.district) for line in lines
            )
            log(instance=challenge, action="voting.resident_codes_import", user=actor, data={"count": len(lines)})
    except IntegrityError as exc:  # another upload issued some of these codes meanwhile
        raise Invalid({"file": _("Some of these codes were issued meanwhile. Upload the file again.")}) from exc
    return len(lines)


def code_counts(challenges) -> dict[int, dict[str, int]]:
    """Codes issued and redeemed per challenge, for the admin page (one query)."""
    rows = (
        ResidentCode.objects.filter(challenge__in=challenges)
        .values("challenge_id")
        .annotate(issued=Count("pk"), redeemed=Count("pk", filter=Q(redeemed_at__isnull=False)))
    )
    return {row["challenge_id"]: {"issued": row["issued"], "redeemed": row["redeemed"]} for row in rows}
