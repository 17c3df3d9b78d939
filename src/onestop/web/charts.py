"""Bar charts drawn on the server as inline SVG: no JavaScript, readable by screen readers.

Each chart is an ``<svg role="img">`` named by its ``<title>`` and summarised by its ``<desc>``;
templates put the same numbers in a table beside it (``macros/charts.html``), which is what a
screen reader or a printout uses. Colours and fonts come from classes styled in onestop.css, since
the Content-Security-Policy forbids ``style`` attributes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 640
AXIS = 56  # room on the left for the value axis (vertical) or the labels (horizontal, see below)
TOP, BOTTOM = 12, 40
HEIGHT = 240
ROW = 30  # horizontal charts: height of one bar's row
LABEL_WIDTH = 200


@dataclass(frozen=True)
class Bar:
    """One bar: what it counts, how many, and the value as the reader sees it ("$1,200.00")."""

    label: str
    value: int
    shown: str


def bars(pairs: Sequence[tuple[str, int]], fmt: Callable[[int], str] = str) -> list[Bar]:
    """Bars from (label, value) pairs, the value written with ``fmt``."""
    return [Bar(label, value, fmt(value)) for label, value in pairs]


def nice_ceiling(value: int) -> int:
    """The smallest 1, 2 or 5 times a power of ten that is at least ``value`` (axis top), 1 for 0."""
    if value <= 1:
        return 1
    power = int(10 ** math.floor(math.log10(value)))
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return int(step * power)
    return int(10 * power)  # pragma: no cover - the loop always returns


def ticks(top: int, count: int = 4) -> list[int]:
    """Evenly spaced whole-number axis ticks from 0 to ``top``."""
    step = max(1, top // count)
    return list(range(0, top + 1, step))


def vertical(
    chart_id: str, title: str, summary: str, data: Sequence[Bar], fmt: Callable[[int], str] = str
) -> Markup:
    """Columns left to right (hours of the day, months): value axis on the left, labels below."""
    top = nice_ceiling(max((b.value for b in data), default=0))
    right, plot_h = WIDTH - 8, HEIGHT - TOP - BOTTOM
    slot = (right - AXIS) / max(len(data), 1)
    parts = [_open(chart_id, title, summary, WIDTH, HEIGHT)]
    for tick in ticks(top):
        y = TOP + plot_h - plot_h * tick / top
        parts.append(_line("chart__grid", AXIS, right, y, y))
        parts.append(_text("chart__axis", AXIS - 6, y + 4, fmt(tick), "end"))
    every = max(1, math.ceil(len(data) / 12))  # at most 12 labels under the columns: they never overlap
    for i, bar in enumerate(data):
        h = plot_h * bar.value / top
        parts.append(_rect(bar, AXIS + i * slot + slot * 0.15, TOP + plot_h - h, slot * 0.7, h))
        if i % every == 0:
            parts.append(
                _text("chart__label", AXIS + i * slot + slot / 2, HEIGHT - BOTTOM + 18, bar.label, "middle")
            )
    parts.append(_line("chart__baseline", AXIS, right, TOP + plot_h, TOP + plot_h))
    return _close(parts)


def horizontal(chart_id: str, title: str, summary: str, data: Sequence[Bar]) -> Markup:
    """Rows top to bottom (statuses, reasons): the label on the left, the value at the bar's end."""
    top = max((b.value for b in data), default=0) or 1
    height = TOP + ROW * max(len(data), 1) + 8
    room = WIDTH - LABEL_WIDTH - 90  # leave space for the value written after the longest bar
    parts = [_open(chart_id, title, summary, WIDTH, height)]
    for i, bar in enumerate(data):
        y = TOP + i * ROW
        w = room * bar.value / top
        parts.append(_text("chart__label", LABEL_WIDTH - 8, y + ROW / 2 + 5, bar.label, "end"))
        parts.append(_rect(bar, LABEL_WIDTH, y + 4, w, ROW - 8))
        parts.append(_text("chart__value", LABEL_WIDTH + w + 6, y + ROW / 2 + 5, bar.shown, "start"))
    return _close(parts)


def _open(chart_id: str, title: str, summary: str, width: int, height: int) -> str:
    cid = escape(chart_id)
    return (
        f'<svg class="chart__svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-labelledby="{cid}-title {cid}-desc" focusable="false" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{cid}-title">{escape(title)}</title><desc id="{cid}-desc">{escape(summary)}</desc>'
    )


def _close(parts: list[str]) -> Markup:
    return Markup("".join([*parts, "</svg>"]))  # noqa: S704 - every text placed in the parts is escaped


def _line(cls: str, x1: float, x2: float, y1: float, y2: float) -> str:
    return f'<line class="{cls}" x1="{x1:.1f}" x2="{x2:.1f}" y1="{y1:.1f}" y2="{y2:.1f}"/>'


def _text(cls: str, x: float, y: float, content: str, anchor: str) -> str:
    return f'<text class="{cls}" x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}">{escape(content)}</text>'


def _rect(bar: Bar, x: float, y: float, w: float, h: float) -> str:
    """A bar with its own tooltip (the SVG ``<title>`` child) for sighted mouse users."""
    return (
        f'<rect class="chart__bar" x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}">'
        f"<title>{escape(bar.label)}: {escape(bar.shown)}</title></rect>"
    )
