"""Search permissions. Everyone may search (no rule needed); sorting by novelty is for leadership."""

import rules

from accounts.rules import is_leadership

rules.add_perm("search.sort_by_novelty", is_leadership)
