"""Server-side SVG charts: scales, escaping, and what assistive technology is given."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from onestop.web.charts import bars, horizontal, nice_ceiling, ticks, vertical

SVG = "{http://www.w3.org/2000/svg}"


def parse(markup: object) -> ET.Element:
    """The chart as XML (our own markup, not untrusted input)."""
    return ET.fromstring(str(markup))  # noqa: S314


def test_the_axis_top_is_a_round_number_at_least_the_largest_value() -> None:
    assert [nice_ceiling(v) for v in (0, 1, 3, 7, 10, 11, 180, 2001)] == [1, 1, 5, 10, 10, 20, 200, 5000]
    assert ticks(20) == [0, 5, 10, 15, 20]
    assert ticks(1) == [0, 1]


def test_a_vertical_chart_is_a_named_image_with_one_bar_per_value() -> None:
    data = bars([(f"{h:02d}", n) for h, n in enumerate([0, 3, 7, 1])])
    svg = parse(vertical("calls", "Calls by hour", "Most calls at 02", data))
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "calls-title calls-desc"
    assert svg.find(f"{SVG}title").text == "Calls by hour"  # type: ignore[union-attr]
    assert svg.find(f"{SVG}desc").text == "Most calls at 02"  # type: ignore[union-attr]
    rects = svg.findall(f"{SVG}rect")
    assert len(rects) == 4
    heights = [float(r.get("height", "0")) for r in rects]
    assert heights[0] == 0 and heights[2] == max(heights)  # 7 of an axis topped at 10
    assert heights[2] / heights[1] == 7 / 3
    assert rects[2].find(f"{SVG}title").text == "02: 7"  # type: ignore[union-attr]


def test_labels_are_escaped_and_thinned_out_when_there_are_many_columns() -> None:
    data = bars([("<b>&", 1)] + [(str(i), i) for i in range(1, 24)])
    markup = str(vertical("x", "A <title>", "s", data))
    assert "<b>" not in markup and "&lt;b&gt;&amp;" in markup and "A &lt;title&gt;" in markup
    labels = parse(markup).findall(f"{SVG}text[@class='chart__label']")
    assert len(labels) == 12  # 24 columns, every second one labelled


def test_a_horizontal_chart_writes_each_value_at_the_end_of_its_bar() -> None:
    data = bars([("Open", 12), ("Closed", 3)], fmt=lambda n: f"{n} files")
    svg = parse(horizontal("status", "Caseload by status", "12 open, 3 closed", data))
    values = [t.text for t in svg.findall(f"{SVG}text[@class='chart__value']")]
    assert values == ["12 files", "3 files"]
    widths = [float(r.get("width", "0")) for r in svg.findall(f"{SVG}rect")]
    assert widths[0] == 4 * widths[1]


def test_an_empty_chart_still_draws() -> None:
    assert "<svg" in str(vertical("e", "Nothing", "No data", []))
    assert "<svg" in str(horizontal("e", "Nothing", "No data", []))
