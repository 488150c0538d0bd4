"""The server-side SVG timeline chart: well-formed, one bar segment per quad class, the Goldstein line."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from dateline.web.chart import HEIGHT, timeline_svg

NS = {"svg": "http://www.w3.org/2000/svg"}

ROWS = [
    {"period": "2024-01", "count": 3, "by_quad": {1: 1, 4: 2}, "mean_goldstein": -6.0},
    {"period": "2024-02", "count": 0, "by_quad": {}, "mean_goldstein": None},
    {"period": "2024-03", "count": 2, "by_quad": {"2": 1, "3": 1}, "mean_goldstein": 1.5},
    {"period": "2024-04", "count": 4, "by_quad": {"1": 4}, "mean_goldstein": 3.0},
]


def parse(markup: str) -> ET.Element:
    return ET.fromstring(markup)


def test_bars_are_stacked_by_quad_class():
    svg = parse(timeline_svg(ROWS, "USA ↔ CHN"))
    bars = svg.findall("svg:rect[@class]", NS)
    assert [b.get("class") for b in bars] == ["bar quad-1", "bar quad-4", "bar quad-2", "bar quad-3", "bar quad-1"]
    first, second = bars[0], bars[1]  # stacked: the second sits on top of the first
    assert float(second.get("y")) + float(second.get("height")) == float(first.get("y"))
    heights = {b.find("svg:title", NS).text: float(b.get("height")) for b in bars}
    assert heights["2024-04: 4 verbal cooperation"] == 2 * heights["2024-01: 2 material conflict"]


def test_goldstein_line_breaks_where_a_period_has_no_score():
    svg = parse(timeline_svg(ROWS))
    lines = svg.findall("svg:polyline", NS)
    assert [len(line.get("points").split()) for line in lines] == [2]  # March to April; January stands alone
    points = svg.findall("svg:circle", NS)
    assert len(points) == 3
    y = [float(p.get("cy")) for p in points]
    assert y[0] > y[1] > y[2]  # -6 is drawn lowest, +3 highest
    assert all(0 < v < HEIGHT for v in y)


def test_labels_are_escaped_and_empty_timeline_says_so():
    svg = timeline_svg([{"period": "<script>", "count": 1, "by_quad": {1: 1}, "mean_goldstein": 1.0}], "<b>x</b>")
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    parse(svg)
    empty = parse(timeline_svg([], "nothing"))
    assert "No events" in "".join(empty.itertext())


def test_uncoded_events_are_drawn_grey():
    svg = parse(timeline_svg([{"period": "2024-W01", "count": 3, "by_quad": {1: 1}, "mean_goldstein": None}]))
    assert [b.get("class") for b in svg.findall("svg:rect[@class]", NS)] == ["bar quad-1", "bar quad-0"]
