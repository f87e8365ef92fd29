"""Who may read the programme's figures and take its data away: leadership. Exports with
personal data (emails) are a separate permission, asked for explicitly each time."""

import rules

from accounts.rules import is_leadership


@rules.predicate
def is_requester(user, export) -> bool:
    return export is not None and getattr(user, "pk", None) == export.requester_id


rules.add_perm("insights.view_dashboard", is_leadership)
rules.add_perm("insights.export", is_leadership)
rules.add_perm("insights.export_personal_data", is_leadership)
rules.add_perm("insights.download_export", is_leadership & is_requester)
