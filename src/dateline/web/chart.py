"""The dyad timeline chart, drawn on the server as SVG.

Bars: events per period, stacked by quad class (verbal/material cooperation,
verbal/material conflict). Line: mean Goldstein score per period on its own
axis (-10 .. +10). No script; every label is escaped; colours are presentation
attributes, so the page's Content-Security-Policy needs no inline styles.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from markupsafe import Markup, escape

from .render import QUAD_NAMES

QUAD_COLOURS = {1: "#8fc9a8", 2: "#2e8b57", 3: "#f0a35e", 4: "#c8423b"}
LINE_COLOUR = "#1f3d7a"

WIDTH, HEIGHT = 760, 320
LEFT, RIGHT, TOP, BOTTOM = 48, 56, 34, 64


Row = Mapping[str, Any]
"""A timeline row as JSON (TimelineRow.to_dict()): period, count, by_quad {1..4: n}, mean_goldstein."""


def _quad_count(row: Row, quad: int) -> int:
    by_quad = row.get("by_quad") or {}
    return int(by_quad.get(quad) or by_quad.get(str(quad)) or 0)


def _nice_max(value: int) -> int:
    if value <= 5:
        return max(value, 1)
    magnitude = 10 ** int(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return value


def _fmt(x: float) -> str:
    return f"{x:.1f}"


def timeline_svg(rows: Sequence[Row], title: str = "") -> Markup:
    """An SVG chart of the rows; a short note in SVG when there are none."""
    out: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="{escape(title or "timeline")}">',
        f"<title>{escape(title or 'timeline')}</title>",
    ]
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    if not rows:
        out.append(f'<text x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle" fill="#555">'
                   "No events between these actors.</text></svg>")
        return Markup("".join(out))

    top = _nice_max(max(int(r["count"]) for r in rows))
    slot = plot_w / len(rows)
    bar_w = min(48.0, max(1.0, slot * 0.7))

    def y_count(value: float) -> float:
        return TOP + plot_h - plot_h * value / top

    def y_goldstein(value: float) -> float:
        return TOP + plot_h * (10 - value) / 20

    # axes and grid
    for tick in _ticks(top):
        y = y_count(tick)
        out.append(f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{_fmt(y)}" y2="{_fmt(y)}" stroke="#e3e3e3"/>')
        out.append(f'<text x="{LEFT - 6}" y="{_fmt(y + 4)}" text-anchor="end" font-size="11" fill="#444">{tick}</text>')
    for g in (-10, -5, 0, 5, 10):
        y = y_goldstein(g)
        label = f"{g:+d}" if g else "0"
        out.append(f'<text x="{LEFT + plot_w + 6}" y="{_fmt(y + 4)}" font-size="11" fill="{LINE_COLOUR}">{label}</text>')
    zero = y_goldstein(0)
    out.append(f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{_fmt(zero)}" y2="{_fmt(zero)}" '
               f'stroke="{LINE_COLOUR}" stroke-dasharray="3 3" stroke-opacity="0.4"/>')
    out.append(f'<text x="{LEFT - 36}" y="{TOP - 12}" font-size="11" fill="#444">events</text>')
    out.append(f'<text x="{LEFT + plot_w - 20}" y="{TOP - 12}" font-size="11" fill="{LINE_COLOUR}">Goldstein</text>')

    # stacked bars
    label_every = max(1, math.ceil(len(rows) / 12))
    for i, row in enumerate(rows):
        period = str(row["period"])
        x = LEFT + i * slot + (slot - bar_w) / 2
        base = 0
        link = row.get("events_url") if isinstance(row, dict) else None
        if link and int(row["count"]):  # a bar links to the events behind it
            out.append(f'<a class="bar-link" href="{escape(link)}">')
        for quad in (1, 2, 3, 4):
            n = _quad_count(row, quad)
            if not n:
                continue
            y0, y1 = y_count(base + n), y_count(base)
            out.append(
                f'<rect class="bar quad-{quad}" x="{_fmt(x)}" y="{_fmt(y0)}" width="{_fmt(bar_w)}" '
                f'height="{_fmt(y1 - y0)}" fill="{QUAD_COLOURS[quad]}">'
                f"<title>{escape(period)}: {n} {QUAD_NAMES[quad]}</title></rect>"
            )
            base += n
        other = int(row["count"]) - base
        if other > 0:  # events without a quad class
            y0, y1 = y_count(base + other), y_count(base)
            out.append(f'<rect class="bar quad-0" x="{_fmt(x)}" y="{_fmt(y0)}" width="{_fmt(bar_w)}" '
                       f'height="{_fmt(y1 - y0)}" fill="#bbb"><title>{escape(period)}: {other} uncoded</title></rect>')
        if link and int(row["count"]):
            out.append("</a>")
        if i % label_every == 0:
            cx = LEFT + i * slot + slot / 2
            out.append(f'<text x="{_fmt(cx)}" y="{TOP + plot_h + 14}" font-size="10" fill="#444" '
                       f'text-anchor="end" transform="rotate(-35 {_fmt(cx)} {TOP + plot_h + 14})">'
                       f"{escape(period)}</text>")

    # mean Goldstein line, broken where a period has no score
    points = [(LEFT + i * slot + slot / 2, r.get("mean_goldstein"), str(r["period"])) for i, r in enumerate(rows)]
    run: list[str] = []
    for x, g, _ in points + [(0.0, None, "")]:
        if g is None:
            if len(run) > 1:
                out.append(f'<polyline class="goldstein" fill="none" stroke="{LINE_COLOUR}" stroke-width="2" '
                           f'points="{" ".join(run)}"/>')
            run = []
            continue
        run.append(f"{_fmt(x)},{_fmt(y_goldstein(max(-10.0, min(10.0, g))))}")
    for x, g, period in points:
        if g is not None:
            out.append(f'<circle class="goldstein-point" cx="{_fmt(x)}" cy="{_fmt(y_goldstein(max(-10.0, min(10.0, g))))}" '
                       f'r="3" fill="{LINE_COLOUR}"><title>{escape(period)}: mean Goldstein {g:+.2f}</title></circle>')

    # legend
    lx = LEFT
    ly = HEIGHT - 12
    for quad in (1, 2, 3, 4):
        out.append(f'<rect x="{lx}" y="{ly - 9}" width="10" height="10" fill="{QUAD_COLOURS[quad]}"/>')
        out.append(f'<text x="{lx + 14}" y="{ly}" font-size="11" fill="#333">{QUAD_NAMES[quad]}</text>')
        lx += 150
    out.append(f'<line x1="{lx}" x2="{lx + 16}" y1="{ly - 4}" y2="{ly - 4}" stroke="{LINE_COLOUR}" stroke-width="2"/>')
    out.append(f'<text x="{lx + 20}" y="{ly}" font-size="11" fill="#333">mean Goldstein</text>')
    out.append("</svg>")
    return Markup("".join(out))


def _ticks(top: int) -> list[int]:
    step = max(1, top // 4)
    return list(range(0, top + 1, step))


VOLUME_COLOUR = "#4a6fa5"


def volume_svg(points: Sequence[Row], title: str = "") -> Markup:
    """Articles matching a query per period, as the share of all the store's articles that period
    (so a busy week of news is not mistaken for interest). A bar with an ``url`` links to its articles."""
    height = 200
    plot_w, plot_h = WIDTH - LEFT - RIGHT, height - TOP - 40
    out: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart volume" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-label="{escape(title or "volume")}">',
        f"<title>{escape(title or 'volume')}</title>",
    ]
    if not points:
        out.append(f'<text x="{WIDTH / 2}" y="{height / 2}" text-anchor="middle" fill="#555">'
                   "No dated articles match.</text></svg>")
        return Markup("".join(out))
    top = max(float(p["share"]) for p in points) or 1.0
    slot = plot_w / len(points)
    bar_w = min(48.0, max(1.0, slot * 0.8))
    out.append(f'<text x="{LEFT - 6}" y="{TOP + 4}" font-size="10" text-anchor="end" fill="#444">'
               f"{top:.0%}</text>")
    out.append(f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{TOP + plot_h}" y2="{TOP + plot_h}" stroke="#999"/>')
    label_every = max(1, math.ceil(len(points) / 12))
    for i, p in enumerate(points):
        share = float(p["share"])
        h = plot_h * share / top
        x = LEFT + i * slot + (slot - bar_w) / 2
        label = f"{p['period']}: {p['count']} of {p['all']} articles ({share:.1%})"
        bar = (f'<rect class="volume-bar" x="{_fmt(x)}" y="{_fmt(TOP + plot_h - h)}" width="{_fmt(bar_w)}" '
               f'height="{_fmt(max(h, 0.0))}" fill="{VOLUME_COLOUR}"><title>{escape(label)}</title></rect>')
        url = p.get("url")
        out.append(f'<a class="volume-link" href="{escape(url)}">{bar}</a>' if url and p["count"] else bar)
        if i % label_every == 0:
            cx = LEFT + i * slot + slot / 2
            out.append(f'<text x="{_fmt(cx)}" y="{TOP + plot_h + 14}" font-size="10" fill="#444" '
                       f'text-anchor="middle">{escape(str(p["period"]))}</text>')
    out.append("</svg>")
    return Markup("".join(out))
