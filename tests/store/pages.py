"""Generated news pages for store and ingest tests: distinct, deterministic, written for this project."""

from __future__ import annotations

import random
from pathlib import Path

_SUBJECTS = ["The council", "The ministry", "Port officials", "The union", "Local farmers", "The committee",
             "Rail operators", "The regional court", "Hospital staff", "The harbour authority"]
_VERBS = ["approved", "rejected", "postponed", "debated", "announced", "reviewed", "questioned", "welcomed"]
_OBJECTS = ["a new budget", "the bridge repairs", "a water tariff", "the school timetable", "a ferry contract",
            "the flood defences", "a housing plan", "the night bus routes", "a fishing quota", "the park lease"]
_WHEN = ["on Monday", "on Tuesday", "late on Wednesday", "after a long session", "before the holiday",
         "in a close vote", "without debate", "at a public meeting"]
_PUBLISHERS = ["Northshore Gazette", "Valley Courier", "Harbour Daily"]


def page_html(n: int) -> str:
    """Page number ``n``: a headline, a publisher, a date and four paragraphs unique to ``n``."""
    rng = random.Random(n)
    title = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} (report {n})"
    publisher = _PUBLISHERS[n % len(_PUBLISHERS)]
    day = f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}"
    paragraphs = []
    for p in range(4):
        sentences = [
            f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {rng.choice(_WHEN)}."
            for _ in range(3)
        ]
        paragraphs.append(f"<p>Item {n}-{p}: " + " ".join(sentences) + "</p>")
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title} | {publisher}</title>"
        f"<meta property='og:site_name' content='{publisher}'>"
        f"<meta property='article:published_time' content='{day}T09:30:00Z'></head>"
        f"<body><header><nav><a href='/'>Home</a></nav></header><article><h1>{title}</h1>"
        + "".join(paragraphs)
        + "</article><footer>Contact us</footer></body></html>"
    )


def write_pages(folder: Path, count: int, *, corrupt: int | None = None) -> list[Path]:
    """``count`` pages in ``folder``; page number ``corrupt`` (if given) is binary junk instead."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"page-{n:05d}.html"
        if n == corrupt:
            path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
        else:
            path.write_text(page_html(n), encoding="utf-8")
        paths.append(path)
    return paths
