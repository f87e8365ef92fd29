"""Listeners to other apps' named service signals (never model ``post_save``).

- The ideas app's submission, moderation and withdrawal services: the move is recorded on
  the idea's public timeline (the transition table lists these moves as made by ``ideas``).
- Wagtail's ``page_published`` for pilots: the pilot's ideas move to piloting, adopted or
  not pursued, and the pilot's publication, updates, milestones and decision are announced.
"""

from django.dispatch import receiver
from wagtail.signals import page_published

from ideas import signals as idea_signals
from ideas.models import Idea

from . import services
from .models import PilotPage


@receiver(idea_signals.idea_submitted, sender=Idea, dispatch_uid="pipeline_idea_submitted")
@receiver(idea_signals.idea_published, sender=Idea, dispatch_uid="pipeline_idea_published")
@receiver(idea_signals.idea_restored, sender=Idea, dispatch_uid="pipeline_idea_restored")
@receiver(idea_signals.idea_withdrawn, sender=Idea, dispatch_uid="pipeline_idea_withdrawn")
@receiver(idea_signals.idea_hidden, sender=Idea, dispatch_uid="pipeline_idea_hidden")
def record_moderation(sender, idea, actor=None, reason="", **kwargs):
    services.stage_record(idea=idea, actor=actor, note=reason)


@receiver(page_published, sender=PilotPage, dispatch_uid="pipeline_pilot_published")
def pilot_published(sender, instance, revision=None, **kwargs):
    actor = getattr(revision, "user", None)
    services.pilot_sync_ideas(pilot=instance, actor=actor)
    services.pilot_announce(pilot=instance, actor=actor)
