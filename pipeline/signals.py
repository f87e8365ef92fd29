"""Events the pipeline announces. Higher apps (notifications, search) listen; pipeline never
imports them. Each is sent by a service inside its transaction, with ``sender=Idea`` (or the
model named) and the keyword arguments listed.

Moves made by the ideas app's own services (submission, moderation, withdrawal) are
announced by ``ideas.signals``; ``stage_changed`` covers every move pipeline makes."""

from django.dispatch import Signal

# idea, change (StageChange), actor — review, shortlist, selection, not pursued, merge, pilots
stage_changed = Signal()
# source, target, actor — source was merged into target (sent after source's stage_changed)
idea_merged = Signal()
# evaluation, actor — sender=Evaluation; an evaluator submitted or revised a scorecard
evaluation_submitted = Signal()
# pilot, ideas, actor — sender=PilotPage; a draft pilot was started from selected ideas
pilot_started = Signal()
# pilot, actor — sender=PilotPage; the pilot page was published (its first and every later time)
pilot_published = Signal()
# pilot, update, actor — sender=PilotPage; sent on each publication for every update the pilot
# carries (listeners keep their own record of which updates they already announced, by id)
pilot_updated = Signal()
# pilot, milestone, actor — sender=PilotPage; likewise for every milestone marked done
pilot_milestone_done = Signal()
# pilot, actor — sender=PilotPage; published with a final decision (scaled up or stopped)
pilot_decided = Signal()
