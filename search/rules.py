"""Search permissions. Everyone may search; sorting by novelty is for leadership."""

import rules

from accounts.rules import is_leadership

rules.add_perm("search.search_ideas", rules.always_allow)
rules.add_perm("search.sort_by_novelty", is_leadership)
