"""Articles written for the web tests, with entities, quotes and events at known offsets."""

from __future__ import annotations

from dateline.model import Actor, Article, Entity, Event, Media, Quote, Section, Span
from tests.offsets import paragraphs, span


def harbour_talks() -> Article:
    """Two ministers, a direct quote with its speaker and cue, overlapping events."""
    text = (
        "Harbour talks resume\n\n"
        "Freedonian Foreign Minister Lena Brask met Sylvanian envoys in Oslo on Monday.\n\n"
        '"We will not accept any blockade of the strait," Brask said after the meeting.\n\n'
        "Sylvania threatened to impose tariffs on Freedonia if the talks failed."
    )
    brask_full = span(text, "Lena Brask")
    brask_short = span(text, "Brask", brask_full.end)
    quote = span(text, '"We will not accept any blockade of the strait,"')
    cue = span(text, "said")
    sylvania = span(text, "Sylvania threatened")
    sylvania = Span(sylvania.start, sylvania.start + len("Sylvania"), "Sylvania")
    freedonia = span(text, "Freedonia if")
    freedonia = Span(freedonia.start, freedonia.start + len("Freedonia"), "Freedonia")
    threat = span(text, "Sylvania threatened to impose tariffs on Freedonia")
    meet = span(text, "Lena Brask met Sylvanian envoys")
    return Article(
        id="a-harbour",
        source="fixture://harbour",
        url="https://news.example.org/harbour-talks",
        title="Harbour talks resume",
        publisher="Example Courier",
        published="2024-03-04T09:00:00+00:00",
        language="en",
        authors=["Mara Olsen"],
        text=text,
        paragraphs=paragraphs(text, kinds={0: "heading"}, sections={1: 0, 2: 0, 3: 0}),
        sections=[Section(heading=None, byline="By Mara Olsen in Oslo", start=22, end=len(text))],
        media=[Media("image", "Ministers arrive at the harbour office", "Photo: Example Agency")],
        tags=["diplomacy"],
        entities=[
            Entity("e1", "Lena Brask", "PERSON", "FRDGOV", "FRD", ["Freedonian Foreign Minister"],
                   [brask_full, brask_short]),
            Entity("e2", "Sylvania", "GPE", "SYL", "SYL", [], [sylvania]),
            Entity("e3", "Freedonia", "GPE", "FRD", "FRD", [], [freedonia]),
        ],
        quotes=[Quote(quote.start, quote.end, quote.text, "direct", brask_short, "e1", "Lena Brask", cue)],
        events=[
            Event(meet.start, meet.end, meet.text, Actor("Lena Brask", brask_full.start, brask_full.end, "e1", "FRDGOV", "FRD"),
                  Actor("Sylvanian envoys", None, None, None, "SYLGOV", "SYL"), "040", "CONSULT", 1, 1.0, "2024-03-04"),
            Event(threat.start, threat.end, threat.text, Actor("Sylvania", sylvania.start, sylvania.end, "e2", "SYL", "SYL"),
                  Actor("Freedonia", freedonia.start, freedonia.end, "e3", "FRD", "FRD"), "130", "THREATEN", 3, -4.4,
                  "2024-03-11"),
        ],
    )


def hostile() -> Article:
    """Text that would run script if it were not escaped, in every place the page shows text."""
    text = (
        "<script>window.__xss = 1; alert(1)</script> opened the file.\n\n"
        '<img src=x onerror="window.__xss = 2; alert(2)"> and <a href="javascript:window.__xss=3">click</a>.\n\n'
        '"<svg onload=alert(4)>" said <b onmouseover="window.__xss=5">Mallory</b>.'
    )
    speaker = span(text, '<b onmouseover="window.__xss=5">Mallory</b>')
    quote = span(text, '"<svg onload=alert(4)>"')
    return Article(
        id="a-hostile",
        source="fixture://hostile",
        url="javascript:window.__xss=6",
        title='<script>window.__xss=7</script>Hostile "title" & more',
        publisher="<i onmouseover=alert(8)>Evil Press</i>",
        published="2024-03-05T10:00:00+00:00",
        language="en",
        authors=["<img src=x onerror=alert(9)>"],
        text=text,
        paragraphs=paragraphs(text),
        media=[Media("image", "<script>window.__xss=10</script>caption", "<b>credit</b>")],
        tags=["<script>alert(11)</script>"],
        entities=[Entity("e1", '<b onmouseover="window.__xss=5">Mallory</b>', "PERSON", None, None,
                         ["<img src=x onerror=alert(12)>"], [speaker])],
        quotes=[Quote(quote.start, quote.end, quote.text, "direct", speaker, "e1", speaker.text, None)],
        events=[Event(0, 8, "<script>", Actor("<script>"), Actor("<img>"), "010", "<b>MAKE</b>", 1, 0.0, None)],
        warnings=["<script>alert(13)</script>"],
    )
