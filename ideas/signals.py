"""Events the ideas app announces. Higher apps (voting, pipeline, search, notifications)
listen; ``ideas`` never imports them. Each is sent by a service after its write, with
``sender=Idea`` (or ``Comment``) and the keyword arguments listed."""

from django.dispatch import Signal

# idea, actor
idea_submitted = Signal()
# idea, actor — the idea became public (at once, or approved by a moderator)
idea_published = Signal()
# idea, actor — title, summary, body, tags or place changed
idea_updated = Signal()
# idea, actor, reason — no longer public (hidden, rejected, withdrawn)
idea_hidden = Signal()
# idea, actor — public again after moderation
idea_restored = Signal()
# idea, actor
idea_withdrawn = Signal()
# comment, actor
comment_posted = Signal()
# comment, actor, reason
comment_hidden = Signal()
# follow
follow_added = Signal()
