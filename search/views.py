"""The site search page: ideas (with facets) and pages on one results page."""

from urllib.parse import urlencode

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from . import novelty, selectors
from .backends.base import FACETS
from .forms import SearchForm

FACET_TITLES = {
    "challenge": _("Challenge"),
    "stage": _("Stage"),
    "tag": _("Tag"),
    "district": _("District"),
    "year": _("Year"),
}
KEPT = ("q", "sort", *FACETS)


def _url(params: dict, **changes) -> str:
    merged = {key: value for key, value in params.items() if key in KEPT and value not in (None, "")}
    for key, value in changes.items():
        if value in (None, ""):
            merged.pop(key, None)
        else:
            merged[key] = value
    return "?" + urlencode(merged)


@require_GET
def search(request):
    form = SearchForm(request.GET or None, user=request.user)
    results, pages, facets, chosen, related = None, [], [], [], []
    params: dict = {}
    query = ""
    if form.is_bound:
        form.is_valid()  # what is not understood is ignored, and the page says so
        data = form.cleaned_data
        params = {key: data.get(key) for key in KEPT}
        query = data.get("q", "")
        filters = form.filters
        results = selectors.ideas_search(query=query, filters=filters, sort=form.chosen_sort, page=form.chosen_page)
        if query and results.page == 1:
            pages = selectors.pages_search(query=query)
            related = selectors.related_ideas(query=query, shown_ids=[hit.idea_id for hit in results.hits])
        for name in FACETS:
            values = [
                {
                    "label": value.label,
                    "count": value.count,
                    "selected": value.selected,
                    "url": _url(params, **{name: None if value.selected else value.value}),
                }
                for value in results.facets.get(name, [])
            ]
            if values:
                facets.append({"name": name, "title": FACET_TITLES[name], "values": values})
        labels = {(f["name"], v["url"]): v["label"] for f in facets for v in f["values"] if v["selected"]}
        for name, value in filters.as_dict().items():
            remove_url = _url(params, **{name: None})
            chosen.append(
                {"title": FACET_TITLES[name], "label": labels.get((name, remove_url), value), "remove_url": remove_url}
            )
    context = {
        "form": form,
        "query": query,
        "results": results,
        "pages": pages,
        "related": related,
        "facets": facets,
        "chosen": chosen,
        "clear_url": _url({"q": query}),
        "previous_url": _url(params, page=results.page - 1) if results and results.has_previous else None,
        "next_url": _url(params, page=results.page + 1) if results and results.has_next else None,
        "ignored": form.is_bound and bool(form.errors),
        "kept_filters": [(name, value) for name, value in params.items() if name in FACETS and value not in (None, "")],
        "chosen_sort": form.chosen_sort if form.is_bound else "relevance",
        "novelty_explanation": novelty.EXPLANATION,
    }
    return render(request, "search/search_results.html", context)
