"""Who may manage tokens and webhooks."""

import rules

from accounts.rules import is_leadership

rules.add_perm("integrations.manage_own_tokens", rules.is_authenticated)
rules.add_perm("integrations.manage_service_tokens", is_leadership)
rules.add_perm("integrations.manage_webhooks", is_leadership)
