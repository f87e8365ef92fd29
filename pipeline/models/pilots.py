from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import BodyBlock

from ..blocks import KPIBlock


class PilotStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running")
    EVALUATING = "evaluating", _("Evaluating")
    SCALED_UP = "scaled_up", _("Scaled up")
    STOPPED = "stopped", _("Stopped")


ENDED_STATUSES = (PilotStatus.SCALED_UP, PilotStatus.STOPPED)


class PilotIndexPage(Page):
    """Lists the city's pilots; visitors filter them by department and status."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["pipeline.PilotPage"]
    max_count = 1

    class Meta:
        verbose_name = _("pilot index")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import pilot_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(pilot_index_context(index=self, params=request.GET))
        return context


class PilotPage(Page):
    """A pilot project that tests one or more selected ideas in the city, with goals, budget,
    milestones and measured results — until the city scales it up or stops it, and says why."""

    # Shown from this page even to visitors reading a translation: measured figures and the
    # department visitors filter by.
    untranslated_fields = ("kpis", "department")

    department = models.CharField(_("owning department"), max_length=120)
    sponsor = models.CharField(_("sponsor"), max_length=120, blank=True)
    summary = models.CharField(_("summary"), max_length=300)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    budget_planned = models.DecimalField(
        _("budget planned"), max_digits=12, decimal_places=2, default=0, validators=[MinValueValidator(0)]
    )
    budget_spent = models.DecimalField(
        _("budget spent"), max_digits=12, decimal_places=2, default=0, validators=[MinValueValidator(0)]
    )
    success_criteria = models.TextField(_("success criteria"), blank=True)
    kpis = StreamField([("kpi", KPIBlock())], blank=True, verbose_name=_("KPIs"))
    status = models.CharField(_("status"), max_length=20, choices=PilotStatus.choices, default=PilotStatus.PLANNED)
    decision = models.TextField(
        _("decision"), blank=True, help_text=_("When the pilot ends: what the city decided, and why.")
    )
    lessons = models.TextField(
        _("what we learned"),
        blank=True,
        help_text=_("Shown on the pilot page; when a pilot is stopped, also the public note on its ideas."),
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("department"), FieldPanel("sponsor")], heading=_("Who runs it")),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("source_ideas", label=_("Ideas this pilot tests"), min_num=1),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
                FieldRowPanel([FieldPanel("budget_planned"), FieldPanel("budget_spent")]),
                FieldPanel("success_criteria"),
            ],
            heading=_("Plan and budget"),
        ),
        FieldPanel("kpis"),
        InlinePanel("milestones", label=_("Milestones")),
        InlinePanel("updates", label=_("Updates")),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("decision"), FieldPanel("lessons")], heading=_("Status and decision")
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("department"),
        index.FilterField("status"),
        index.FilterField("department"),
    ]
    parent_page_types = ["pipeline.PilotIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("pilot")

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("A pilot cannot end before it starts.")
        if self.status == PilotStatus.RUNNING and self.starts_on and self.starts_on > timezone.localdate():
            errors["status"] = _(
                "A pilot cannot be running before its start date (%(date)s): keep it “Planned” until then, "
                "or change the start date."
            ) % {"date": formats.date_format(self.starts_on)}
        if self.status in ENDED_STATUSES:
            if not self.decision.strip():
                errors["decision"] = _("Say what the city decided when a pilot is scaled up or stopped.")
            if not self.lessons.strip():
                errors["lessons"] = _("Say what was learned when a pilot is scaled up or stopped.")
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        from ..selectors import pilot_detail_context

        context = super().get_context(request, *args, **kwargs)
        context.update(pilot_detail_context(pilot=self))
        user = getattr(request, "user", None)
        context["follows_pilot"] = bool(
            getattr(user, "is_authenticated", False) and self.follows.filter(follower=user).exists()
        )
        return context

    @property
    def has_ended(self) -> bool:
        return self.status in ENDED_STATUSES

    @property
    def budget_used_percent(self) -> int | None:
        if not self.budget_planned:
            return None
        return round(Decimal(100) * self.budget_spent / self.budget_planned)


class PilotIdea(Orderable):
    """An idea the pilot tests; publishing the pilot moves it to "piloting"."""

    page = ParentalKey(PilotPage, related_name="source_ideas", on_delete=models.CASCADE)
    idea = models.ForeignKey(
        "ideas.Idea",
        verbose_name=_("idea"),
        on_delete=models.CASCADE,
        related_name="pilot_links",
        limit_choices_to={"stage__in": ["selected", "piloting", "adopted", "not_pursued"]},
        help_text=_("Only selected ideas (and those already piloted) can be linked."),
    )

    panels = [FieldPanel("idea")]

    class Meta(Orderable.Meta):
        verbose_name = _("source idea")
        verbose_name_plural = _("source ideas")
        constraints = [models.UniqueConstraint(fields=["page", "idea"], name="one_link_per_pilot_idea")]

    def __str__(self) -> str:
        return str(self.idea)


class PilotMilestone(Orderable):
    page = ParentalKey(PilotPage, related_name="milestones", on_delete=models.CASCADE)
    title = models.CharField(_("title"), max_length=200)
    due_on = models.DateField(_("due"))
    done_on = models.DateField(_("done"), null=True, blank=True)

    panels = [FieldPanel("title"), FieldRowPanel([FieldPanel("due_on"), FieldPanel("done_on")])]

    class Meta(Orderable.Meta):
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.title


class PilotUpdate(Orderable):
    page = ParentalKey(PilotPage, related_name="updates", on_delete=models.CASCADE)
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("what happened"))

    panels = [FieldPanel("date"), FieldPanel("title"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("update")
        verbose_name_plural = _("updates")

    def __str__(self) -> str:
        return self.title


class PilotFollow(models.Model):
    """A person follows a pilot, to hear of its updates, milestones and final decision."""

    follower = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("follower"), on_delete=models.CASCADE, related_name="pilot_follows"
    )
    pilot = models.ForeignKey(PilotPage, verbose_name=_("pilot"), on_delete=models.CASCADE, related_name="follows")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("pilot follow")
        verbose_name_plural = _("pilot follows")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["follower", "pilot"], name="one_follow_per_pilot")]

    def __str__(self) -> str:
        return f"{self.follower} follows {self.pilot}"
