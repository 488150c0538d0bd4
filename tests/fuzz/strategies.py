"""Hypothesis strategies for page-like input: prose, furniture lines, markup and raw bytes."""

from __future__ import annotations

from hypothesis import strategies as st

WORDS = st.sampled_from(
    "the minister said talks would resume on Monday in Geneva after officials from both sides "
    "agreed to a ceasefire “we are ready” he added « non » ‘quoted’ \" ' — – • Image caption, "
    "image source,Agency Share Tags: NEXT 13 minutes ago Advertisement Subscribe".split(" ")
)
PROSE_LINE = st.lists(WORDS, min_size=0, max_size=40).map(" ".join)
ANY_LINE = st.one_of(PROSE_LINE, st.text(max_size=80))
DUMP = st.lists(ANY_LINE, max_size=40).map("\n".join)

TAGS = st.sampled_from(["p", "div", "h1", "h2", "li", "ul", "figure", "figcaption", "script", "article", "span", "a"])


@st.composite
def html_pages(draw) -> str:
    parts = ["<html><head><title>", draw(PROSE_LINE), "</title></head><body>"]
    for _ in range(draw(st.integers(0, 25))):
        tag = draw(TAGS)
        parts.append(f"<{tag}>{draw(ANY_LINE)}")
        if draw(st.booleans()):
            parts.append(f"</{tag}>")
    parts.append("</body></html>" if draw(st.booleans()) else "")
    return "".join(parts)


RAW_BYTES = st.one_of(
    st.binary(max_size=2000),
    DUMP.map(lambda s: s.encode("utf-8")),
    st.builds(lambda s, enc: s.encode(enc, errors="replace"), DUMP, st.sampled_from(["cp1251", "gb18030", "latin-1"])),
)


# -- news prose for the quote and event stages --------------------------------------------------------------
NEWS_WORDS = st.sampled_from(
    "President Maria Okafor of Nigeria told reporters in Lagos that the government would sanction "
    "Ghana . France , Germany and the European Union condemned the attack ; China accused the United "
    "States of spying , officials said . “ We will not negotiate , ” she said . \" Never again \" , "
    "said Li Wei , a spokesman for the Chinese foreign ministry . Russia threatened Ukraine on "
    "Tuesday ; NATO troops arrived in Poland . According to the minister , talks will resume . "
    "« Nous refusons » , a déclaré le ministre . He added : ‘ it is over ’ . The police arrested "
    "protesters near Parliament while the army withdrew from the border with India . not never "
    "Washington Moscow Beijing Brussels U.S. UK Kremlin 2024 3 May last week \n \n\n".split(" ")
)
NEWS_TEXT = st.one_of(
    st.lists(NEWS_WORDS, max_size=120).map(" ".join),
    st.lists(st.one_of(NEWS_WORDS, st.text(max_size=12)), max_size=60).map(" ".join),
)


# -- records: every field of the contract, offsets inside the text ------------------------------------------
SHORT = st.text(max_size=20)
MAYBE = st.none() | SHORT
FLOATS = st.floats(allow_nan=False, allow_infinity=False, width=64)


@st.composite
def spans(draw, text: str):
    """A Span of ``text`` (start < end), or None when the text is empty."""
    if not text:
        return None
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    from dateline.model import Span

    return Span(start, end, text[start:end])


@st.composite
def articles(draw):
    """Articles with any values the dataclasses allow: unicode everywhere, nested facts, optional parts."""
    from dateline.model import Actor, Article, Entity, Event, Media, Paragraph, Quote, Section

    text = draw(st.text(min_size=0, max_size=300))
    n = len(text)
    offsets = st.integers(0, n)
    sections = [Section(draw(MAYBE), draw(MAYBE), min(a, b), max(a, b))
                for a, b in draw(st.lists(st.tuples(offsets, offsets), max_size=3))]
    # a paragraph's section is the index of one of the sections (the reader checks it)
    paragraphs = [Paragraph(s.start, s.end, draw(st.sampled_from(["body", "heading", "list_item"])),
                            draw(st.none() | st.integers(0, len(sections) - 1)) if sections else None)
                  for s in draw(st.lists(spans(text), max_size=4)) if s is not None]
    entities = [
        Entity(f"e{i}", draw(SHORT), draw(st.sampled_from(["PERSON", "ORG", "GPE", "NORP", "LOC"])), draw(MAYBE),
               draw(MAYBE), draw(st.lists(SHORT, max_size=3)),
               [s for s in draw(st.lists(spans(text), max_size=3)) if s is not None])
        for i in range(draw(st.integers(0, 3)))
    ]
    quotes = []
    for s in draw(st.lists(spans(text), max_size=3)):
        if s is not None:
            quotes.append(Quote(s.start, s.end, s.text, draw(st.sampled_from(["direct", "indirect"])),
                                draw(st.none() | spans(text)), draw(MAYBE), draw(MAYBE), draw(st.none() | spans(text))))

    def actor():  # offsets in order when both are given (the reader checks start <= end)
        pair = draw(st.none() | st.tuples(offsets, offsets).map(sorted))
        start, end = pair if pair else (draw(st.none() | offsets), None)
        return draw(st.none() | st.builds(Actor, SHORT, st.just(start), st.just(end), MAYBE, MAYBE, MAYBE))

    events = [
        Event(s.start, s.end, s.text, actor(), actor(), draw(MAYBE), draw(MAYBE), draw(st.none() | st.integers(1, 4)),
              draw(st.none() | FLOATS), draw(MAYBE), draw(MAYBE), draw(st.booleans()),
              draw(st.none() | st.integers(0, max(0, len(quotes) - 1))) if quotes else None)
        for s in draw(st.lists(spans(text), max_size=3)) if s is not None
    ]
    return Article(
        id=draw(st.text(min_size=1, max_size=16)), source=draw(st.text(min_size=1, max_size=40)),
        url=draw(MAYBE), title=draw(MAYBE), publisher=draw(MAYBE), published=draw(MAYBE), fetched=draw(MAYBE),
        language=draw(MAYBE), authors=draw(st.lists(SHORT, max_size=3)), text=text, paragraphs=paragraphs,
        sections=sections, media=draw(st.lists(st.builds(Media, st.sampled_from(["image", "video", "audio"]),
                                                         MAYBE, MAYBE), max_size=2)),
        tags=draw(st.lists(SHORT, max_size=3)), entities=entities, quotes=quotes, events=events,
        warnings=draw(st.lists(SHORT, max_size=2)), duplicate_of=draw(MAYBE),
    )


# -- JSON values, for the JSON lines reader -----------------------------------------------------------------
# Any code point, lone UTF-16 surrogates included: a JSON escape such as "\\ud800" gives one.
ANY_UNICODE = st.lists(st.characters() | st.integers(0xD800, 0xDFFF).map(chr), max_size=30).map("".join)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | FLOATS | ANY_UNICODE,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=30,
)
RECORD_KEYS = st.sampled_from(["id", "source", "text", "title", "error", "kind", "paragraphs", "entities",
                               "quotes", "events", "authors", "media", "sections", "duplicate_of", "published"])
RECORD_LIKE = st.dictionaries(RECORD_KEYS, JSON_VALUES, max_size=8)
# Shaped like an article record (an id and a source), with any values in the other fields.
ARTICLE_LIKE = st.fixed_dictionaries(
    {"id": ANY_UNICODE.filter(bool), "source": ANY_UNICODE.filter(bool)},
    optional={k: JSON_VALUES for k in ("text", "title", "paragraphs", "entities", "quotes", "events", "authors",
                                       "media", "sections", "duplicate_of", "published", "tags")},
)
