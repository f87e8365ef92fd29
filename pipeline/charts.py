"""Small KPI charts drawn on the server as SVG, each with a text alternative, so pilot pages
need no JavaScript and no external library."""

from dataclasses import dataclass

from django.utils import formats
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

WIDTH, HEIGHT = 320, 160
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 28
LABEL_GAP = 12  # px between two labels' baselines at 11 px type


@dataclass
class KPIChart:
    name: str
    unit: str
    baseline: float
    target: float
    measurements: list[tuple]  # (date, value), oldest first
    chart_id: str = "kpi"

    @property
    def current(self) -> float | None:
        return self.measurements[-1][1] if self.measurements else None

    @property
    def progress(self) -> int | None:
        """How far from the baseline to the target the latest value is, in percent."""
        if self.current is None or self.target == self.baseline:
            return None
        return round(100 * (self.current - self.baseline) / (self.target - self.baseline))

    @property
    def progress_words(self) -> str:
        """Where the latest value stands, in plain words rather than a bare percentage."""
        progress = self.progress
        if progress is None:
            return ""
        if progress > 100:
            return _("The latest value has gone past the target.")
        if progress == 100:
            return _("The latest value has reached the target.")
        if progress <= 0:
            return _("The latest value has not moved from the baseline towards the target yet.")
        return _("The latest value is %(percent)s%% of the way from the baseline to the target.") % {
            "percent": progress
        }

    def _number(self, value: float) -> str:
        text = formats.number_format(value, decimal_pos=0 if float(value).is_integer() else 1)
        return f"{text} {self.unit}".strip()

    @property
    def description(self) -> str:
        """The text alternative: everything the chart shows, in words."""
        parts = [
            _("Baseline %(baseline)s, target %(target)s.")
            % {"baseline": self._number(self.baseline), "target": self._number(self.target)}
        ]
        if self.measurements:
            measured = "; ".join(
                _("%(value)s on %(date)s") % {"value": self._number(v), "date": formats.date_format(d)}
                for d, v in self.measurements
            )
            parts.append(_("Measured: %(list)s.") % {"list": measured})
            if self.progress is not None:
                parts.append(self.progress_words)
        else:
            parts.append(_("No measurements yet."))
        return " ".join(parts)

    @property
    def text_id(self) -> str:
        """The id of the visible text alternative the chart is described by."""
        return f"{self.chart_id}-text"

    def svg(self) -> SafeString:
        chart_id = self.chart_id
        values = [self.baseline, self.target] + [v for _d, v in self.measurements]
        low, high = min(values), max(values)
        if low == high:
            low, high = low - 1, high + 1
        pad = (high - low) * 0.1
        low, high = low - pad, high + pad
        plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

        def y(value: float) -> float:
            return round(TOP + plot_h * (high - value) / (high - low), 1)

        dates = [d for d, _v in self.measurements]
        span = (dates[-1] - dates[0]).days if len(dates) > 1 else 0

        def x(date) -> float:
            if not span:
                return round(LEFT + plot_w / 2, 1)
            return round(LEFT + plot_w * (date - dates[0]).days / span, 1)

        # Labels closer than a line of text (baseline equal or near the target) are spread
        # apart around their middle, the higher value's label on top, so they never overprint.
        base_label, target_label = y(self.baseline) + 4, y(self.target) + 4
        if abs(base_label - target_label) < LABEL_GAP:
            middle = (base_label + target_label) / 2
            above, below = round(middle - LABEL_GAP / 2, 1), round(middle + LABEL_GAP / 2, 1)
            target_label, base_label = (above, below) if self.target >= self.baseline else (below, above)
        lines = format_html(
            '<line class="kpi-chart__baseline" x1="{}" x2="{}" y1="{}" y2="{}" />'
            '<text class="kpi-chart__label" x="{}" y="{}" text-anchor="end">{}</text>'
            '<line class="kpi-chart__target" x1="{}" x2="{}" y1="{}" y2="{}" />'
            '<text class="kpi-chart__label" x="{}" y="{}" text-anchor="end">{}</text>',
            LEFT, WIDTH - RIGHT, y(self.baseline), y(self.baseline),
            LEFT - 4, base_label, _("Base"),
            LEFT, WIDTH - RIGHT, y(self.target), y(self.target),
            LEFT - 4, target_label, _("Target"),
        )  # fmt: skip
        points = [(x(d), y(v)) for d, v in self.measurements]
        series = ""
        if points:
            series = format_html(
                '<polyline class="kpi-chart__series" points="{}" />{}',
                " ".join(f"{px},{py}" for px, py in points),
                format_html_join("", '<circle class="kpi-chart__point" cx="{}" cy="{}" r="4" />', points),
            )
        axis = ""
        if dates:
            axis = format_html(
                '<text class="kpi-chart__label" x="{}" y="{}">{}</text>',
                LEFT,
                HEIGHT - 8,
                formats.date_format(dates[0], "YEAR_MONTH_FORMAT"),
            )
            if len(dates) > 1:
                axis += format_html(
                    '<text class="kpi-chart__label" x="{}" y="{}" text-anchor="end">{}</text>',
                    WIDTH - RIGHT,
                    HEIGHT - 8,
                    formats.date_format(dates[-1], "YEAR_MONTH_FORMAT"),
                )
        return format_html(
            '<svg class="kpi-chart" viewBox="0 0 {} {}" role="img" aria-labelledby="{}-title" '
            'aria-describedby="{}-text" focusable="false"><title id="{}-title">{}</title>{}{}{}</svg>',
            WIDTH, HEIGHT, chart_id, chart_id, chart_id, self.name, lines, series, axis,
        )  # fmt: skip


def kpi_charts(kpis) -> list[KPIChart]:
    """The charts of a pilot's KPI StreamField, measurements sorted by date."""
    charts = []
    for number, block in enumerate(kpis, start=1):
        value = block.value
        measurements = sorted(((m["date"], float(m["value"])) for m in value["measurements"]), key=lambda m: m[0])
        charts.append(
            KPIChart(
                name=value["name"],
                unit=value.get("unit") or "",
                baseline=float(value["baseline"]),
                target=float(value["target"]),
                measurements=measurements,
                chart_id=f"kpi-{number}",
            )
        )
    return charts
