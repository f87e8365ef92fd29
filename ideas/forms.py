"""Forms residents fill in on the site. They collect input; the services validate and write."""

from django import forms
from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from accounts.models import District

from .models import ChallengePage, FlagReason, Idea
from .text import html_to_editable_text

BODY_HELP = _(
    "Separate paragraphs with a blank line; start a line with “- ” for a list. "
    "Bold, italic and links in simple HTML are kept; anything else is removed."
)


# The longest description, in words (shown with a live counter).
BODY_MAX_WORDS = 600


def _counted(limit: int, kind: str) -> dict:
    """Widget attributes for site.js's live counter under a field ("12 of 140 characters")."""
    return {f"data-{kind}-limit": str(limit)}


BODY_LIMIT = ngettext_lazy("At most %(words)s word.", "At most %(words)s words.", "words") % {"words": BODY_MAX_WORDS}


def map_picker_attrs(latitude: forms.Field, longitude: forms.Field) -> bool:
    """Where tiles are configured, the site's map script draws a map after the longitude
    field to pick the place with; the two fields stay as they are, the way to type it."""
    config = settings.GREENLIGHT_MAP
    if not config["TILE_URL"]:
        return False
    latitude.widget.attrs["data-map-latitude"] = ""
    longitude.widget.attrs.update(
        {
            "data-map-picker": "",
            "data-map-tiles": config["TILE_URL"],
            "data-map-attribution": config["ATTRIBUTION"],
            "data-map-center": ",".join(str(value) for value in config["CENTER"]),
            "data-map-zoom": str(config["ZOOM"]),
            "data-map-label": _("Map: click or tap the place to fill in its latitude and longitude"),
        }
    )
    longitude.help_text = _("Pick the place on the map, or type its latitude and longitude.")
    return True


class IdeaForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=140,
        widget=forms.TextInput(attrs=_counted(140, "char")),
        help_text=_("At most 140 characters."),
    )
    summary = forms.CharField(
        label=_("One-line summary"),
        max_length=280,
        widget=forms.TextInput(attrs=_counted(280, "char")),
        help_text=_("At most 280 characters."),
    )
    body = forms.CharField(
        label=_("Describe your idea"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, **_counted(BODY_MAX_WORDS, "word")}),
        help_text=format_lazy("{} {}", BODY_HELP, BODY_LIMIT),
    )
    photo = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_("Optional. JPEG, PNG or WebP, at most 10 MB. Location data is removed from the photo."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    photo_alt = forms.CharField(
        label=_("Describe the photo"),
        max_length=250,
        required=False,
        help_text=_("Required with a photo: what it shows, for people who cannot see it."),
    )
    photo_consent = forms.BooleanField(
        label=_("I may share this photo, and it shows no one who could be recognised unless they agreed to be shown."),
        required=False,
    )
    remove_photo = forms.BooleanField(label=_("Remove the current photo"), required=False)
    suggested_tags = forms.MultipleChoiceField(
        label=_("Tags"), required=False, widget=forms.CheckboxSelectMultiple, choices=()
    )
    other_tags = forms.CharField(
        label=_("Other tags"), required=False, max_length=200, help_text=_("Separate tags with commas.")
    )
    district = forms.ModelChoiceField(
        label=_("District"), queryset=District.objects.all(), required=False, empty_label=_("Whole city")
    )
    location_name = forms.CharField(
        label=_("Place"), max_length=200, required=False, help_text=_("Optional: a street address or a place name.")
    )
    latitude = forms.DecimalField(label=_("Latitude"), required=False, max_digits=9, decimal_places=6)
    longitude = forms.DecimalField(label=_("Longitude"), required=False, max_digits=10, decimal_places=6)

    # Shown first; the idea form's panels (e.g. ideas like this one) come right after them.
    OPENING = ("title", "summary")

    def __init__(self, *args, challenge: ChallengePage, idea: Idea | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.challenge = challenge
        self.uses_map = map_picker_attrs(self.fields["latitude"], self.fields["longitude"])
        suggested = challenge.suggested_tag_list
        self.fields["suggested_tags"].choices = [(tag.lower(), tag) for tag in suggested]
        if not suggested:
            del self.fields["suggested_tags"]
        if not challenge.free_tags:
            del self.fields["other_tags"]
        if idea is None or not idea.image_id:
            del self.fields["remove_photo"]
        if idea is not None and not self.is_bound:
            names = [tag.name for tag in idea.tags.all()]
            suggested_names = {tag.lower() for tag in suggested}
            self.initial.update(
                {
                    "title": idea.title,
                    "summary": idea.summary,
                    "body": html_to_editable_text(idea.body),
                    "photo_alt": idea.image_alt,
                    "district": idea.district_id,
                    "location_name": idea.location_name,
                    "latitude": idea.latitude,
                    "longitude": idea.longitude,
                    "suggested_tags": [name for name in names if name in suggested_names],
                    "other_tags": ", ".join(name for name in names if name not in suggested_names),
                }
            )

    def clean_body(self):
        body = self.cleaned_data.get("body", "")
        words = len(body.split())
        if words > BODY_MAX_WORDS:
            raise forms.ValidationError(
                _("Please shorten the description to %(limit)s words (it has %(count)s).")
                % {"limit": BODY_MAX_WORDS, "count": words}
            )
        return body

    @property
    def opening_fields(self) -> list:
        return [field for field in self.visible_fields() if field.name in self.OPENING]

    @property
    def further_fields(self) -> list:
        return [field for field in self.visible_fields() if field.name not in self.OPENING]

    def tag_names(self) -> list[str]:
        names = list(self.cleaned_data.get("suggested_tags") or [])
        names += [tag.strip() for tag in (self.cleaned_data.get("other_tags") or "").split(",") if tag.strip()]
        return names

    def service_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "summary": data["summary"],
            "body": data.get("body", ""),
            "district": data.get("district"),
            "location_name": data.get("location_name", ""),
            "latitude": data.get("latitude"),
            "longitude": data.get("longitude"),
            "photo": data.get("photo") or None,
            "photo_alt": data.get("photo_alt", ""),
            "photo_consent": bool(data.get("photo_consent")),
        }


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    official = forms.BooleanField(label=_("Mark as the city's official response"), required=False)

    def __init__(self, *args, can_answer_officially: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_answer_officially:
            del self.fields["official"]


class CommentEditForm(forms.Form):
    body = forms.CharField(label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)


class FlagForm(forms.Form):
    reason = forms.ChoiceField(label=_("What is wrong?"), choices=FlagReason.choices, widget=forms.RadioSelect)
    details = forms.CharField(
        label=_("Anything the moderators should know?"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ModerationReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown publicly when hiding; sent to the author when rejecting."),
    )
