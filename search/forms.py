"""What a visitor may ask search for: one form for the search page and the API, so both
accept and refuse exactly the same things."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ideas.models import PUBLIC_STAGES

from .backends.base import MAX_PAGE, SearchFilters
from .text import MAX_QUERY_LENGTH, MAX_SIMILAR_TEXT_LENGTH, clean_query

SORT_CHOICES = [
    ("relevance", _("Best match")),
    ("newest", _("Newest")),
    ("supported", _("Most supported")),
]
NOVELTY_SORT = ("novelty", _("Most novel"))


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search ideas, challenges and pilots"), required=False, strip=True)
    challenge = forms.IntegerField(label=_("Challenge"), required=False, min_value=1)
    stage = forms.ChoiceField(
        label=_("Stage"), required=False, choices=[("", _("Any"))] + [(s.value, s.label) for s in PUBLIC_STAGES]
    )
    tag = forms.SlugField(label=_("Tag"), required=False, max_length=100, allow_unicode=True)
    district = forms.SlugField(label=_("District"), required=False, max_length=100)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)
    page = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=MAX_PAGE)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and user.has_perm("search.sort_by_novelty"):
            self.fields["sort"].choices = SORT_CHOICES + [NOVELTY_SORT]

    def clean_q(self) -> str:
        # Long queries are shortened, not refused.
        return clean_query(self.cleaned_data.get("q"), limit=MAX_QUERY_LENGTH)

    @property
    def filters(self) -> SearchFilters:
        data = self.cleaned_data
        return SearchFilters(
            challenge=data.get("challenge"),
            stage=data.get("stage") or None,
            tag=data.get("tag") or None,
            district=data.get("district") or None,
            year=data.get("year"),
        )

    @property
    def chosen_sort(self) -> str:
        return self.cleaned_data.get("sort") or ("relevance" if self.cleaned_data.get("q") else "newest")

    @property
    def chosen_page(self) -> int:
        return self.cleaned_data.get("page") or 1


class SuggestForm(forms.Form):
    q = forms.CharField(label=_("Start of a search"), required=False, strip=True)

    def clean_q(self) -> str:
        return clean_query(self.cleaned_data.get("q"), limit=100)


class SimilarForm(forms.Form):
    text = forms.CharField(label=_("Title and summary of an idea"), required=False, strip=True)
    challenge = forms.IntegerField(label=_("Challenge"), required=False, min_value=1)
    exclude = forms.IntegerField(label=_("Idea to leave out"), required=False, min_value=1)
    limit = forms.IntegerField(label=_("How many"), required=False, min_value=1, max_value=10)

    def clean_text(self) -> str:
        return clean_query(self.cleaned_data.get("text"), limit=MAX_SIMILAR_TEXT_LENGTH)
