from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from search.models import IndexedIdea
from tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db


def test_rebuild_indexes_every_public_idea_with_a_progress_bar_and_a_count():
    ideas = IdeaFactory.create_batch(4)
    IdeaFactory(is_hidden=True)
    out = StringIO()
    call_command("search_rebuild", stdout=out)
    text = out.getvalue()
    assert "Ideas" in text and "[" + "#" * 30 + "]" in text and "4/4" in text
    assert "Meaning vectors" in text
    assert "Search index rebuilt: 4 ideas indexed, 4 encoded, 4 novelty scores computed." in text
    assert set(IndexedIdea.objects.values_list("pk", flat=True)) == {idea.pk for idea in ideas}
    assert not IndexedIdea.objects.filter(novelty__isnull=True).exists()
    assert not IndexedIdea.objects.filter(vector__isnull=True).exists()
    again = StringIO()
    call_command("search_rebuild", stdout=again)
    assert "4 ideas indexed, 0 encoded" in again.getvalue()  # unchanged texts are not encoded again


def test_rebuild_says_in_one_line_when_the_search_service_is_down(settings):
    settings.GREENLIGHT_SEARCH = {
        "BACKEND": "search.backends.elasticsearch8.ElasticsearchBackend",
        "URLS": ["http://127.0.0.1:9"],
        "TIMEOUT": 1,
    }
    IdeaFactory()
    with pytest.raises(CommandError) as error:
        call_command("search_rebuild", "--skip-novelty", stdout=StringIO())
    assert str(error.value).startswith("elasticsearch could not be rebuilt:")
    assert "\n" not in str(error.value)
