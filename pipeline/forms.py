"""Forms of the pipeline's admin screens. They hold no rules: services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts import roles
from accounts.models import User
from ideas.models import Idea, IdeaStage

from . import transitions
from .models.evaluation import SCORE_MAX, SCORE_MIN

NOTE_HELP = _("Shown on the idea's public timeline. Required when an idea is not pursued.")


def board_targets() -> list[tuple[str, str]]:
    """The stages leadership may move ideas to on the board, in pipeline order."""
    targets = dict.fromkeys(t.target for t in transitions.TRANSITIONS if t.via == "pipeline")
    return [(stage, transitions.stage_label(stage)) for stage in targets]


class MoveForm(forms.Form):
    target = forms.ChoiceField(label=_("Move to"), choices=())
    note = forms.CharField(
        label=_("Public note"), required=False, widget=forms.Textarea(attrs={"rows": 2}), help_text=NOTE_HELP
    )

    def __init__(self, *args, targets=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [("", _("Choose a stage"))] + (targets or board_targets())


class BoardMoveForm(MoveForm):
    ideas = forms.ModelMultipleChoiceField(
        label=_("Ideas"), queryset=Idea.objects.none(), error_messages={"required": _("Select at least one idea.")}
    )

    def __init__(self, *args, challenge, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ideas"].queryset = Idea.objects.filter(challenge=challenge)


class StartPilotForm(forms.Form):
    ideas = forms.ModelMultipleChoiceField(
        label=_("Ideas"),
        # Any idea: the service refuses those not yet selected and says what to do instead.
        queryset=Idea.objects.all(),
        error_messages={"required": _("Select at least one selected idea.")},
    )
    title = forms.CharField(label=_("Pilot title"), max_length=255, required=False)


class MergeForm(forms.Form):
    target = forms.ModelChoiceField(label=_("Merge into"), queryset=Idea.objects.none())
    note = forms.CharField(
        label=_("Public note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Optional; by default the timeline says which idea it was merged into."),
    )

    def __init__(self, *args, idea, **kwargs):
        super().__init__(*args, **kwargs)
        from .services import MERGE_TARGET_STAGES

        self.fields["target"].queryset = (
            # Listed ideas narrowed to the stages that may still take in a duplicate.
            Idea.objects.listed_for(None)
            .filter(challenge_id=idea.challenge_id, stage__in=MERGE_TARGET_STAGES)
            .exclude(pk=idea.pk)
            .order_by("title")
        )


class AssignEvaluatorForm(forms.Form):
    evaluator = forms.ModelChoiceField(label=_("Evaluator"), queryset=User.objects.none())
    idea = forms.ModelChoiceField(
        label=_("Only this idea"),
        queryset=Idea.objects.none(),
        required=False,
        empty_label=_("The whole shortlist"),
    )

    def __init__(self, *args, challenge, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evaluator"].queryset = User.objects.filter(groups__name=roles.EVALUATORS).order_by("display_name")
        self.fields["idea"].queryset = Idea.objects.filter(challenge=challenge).exclude(
            stage__in=[IdeaStage.DRAFT, IdeaStage.SUBMITTED, IdeaStage.REJECTED, IdeaStage.WITHDRAWN]
        )


class ScorecardForm(forms.Form):
    """A 1–5 score per criterion of the challenge, and a comment."""

    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, criteria, initial_scores=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        choices = [(str(n), str(n)) for n in range(SCORE_MIN, SCORE_MAX + 1)]
        fields = {}
        for criterion in self.criteria:
            label = _("%(name)s (weight %(weight)s)") % {"name": criterion.name, "weight": criterion.weight.normalize()}
            fields[f"criterion_{criterion.pk}"] = forms.TypedChoiceField(
                label=label,
                choices=choices,
                coerce=int,
                widget=forms.RadioSelect,
                help_text=criterion.description,
                initial=(initial_scores or {}).get(criterion.pk),
                error_messages={"required": _("Score this criterion from 1 to 5.")},
            )
        self.fields = {**fields, **self.fields}

    @property
    def scores(self) -> dict[int, int]:
        return {c.pk: self.cleaned_data[f"criterion_{c.pk}"] for c in self.criteria}

    def criterion_fields(self):
        return [self[f"criterion_{c.pk}"] for c in self.criteria]
