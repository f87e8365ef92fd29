"""Search's own index of ideas: one row per public idea, with the plain text, the weighted
full-text vector (PostgreSQL), the meaning vector, the facet fields and the idea's novelty.

Rows are written only by ``search.services`` (from Celery tasks after the idea's
transaction commits); hidden, rejected and withdrawn ideas have no row.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexedIdea(models.Model):
    idea = models.OneToOneField(
        "ideas.Idea", primary_key=True, on_delete=models.CASCADE, related_name="search_entry", verbose_name=_("idea")
    )
    challenge = models.ForeignKey(
        "ideas.ChallengePage", on_delete=models.CASCADE, related_name="+", verbose_name=_("challenge")
    )
    district = models.ForeignKey(
        "accounts.District", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    stage = models.CharField(_("stage"), max_length=20)
    year = models.PositiveSmallIntegerField(_("year"))
    published_at = models.DateTimeField(_("published"))
    title = models.CharField(_("title"), max_length=140)
    summary = models.CharField(_("summary"), max_length=280)
    body_text = models.TextField(_("description as plain text"), blank=True)
    tag_text = models.CharField(_("tags as text"), max_length=1000, blank=True)
    challenge_title = models.CharField(_("challenge title"), max_length=255, blank=True)
    # Weighted: title (A) above summary and tags (B) above the description (C), challenge (D).
    # Filled on PostgreSQL only; the portable engine searches the text columns.
    search_vector = SearchVectorField(null=True, blank=True)
    # As last indexed: the database backend sorts by the idea's live count; copies kept
    # elsewhere (Elasticsearch) are refreshed by the reconcile task when it drifts.
    support_count = models.PositiveIntegerField(_("supports when indexed"), default=0)
    # The meaning of title and summary: a unit float32 vector from the sentence encoder, as
    # little-endian bytes (no database extension needed), and which model and text made it.
    vector = models.BinaryField(_("meaning vector"), null=True, blank=True)
    vector_key = models.CharField(_("vector made from"), max_length=64, blank=True)
    novelty = models.FloatField(_("novelty"), null=True, blank=True)
    novelty_computed_at = models.DateTimeField(null=True, blank=True)
    indexed_at = models.DateTimeField(_("indexed"))

    class Meta:
        verbose_name = _("indexed idea")
        verbose_name_plural = _("indexed ideas")
        indexes = [
            models.Index(fields=["challenge", "stage"], name="search_entry_challenge"),
            models.Index(fields=["-published_at"], name="search_entry_newest"),
            models.Index(fields=["-novelty"], name="search_entry_novelty"),
            models.Index(fields=["-indexed_at"], name="search_entry_indexed"),
        ]

    def __str__(self) -> str:
        return self.title


class IndexedTag(models.Model):
    """A tag of an indexed idea, kept as its own row so tag facets are one aggregate query."""

    entry = models.ForeignKey(IndexedIdea, on_delete=models.CASCADE, related_name="tags")
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, allow_unicode=True)

    class Meta:
        verbose_name = _("indexed tag")
        constraints = [models.UniqueConstraint(fields=["entry", "slug"], name="search_one_tag_per_entry")]
        indexes = [models.Index(fields=["slug"], name="search_tag_slug")]

    def __str__(self) -> str:
        return self.name
