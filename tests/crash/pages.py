"""News pages with people, countries, quotes and political events, written for the crash tests.

Every page gives entities, quotes and events, so an article stored without all its rows would show.
"""

from __future__ import annotations

import random
from pathlib import Path

_PEOPLE = [("Anna Keller", "German", "foreign minister"), ("Tomas Ruiz", "Spanish", "prime minister"),
           ("Mei Lin", "Chinese", "trade envoy"), ("Kwame Mensah", "Ghanaian", "defence minister"),
           ("Olga Petrova", "Russian", "deputy foreign minister"), ("James Carter", "American", "ambassador")]
_COUNTRIES = ["France", "Japan", "Brazil", "India", "Canada", "Egypt", "Poland", "Kenya", "Turkey", "Mexico"]
_ACTIONS = ["criticised", "praised", "threatened to sanction", "signed a trade deal with", "met officials from",
            "accused", "promised aid to", "condemned"]
_TOPICS = ["grain exports", "fishing rights", "a border dispute", "gas prices", "a rail link", "climate talks"]


def story(n: int) -> str:
    rng = random.Random(n)
    name, demonym, role = rng.choice(_PEOPLE)
    country, other = rng.sample(_COUNTRIES, 2)
    topic = rng.choice(_TOPICS)
    title = f"{country} and {other} at odds over {topic} (report {n})"
    paragraphs = [
        f"{country} {rng.choice(_ACTIONS)} {other} on Tuesday over {topic}, officials said.",
        f"\u201cWe will not accept this,\u201d said {name}, the {demonym} {role}, after talks in Geneva.",
        f"{other} {rng.choice(_ACTIONS)} {country} a day later, in report number {n}.",
        f"{name.split()[1]} said the talks on {topic} would resume next week.",
    ]
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"<meta property='article:published_time' content='2024-{1 + n % 12:02d}-{1 + n % 27:02d}T08:00:00Z'>"
        f"</head><body><article><h1>{title}</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</article></body></html>"
    )


def write_stories(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"story-{n:04d}.html").write_text(story(n), encoding="utf-8")
