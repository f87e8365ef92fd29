"""How a list of ideas is narrowed, in one place: which query parameters it reads
(``tag``, ``district``, ``stage``, and ``challenge`` on ``/api/v1/ideas/``), which values each
accepts and what each does to the list.

The challenge page (:mod:`ideas.listing`), the challenge's ideas in the API and the API's
``ideas/`` list all read these FilterSets. They differ only in what a value outside the
choices does: the page leaves that filter out and shows the rest of the list (its form only
offers valid values; a stale bookmark still opens), the API answers 400 with the field's
message (``DjangoFilterBackend`` or :func:`refuse_invalid`)."""

from collections.abc import Mapping
from functools import partial

import django_filters
from django import forms
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_filters.utils import translate_validation
from taggit.models import Tag

from accounts.models import District

from .converters import whole_number
from .models import PUBLIC_STAGES, ChallengePage, Idea, IdeaStage, listed_ideas_q

# Stages a list may be narrowed to (merged ideas live on in their target and are never listed).
LIST_STAGES = [stage for stage in PUBLIC_STAGES if stage != IdeaStage.MERGED]
TAG_SECONDS = 120
DISTRICT_SECONDS = 300


def districts() -> list[District]:
    """Every district, cached for a few minutes (they change a few times a decade)."""
    return cache.get_or_set("ideas:districts", lambda: list(District.objects.all()), DISTRICT_SECONDS)


def listed_tags(challenge: ChallengePage | None = None) -> list[tuple[str, str]]:
    """(slug, name) of the tags the listed ideas use, of one challenge or of all, cached
    for ``TAG_SECONDS``."""
    ideas = "ideas_taggedidea_items__content_object__"

    def load():
        scope = {f"{ideas}challenge": challenge} if challenge is not None else {}
        return list(
            Tag.objects.filter(listed_ideas_q(ideas), **scope).distinct().order_by("name").values_list("slug", "name")
        )

    key = f"ideas:challenge-tags:{challenge.pk}" if challenge is not None else "ideas:listed-tags"
    return cache.get_or_set(key, load, TAG_SECONDS)


def _district_choices() -> list[tuple[str, str]]:
    return [(district.slug, district.name) for district in districts()]


class WholeNumberField(forms.Field):
    """An id in a query string: a whole number that fits the database (see
    :func:`ideas.converters.whole_number`)."""

    default_error_messages = {"invalid": _("A challenge id is a whole number.")}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        number = whole_number(value)
        if number is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return number


class WholeNumberFilter(django_filters.Filter):
    field_class = WholeNumberField


class IdeaFilterSet(django_filters.FilterSet):
    """The filters of a challenge's list of ideas. ``challenge`` (a keyword) limits the tag
    choices to the tags its public ideas use."""

    tag = django_filters.ChoiceFilter(
        field_name="tags__slug", label=_("Tag"), empty_label=_("All tags"), help_text=_("The tag's slug.")
    )
    district = django_filters.ChoiceFilter(
        field_name="district__slug",
        choices=_district_choices,
        label=_("District"),
        empty_label=_("All districts"),
        help_text=_("The district's slug."),
    )
    stage = django_filters.ChoiceFilter(
        choices=[(stage.value, stage.label) for stage in LIST_STAGES], label=_("Stage"), empty_label=_("All stages")
    )

    class Meta:
        model = Idea
        fields = ["tag", "district", "stage"]

    def __init__(self, data=None, queryset=None, *, challenge: ChallengePage | None = None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.filters["tag"].extra["choices"] = partial(listed_tags, challenge)

    def valid_values(self) -> dict:
        """Each filter's value, or ``""`` where it was missing or not one of its choices: what a
        page narrows its list by (it ignores a bad value rather than refusing the visit)."""
        self.form.is_valid()
        return {name: self.form.cleaned_data.get(name) or "" for name in self.filters}

    @classmethod
    def narrow(cls, queryset, values: Mapping):
        """``queryset`` narrowed by already checked ``values`` (from :meth:`valid_values` or a
        valid form's ``cleaned_data``); a missing or empty value leaves that filter out."""
        for name, each in cls.base_filters.items():
            queryset = each.filter(queryset, values.get(name))
        return queryset


class IdeaListFilterSet(IdeaFilterSet):
    """The filters of ``/api/v1/ideas/``: those of a challenge's list, and the challenge."""

    challenge = WholeNumberFilter(field_name="challenge", help_text=_("The challenge's id."))

    class Meta(IdeaFilterSet.Meta):
        fields = ["challenge", *IdeaFilterSet.Meta.fields]


def refuse_invalid(filterset: IdeaFilterSet) -> dict:
    """The filterset's checked values, or a DRF ``ValidationError`` (a 400 with a message per
    field) when one of them is not among its choices."""
    if not filterset.is_valid():
        raise translate_validation(filterset.errors)
    return filterset.form.cleaned_data
