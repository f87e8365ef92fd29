"""A person's data across the apps: the extension point behind "Download my data" and
"Delete my account".

``accounts`` knows only people; every app that keeps something about a person registers,
from its ``AppConfig.ready()``, what it holds and how to forget it:

    register_exporter("supports", lambda user: [{"idea": ..., "supported_at": ...}, ...])
    register_eraser("supports", withdraw_open_supports)   # erase(*, user, remove_contributions)

Exporters return rows of plain values (one CSV per section in the ZIP, all of them in one
JSON). Erasers run inside the deletion's transaction, before the account is anonymised;
``remove_contributions`` says whether public contributions go too (the setting
``GREENLIGHT_ACCOUNT_DELETION``).
"""

import csv
import io
import json
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal

from django.conf import settings

Rows = list[dict]
_exporters: dict[str, Callable[..., Rows]] = {}
_erasers: dict[str, Callable[..., None]] = {}


def register_exporter(name: str, rows_for: Callable[..., Rows]) -> None:
    """Add a section to the person's data export: ``rows_for(user) -> list[dict]``."""
    _exporters[name] = rows_for


def register_eraser(name: str, erase: Callable[..., None]) -> None:
    """Add a step to account deletion: ``erase(*, user, remove_contributions: bool)``."""
    _erasers[name] = erase


def remove_contributions() -> bool:
    return getattr(settings, "GREENLIGHT_ACCOUNT_DELETION", "anonymise") == "remove"


def personal_data(user) -> dict[str, Rows]:
    """Every section of what Greenlight holds about the person, by name."""
    return {name: list(rows_for(user)) for name, rows_for in sorted(_exporters.items())}


def erase_everywhere(*, user) -> list[str]:
    """Run every app's eraser; returns their names (for the audit log)."""
    remove = remove_contributions()
    for erase in _erasers.values():
        erase(user=user, remove_contributions=remove)
    return list(_erasers)


def _plain(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def export_zip(sections: dict[str, Rows]) -> bytes:
    """A ZIP with ``data.json`` (every section) and one CSV per section."""
    buffer = io.BytesIO()
    plain = {
        name: [{key: _plain(value) for key, value in row.items()} for row in rows] for name, rows in sections.items()
    }
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", json.dumps(plain, ensure_ascii=False, indent=2))
        for name, rows in plain.items():
            text = io.StringIO()
            columns = list(dict.fromkeys(key for row in rows for key in row)) or ["(none)"]
            writer = csv.DictWriter(text, fieldnames=columns)
            writer.writeheader()
            writer.writerows(rows)
            archive.writestr(f"{name}.csv", text.getvalue())
    return buffer.getvalue()


def account_rows(user) -> Rows:
    return [
        {
            "email": user.email,
            "display_name": user.display_name,
            "district": user.district.name if user.district_id else "",
            "language": user.language,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
        }
    ]


def terms_rows(user) -> Rows:
    return list(user.terms_acceptances.order_by("accepted_at").values("version", "accepted_at"))


def register_own_sections() -> None:
    register_exporter("account", account_rows)
    register_exporter("terms_acceptances", terms_rows)
