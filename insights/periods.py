"""The period a report covers: a choice of recent spans, or dates leadership types in."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

SPANS = {
    "4w": (_("Last 4 weeks"), 28),
    "12w": (_("Last 12 weeks"), 84),
    "12m": (_("Last 12 months"), 365),
    "custom": (_("Dates I choose"), None),
}
DEFAULT_SPAN = "12w"
LONGEST = timedelta(days=3 * 366)


@dataclass(frozen=True)
class Period:
    """From ``start`` (inclusive) to ``end`` (exclusive), both aware datetimes at midnight."""

    start: datetime
    end: datetime
    span: str = DEFAULT_SPAN

    @property
    def first_day(self) -> date:
        return timezone.localtime(self.start).date()

    @property
    def last_day(self) -> date:
        return timezone.localtime(self.end).date() - timedelta(days=1)

    def weeks(self) -> list[date]:
        """The Mondays of every week the period touches, oldest first."""
        monday = self.first_day - timedelta(days=self.first_day.weekday())
        weeks = []
        while monday <= self.last_day:
            weeks.append(monday)
            monday += timedelta(days=7)
        return weeks

    def query(self) -> dict:
        """The period as query parameters (for links that keep it)."""
        if self.span == "custom":
            return {"span": "custom", "start": self.first_day.isoformat(), "end": self.last_day.isoformat()}
        return {"span": self.span}


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def period_ending(*, span: str = DEFAULT_SPAN, today: date | None = None) -> Period:
    """The last ``span`` (a key of :data:`SPANS` other than custom) up to and including today."""
    today = today or timezone.localdate()
    days = SPANS[span][1]
    start, end = _midnight(today - timedelta(days=days - 1)), _midnight(today + timedelta(days=1))
    return Period(start=start, end=end, span=span)


class PeriodForm(forms.Form):
    span = forms.ChoiceField(label=_("Period"), choices=[(k, v[0]) for k, v in SPANS.items()], required=False)
    start = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if data.get("span") == "custom":
            start, end = data.get("start"), data.get("end")
            if not start or not end:
                raise forms.ValidationError(_("Choose both dates, or one of the recent periods."))
            if end < start:
                self.add_error("end", _("The end date must not be before the start date."))
            elif end - start > LONGEST:
                self.add_error("end", _("Choose at most three years."))
        return data

    def period(self) -> Period:
        """The chosen period; the default span when the form is empty or invalid."""
        if not self.is_valid():
            return period_ending()
        data = self.cleaned_data
        if data.get("span") == "custom":
            return Period(start=_midnight(data["start"]), end=_midnight(data["end"] + timedelta(days=1)), span="custom")
        return period_ending(span=data.get("span") or DEFAULT_SPAN)
