from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ideas.models import IdeaStage


class StageChange(models.Model):
    """One step on an idea's public timeline: from which stage to which, who made it, when,
    and the note residents read ("Shortlisted: the transport team will study costs by March")."""

    idea = models.ForeignKey(
        "ideas.Idea", verbose_name=_("idea"), on_delete=models.CASCADE, related_name="stage_changes"
    )
    from_stage = models.CharField(_("from"), max_length=20, choices=IdeaStage.choices, blank=True)
    to_stage = models.CharField(_("to"), max_length=20, choices=IdeaStage.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(_("public note"), blank=True)
    related_idea = models.ForeignKey(
        "ideas.Idea",
        verbose_name=_("related idea"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The other idea of a merge."),
    )
    pilot = models.ForeignKey(
        "pipeline.PilotPage",
        verbose_name=_("pilot"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stage_changes",
    )
    created_at = models.DateTimeField(_("when"), db_index=True)

    class Meta:
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["idea", "created_at"], name="stagechange_timeline")]

    def __str__(self) -> str:
        return f"{self.idea}: {self.get_from_stage_display()} → {self.get_to_stage_display()}"
