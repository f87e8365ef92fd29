"""Small charts drawn on the server as SVG, each with a text or table alternative, so pages
need no JavaScript and nothing loads from the internet.

A leaf module (it imports only Django) so that every app may draw with it: pilot KPI charts
(``pipeline``) and the leadership dashboard (``insights``).

- :class:`KPIChart`: one measured value against its baseline and target, over time.
- :class:`BarChart`: categories down the side, one bar per series (e.g. "share of
  participants" next to "share of the population"); missing values (suppressed counts) draw
  no bar and read "—" in the table.
- :class:`LineChart`: several series over the same periods (e.g. ideas, supports per week).

Each chart's ``table()`` gives the rows a screen reader or a spreadsheet reads instead.
"""

from dataclasses import dataclass, field

from django.utils import formats
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

WIDTH, HEIGHT = 320, 160
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 28
LABEL_GAP = 12  # px between two labels' baselines at 11 px type
MISSING = "—"


def number(value, unit: str = "") -> str:
    """A value as people read it: no decimals for whole numbers, one otherwise; "—" for none."""
    if value is None:
        return MISSING
    text = formats.number_format(
        value, decimal_pos=0 if float(value).is_integer() else 1, use_l10n=True, force_grouping=True
    )
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}".strip()


def _svg(chart_id: str, title: str, width: int, height: int, css: str, *parts) -> SafeString:
    return format_html(
        '<svg class="{}" viewBox="0 0 {} {}" role="img" aria-labelledby="{}-title" aria-describedby="{}-text" '
        'focusable="false"><title id="{}-title">{}</title>{}</svg>',
        css, width, height, chart_id, chart_id, chart_id, title, SafeString("".join(str(p) for p in parts)),
    )  # fmt: skip


# KPI charts (pilot pages) ----------------------------------------------------------------
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
        return _svg(self.chart_id, self.name, WIDTH, HEIGHT, "kpi-chart", lines, series, axis)


# Bar and line charts (dashboards) --------------------------------------------------------
@dataclass
class Series:
    label: str
    values: list  # one per category; None where the value is missing or suppressed
    unit: str = ""
    draw: bool = True  # False: in the table and the data only (e.g. a rate next to counts)


@dataclass
class _Chart:
    width = 480

    chart_id: str
    title: str
    categories: list[str]
    series: list[Series]
    category_heading: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def text_id(self) -> str:
        return f"{self.chart_id}-text"

    @property
    def drawn(self) -> list[Series]:
        return [s for s in self.series if s.draw]

    def table(self) -> tuple[list[str], list[list[str]]]:
        """The table alternative: a heading row and one row per category, values formatted."""
        headings = [self.category_heading or _("Category")] + [s.label for s in self.series]
        rows = [
            [category] + [number(s.values[index], s.unit) for s in self.series]
            for index, category in enumerate(self.categories)
        ]
        return headings, rows

    def raw_rows(self) -> list[list]:
        """The same rows unformatted (numbers stay numbers), for "download data"."""
        return [[c] + [s.values[i] for s in self.series] for i, c in enumerate(self.categories)]

    def _legend(self, y: float) -> SafeString:
        if len(self.drawn) < 2:
            return SafeString("")
        step = self.width // len(self.drawn)
        return format_html_join(
            "",
            '<rect class="chart__swatch chart__fill--{}" x="{}" y="{}" width="10" height="10" />'
            '<text class="chart__label" x="{}" y="{}">{}</text>',
            (
                (index, 8 + step * index, y, 22 + step * index, y + 9, s.label[: max(step // 7, 6)])
                for index, s in enumerate(self.drawn)
            ),
        )


@dataclass
class BarChart(_Chart):
    """Horizontal bars: categories down the side, one bar per series each."""

    label_width: int = 130
    width: int = 480

    def svg(self) -> SafeString:
        bar_h, gap = 10, 8
        drawn = self.drawn
        group_h = bar_h * len(drawn) + gap
        legend_h = 20 if len(drawn) > 1 else 0
        height = max(group_h * len(self.categories) + legend_h + 8, 40)
        values = [v for s in drawn for v in s.values if v is not None]
        top = max(values, default=0) or 1
        plot_w = self.width - self.label_width - 56
        bars, labels = [], []
        for index, category in enumerate(self.categories):
            y0 = legend_h + index * group_h
            labels.append(
                format_html(
                    '<text class="chart__label" x="{}" y="{}" text-anchor="end">{}</text>',
                    self.label_width - 6,
                    y0 + group_h / 2,
                    category[:22],
                )
            )
            for number_, s in enumerate(drawn):
                value = s.values[index]
                y = y0 + number_ * bar_h
                if value is None:
                    bars.append(
                        format_html(
                            '<text class="chart__value" x="{}" y="{}">{}</text>', self.label_width + 2, y + 9, MISSING
                        )
                    )
                    continue
                w = round(plot_w * max(value, 0) / top, 1)
                bars.append(
                    format_html(
                        '<rect class="chart__fill--{}" x="{}" y="{}" width="{}" height="{}" />'
                        '<text class="chart__value" x="{}" y="{}">{}</text>',
                        number_,
                        self.label_width,
                        y,
                        w,
                        bar_h - 1,
                        self.label_width + w + 4,
                        y + 9,
                        number(value, s.unit),
                    )
                )
        return _svg(self.chart_id, self.title, self.width, height, "chart chart--bar", self._legend(4), *labels, *bars)


@dataclass
class LineChart(_Chart):
    """Several series over the same periods (oldest first), each as a line with its points."""

    width: int = 480
    height: int = 200

    def svg(self) -> SafeString:
        left, right, top, bottom = 40, 12, 26, 24
        plot_w, plot_h = self.width - left - right, self.height - top - bottom
        values = [v for s in self.drawn for v in s.values if v is not None]
        high = max(values, default=0) or 1
        count = len(self.categories)

        def x(index: int) -> float:
            return round(left + (plot_w * index / (count - 1) if count > 1 else plot_w / 2), 1)

        def y(value: float) -> float:
            return round(top + plot_h * (1 - value / high), 1)

        grid = format_html(
            '<line class="chart__axis" x1="{}" x2="{}" y1="{}" y2="{}" />'
            '<text class="chart__label" x="{}" y="{}" text-anchor="end">{}</text>'
            '<text class="chart__label" x="{}" y="{}" text-anchor="end">0</text>',
            left, self.width - right, top + plot_h, top + plot_h,
            left - 4, top + 4, number(high), left - 4, top + plot_h,
        )  # fmt: skip
        lines = []
        for index, s in enumerate(self.drawn):
            points = [(x(i), y(v)) for i, v in enumerate(s.values) if v is not None]
            if points:
                lines.append(
                    format_html(
                        '<polyline class="chart__line chart__stroke--{}" points="{}" />',
                        index,
                        " ".join(f"{px},{py}" for px, py in points),
                    )
                )
        axis = ""
        if self.categories:
            axis = format_html(
                '<text class="chart__label" x="{}" y="{}">{}</text>', left, self.height - 6, self.categories[0]
            )
            if count > 1:
                axis += format_html(
                    '<text class="chart__label" x="{}" y="{}" text-anchor="end">{}</text>',
                    self.width - right, self.height - 6, self.categories[-1],
                )  # fmt: skip
        return _svg(
            self.chart_id, self.title, self.width, self.height, "chart chart--line",
            self._legend(4), grid, *lines, axis,
        )  # fmt: skip
