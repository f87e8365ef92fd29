"""Who may do what with notifications and the outbox."""

import rules

from accounts.rules import is_leadership

rules.add_perm("notifications.retry_delivery", is_leadership | rules.is_superuser)
rules.add_perm("notifications.send_announcement", is_leadership)
rules.add_perm("notifications.read_own", rules.is_authenticated)
