"""Bar charts of the figures as geometry for an inline SVG (no script, no chart framework).

Each category gets its label on a line of its own (long occupation group names fit), then one
horizontal bar per series with its value after it. Right-to-left pages mirror the chart: labels
start at the right edge and bars grow to the left. Every text is anchored at its start in the
page's direction, so the template needs no arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _

from jobsforyou.statistics.figures import Figure, value_text

WIDTH = 640
PADDING = 12
VALUE_SPACE = 110  # room after the longest bar for its value ("fewer than 5")
LABEL_HEIGHT = 22
BAR_HEIGHT = 16
BAR_GAP = 4
ROW_GAP = 10
LEGEND_HEIGHT = 26
# bar colours: both at least 3:1 against the white background (WCAG 1.4.11)
SERIES_COLOURS = ("#1d5fa0", "#a84c00")
TEXT_COLOUR = "#1a1a1a"  # 17:1 against white


@dataclass(frozen=True)
class Text:
    """A text at a point, anchored at its start in the chart's direction."""

    x: float
    y: float
    text: str


@dataclass(frozen=True)
class Bar:
    """One bar with its value text (a suppressed value has no bar, only the text)."""

    x: float
    y: float
    width: float
    colour: str
    value: Text


@dataclass(frozen=True)
class LegendItem:
    """A colour swatch and the series it stands for."""

    x: float
    y: float
    colour: str
    label: Text


@dataclass(frozen=True)
class Chart:
    """Everything the template draws for one figure."""

    id: str
    title: str
    description: str
    width: int
    height: float
    direction: str
    labels: tuple[Text, ...]
    bars: tuple[Bar, ...]
    legend: tuple[LegendItem, ...]
    bar_height: int = BAR_HEIGHT
    text_colour: str = TEXT_COLOUR


def _x(position: float, width: float, rtl: bool) -> float:
    """The left edge of something `width` wide that starts `position` from the start side."""
    return WIDTH - position - width if rtl else position


def bar_chart(figure: Figure, rtl: bool) -> Chart:
    """The chart of a figure (empty rows give an empty chart; the template says so)."""
    area = WIDTH - 2 * PADDING - VALUE_SPACE
    largest = max((value or 0 for row in figure.rows for value in row.values), default=0)
    scale = area / largest if largest else 0.0
    y = float(PADDING)
    legend: list[LegendItem] = []
    if len(figure.series) > 1:  # a legend line per series
        for index, name in enumerate(figure.series):
            legend.append(LegendItem(_x(PADDING, 14, rtl), y + 2,
                                     SERIES_COLOURS[index % len(SERIES_COLOURS)],
                                     Text(_x(PADDING + 22, 0, rtl), y + 14, name)))
            y += LEGEND_HEIGHT
    texts: list[Text] = []
    bars: list[Bar] = []
    for row in figure.rows:
        texts.append(Text(_x(PADDING, 0, rtl), y + 15, row.label))
        y += LABEL_HEIGHT
        for index, value in enumerate(row.values):
            length = (value or 0) * scale
            bar_x = _x(PADDING, length, rtl)
            value_x = _x(PADDING + length + 6, 0, rtl)
            bars.append(Bar(bar_x, y, length, SERIES_COLOURS[index % len(SERIES_COLOURS)],
                            Text(value_x, y + 12.5, value_text(value))))
            y += BAR_HEIGHT + BAR_GAP
        y += ROW_GAP
    description = "; ".join(
        _("%(label)s: %(values)s", label=row.label,
          values=", ".join(value_text(value) for value in row.values))
        for row in figure.rows
    )
    return Chart(
        id=f"chart-{figure.id}", title=figure.title,
        description=description or _("No figures yet."),
        width=WIDTH, height=y + PADDING - ROW_GAP, direction="rtl" if rtl else "ltr",
        labels=tuple(texts), bars=tuple(bars), legend=tuple(legend),
    )
