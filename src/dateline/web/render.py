"""An Article's text as safe HTML, with entities, quotes, speakers, cues and events highlighted.

A pure function of the record. Every piece of text is escaped; only the tags and
attributes written here reach the page. Spans may overlap in any way: where two
spans cross, the inner one is closed and reopened around the boundary, so the
markup stays well nested and every character carries all of its spans.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..model import Article, Entity, Event, Quote

# Outer layers first: a quote holds speakers, cues, entity mentions and events.
_LAYER_ORDER = {"quote": 0, "event": 1, "speaker": 2, "cue": 3, "entity": 4}

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@dataclass(frozen=True)
class Highlight:
    """One span to draw: a tag name, its attributes (unescaped) and where it lies in the text."""

    start: int
    end: int
    layer: str
    attrs: tuple[tuple[str, str], ...]
    tag: str = "span"

    def open_tag(self, continued: bool) -> str:
        attrs = tuple(a for a in self.attrs if a[0] != "id") + (("data-cont", "1"),) if continued else self.attrs
        rendered = "".join(f' {name}="{escape(value)}"' for name, value in attrs)
        return f"<{self.tag}{rendered}>"

    def close_tag(self) -> str:
        return f"</{self.tag}>"


EntityHref = Callable[[Entity], str | None]


def _speaker_label(quote: Quote) -> str:
    if quote.speaker_name:
        return quote.speaker_name
    if quote.speaker is not None:
        return quote.speaker.text
    return "unknown speaker"


def _actor_label(actor) -> str:
    if actor is None:
        return "?"
    return actor.code or actor.country or actor.text or "?"


def event_label(event: Event) -> str:
    """A one-line description: "USA → CHN: 130 THREATEN (verbal conflict, Goldstein -4.4)"."""
    parts = [f"{_actor_label(event.source)} → {_actor_label(event.target)}:"]
    if event.cameo:
        parts.append(event.cameo)
    if event.plover:
        parts.append(event.plover)
    details = []
    if event.quad_class in QUAD_NAMES:
        details.append(QUAD_NAMES[event.quad_class])
    if event.goldstein is not None:
        details.append(f"Goldstein {event.goldstein:+.1f}")
    if event.negated:
        details.append("negated")
    if details:
        parts.append(f"({', '.join(details)})")
    return " ".join(parts)


def highlights(article: Article, entity_href: EntityHref | None = None) -> list[Highlight]:
    """Every span of the article worth drawing, clipped to the text; empty spans are left out."""
    n = len(article.text)
    found: list[Highlight] = []

    def add(start: int | None, end: int | None, layer: str, attrs: Iterable[tuple[str, str]], tag="span"):
        if start is None or end is None:
            return
        start, end = max(0, start), min(n, end)
        if start < end:
            found.append(Highlight(start, end, layer, tuple(attrs), tag))

    for quote_index, quote in enumerate(article.quotes):
        speaker = _speaker_label(quote)
        add(quote.start, quote.end, "quote", [
            ("class", f"quote quote-{quote.kind}"),
            ("id", f"q{quote_index}"),
            ("data-quote", str(quote_index)),
            ("data-speaker", speaker),
            ("title", f"{quote.kind} quote — {speaker}"),
        ])
        if quote.speaker is not None:
            add(quote.speaker.start, quote.speaker.end, "speaker",
                [("class", "speaker"), ("data-quote", str(quote_index))])
        if quote.cue is not None:
            add(quote.cue.start, quote.cue.end, "cue", [("class", "cue")])
    for event_index, event in enumerate(article.events):
        quad = event.quad_class if event.quad_class in QUAD_NAMES else 0
        add(event.start, event.end, "event", [
            ("class", f"event quad-{quad}"),
            ("id", f"ev{event_index}"),
            ("data-event", str(event_index)),
            ("title", event_label(event)),
        ])
    for entity in article.entities:
        href = entity_href(entity) if entity_href else None
        attrs = [("class", f"ent ent-{entity.type}"), ("data-entity", entity.id),
                 ("title", " · ".join(x for x in (entity.type, entity.name, entity.code or "") if x))]
        tag = "span"
        if href:
            attrs.append(("href", href))
            tag = "a"
        for mention in entity.mentions:
            add(mention.start, mention.end, "entity", attrs, tag)
    return found


def _sort_key(h: Highlight) -> tuple[int, int, int]:
    return (h.start, -h.end, _LAYER_ORDER.get(h.layer, 9))


def render_spans(text: str, spans: list[Highlight], offset: int = 0) -> Markup:
    """``text`` (which starts at ``offset`` in the article) with ``spans`` drawn as nested tags.

    Spans are clipped to the piece. When a span must close while a later-opened
    span is still open, the later ones are closed, and reopened right after.
    Links are never nested in links: an inner <a> inside an open <a> is drawn as <span>.
    """
    end_of_text = offset + len(text)
    clipped = (Highlight(max(h.start, offset), min(h.end, end_of_text), h.layer, h.attrs, h.tag) for h in spans)
    pieces = sorted((h for h in clipped if h.start < h.end), key=_sort_key)
    bounds = sorted({offset, end_of_text, *(h.start for h in pieces), *(h.end for h in pieces)})
    starts: dict[int, list[Highlight]] = {}
    for h in pieces:
        starts.setdefault(h.start, []).append(h)

    out: list[str] = []
    stack: list[tuple[Highlight, Highlight]] = []  # (the span, the tag drawn for it)

    def open_(h: Highlight, continued: bool) -> None:
        drawn = h
        if h.tag == "a" and any(d.tag == "a" for _, d in stack):  # no link inside a link
            drawn = Highlight(h.start, h.end, h.layer, tuple(a for a in h.attrs if a[0] != "href"), "span")
        out.append(drawn.open_tag(continued))
        stack.append((h, drawn))

    for i, pos in enumerate(bounds):
        ending = [k for k, (h, _) in enumerate(stack) if h.end == pos]
        if ending:
            lowest = ending[0]
            reopen = [h for h, _ in stack[lowest:] if h.end > pos]
            for _, drawn in reversed(stack[lowest:]):
                out.append(drawn.close_tag())
            del stack[lowest:]
            for h in reopen:
                open_(h, continued=True)
        for h in starts.get(pos, ()):
            open_(h, continued=False)
        if i + 1 < len(bounds):
            out.append(str(escape(text[pos - offset : bounds[i + 1] - offset])))
    for _, drawn in reversed(stack):
        out.append(drawn.close_tag())
    return Markup("".join(out))


@dataclass(frozen=True)
class Block:
    """One paragraph of the article, ready for the template."""

    kind: str  # body, heading, list_item
    html: Markup
    section: int | None
    section_start: bool  # the first block of its section: show the heading and byline before it


def article_blocks(article: Article, entity_href: EntityHref | None = None) -> list[Block]:
    """The article's paragraphs with their highlighted HTML, in text order."""
    spans = highlights(article, entity_href)
    paragraphs = [(p.start, p.end, p.kind, p.section) for p in article.paragraphs if p.end > p.start]
    if not paragraphs:
        paragraphs = _split_paragraphs(article.text)
    blocks: list[Block] = []
    seen_sections: set[int] = set()
    for start, end, kind, section in paragraphs:
        first = section is not None and section not in seen_sections
        if section is not None:
            seen_sections.add(section)
        piece = article.text[start:end]
        blocks.append(Block(kind, render_spans(piece, spans, start), section, first))
    return blocks


def _split_paragraphs(text: str) -> list[tuple[int, int, str, int | None]]:
    """Paragraph offsets for a record without them: blank-line separated runs."""
    found = []
    pos = 0
    for chunk in text.split("\n\n"):
        stripped = chunk.strip()
        if stripped:
            start = pos + chunk.index(stripped)
            found.append((start, start + len(stripped), "body", None))
        pos += len(chunk) + 2
    return found


def render_article(article: Article, entity_href: EntityHref | None = None) -> Markup:
    """The whole text as HTML: <p>, <h3> and <li> blocks, sections with their heading and byline."""
    out: list[str] = []
    in_list = False
    for block in article_blocks(article, entity_href):
        if block.kind != "list_item" and in_list:
            out.append("</ul>")
            in_list = False
        byline = ""
        if block.section_start and block.section is not None and block.section < len(article.sections):
            section = article.sections[block.section]
            if section.heading and block.kind != "heading":  # a heading kept out of the text
                out.append(f'<h3 class="section-heading">{escape(section.heading)}</h3>')
            if section.byline:
                byline = f'<p class="byline">{escape(section.byline)}</p>'
        if byline and block.kind != "heading":
            out.append(byline)
        if block.kind == "heading":
            out.append(f"<h3>{block.html}</h3>{byline}")  # a section's byline goes under its heading
        elif block.kind == "list_item":
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{block.html}</li>")
        else:
            out.append(f"<p>{block.html}</p>")
    if in_list:
        out.append("</ul>")
    return Markup("\n".join(out))


def render_marked(text: str, marks: list[list[int]]) -> Markup:
    """Plain text with the [start, end] ranges in <mark>, everything escaped (search snippets)."""
    out: list[str] = []
    pos = 0
    for start, end in marks:
        out += [str(escape(text[pos:start])), "<mark>", str(escape(text[start:end])), "</mark>"]
        pos = end
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))
