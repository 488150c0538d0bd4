"""Span rendering: escaped text, well-nested markup for overlapping spans, every span drawn."""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.model import Article, Entity, Event, Paragraph, Quote, Section, Span
from dateline.web.queries import split_snippet
from dateline.web.render import Highlight, render_article, render_marked, render_spans

from .records import harbour_talks, hostile

VOID = {"br", "img", "hr", "input", "meta", "link"}


class Walker(HTMLParser):
    """Checks nesting and collects the text, and which classes cover each character."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.covers: list[set[str]] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data):
        classes = {c for _, attrs in self.stack for c in (attrs.get("class") or "").split()}
        for ch in data:
            self.text.append(ch)
            self.covers.append(classes)


def walk(markup: str) -> Walker:
    w = Walker()
    w.feed(markup)
    w.close()
    assert not w.stack, f"unclosed: {w.stack}"
    return w


def test_text_is_escaped_and_kept():
    out = render_spans('<b>x</b> & "y"', [])
    assert out == "&lt;b&gt;x&lt;/b&gt; &amp; &#34;y&#34;"


def test_crossing_spans_are_split_and_stay_nested():
    text = "abcdefghij"
    spans = [Highlight(0, 6, "quote", (("class", "quote"),)), Highlight(3, 9, "event", (("class", "event"),))]
    out = render_spans(text, spans)
    w = walk(out)
    assert "".join(w.text) == text
    assert [sorted(c) for c in w.covers] == (
        [["quote"]] * 3 + [["event", "quote"]] * 3 + [["event"]] * 3 + [[]]
    )
    assert 'data-cont="1"' in out  # the event is reopened after the quote closes


def test_anchor_ids_only_on_the_first_piece():
    spans = [Highlight(0, 6, "quote", (("class", "quote"), ("id", "q0"))),
             Highlight(3, 9, "event", (("class", "event"), ("id", "ev0")))]
    out = render_spans("abcdefghij", spans)
    assert out.count('id="q0"') == 1 and out.count('id="ev0"') == 1


def test_no_link_inside_a_link():
    spans = [Highlight(0, 8, "entity", (("class", "ent"), ("href", "/entities/a")), "a"),
             Highlight(2, 5, "entity", (("class", "ent"), ("href", "/entities/b")), "a")]
    w = walk(render_spans("abcdefghij", spans))
    assert [t for t, _ in w.tags] == ["a", "span"]


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(list("ab <>&\"'\n")), min_size=0, max_size=40),
    raw=st.lists(st.tuples(st.integers(-3, 45), st.integers(-3, 45), st.sampled_from(
        ["quote", "event", "speaker", "cue", "entity"])), max_size=8),
)
def test_any_spans_give_balanced_markup_with_the_text_unchanged(text, raw):
    spans = [Highlight(a, b, layer, (("class", layer),)) for a, b, layer in raw]
    w = walk(render_spans(text, spans))
    assert "".join(w.text) == text
    for i, classes in enumerate(w.covers):  # every character carries exactly the spans over it
        expected = {layer for a, b, layer in raw if max(a, 0) <= i < min(b, len(text)) and a < b}
        assert classes == expected


def test_article_shows_quote_speaker_cue_entities_events_and_byline():
    out = str(render_article(harbour_talks(), lambda e: f"/entities/{e.id}"))
    w = walk(out)
    assert 'data-speaker="Lena Brask"' in out
    assert '<p class="byline">By Mara Olsen in Oslo</p>' in out
    assert out.startswith("<h3>Harbour talks resume</h3>")
    classes = set().union(*w.covers)
    assert {"quote", "speaker", "cue", "ent", "event", "quad-1", "quad-3"} <= classes
    assert 'href="/entities/e1"' in out


def test_hostile_article_renders_no_markup_of_its_own():
    article = hostile()
    out = str(render_article(article, lambda e: "/entities/x"))
    w = walk(out)
    assert {t for t, _ in w.tags} <= {"p", "span", "a", "h3", "ul", "li"}
    assert all(not name.startswith("on") for _, attrs in w.tags for name in attrs)
    assert "".join(w.text).replace("\n", "") == article.text.replace("\n", "")


def test_spans_crossing_paragraphs_are_drawn_in_each():
    text = "first part\n\nsecond part"
    article = Article(
        id="x", source="t", text=text,
        paragraphs=[Paragraph(0, 10), Paragraph(12, 23)],
        quotes=[Quote(6, 18, text[6:18], "direct", None, None, "Someone", None)],
        entities=[Entity("e1", "part", "ORG", mentions=[Span(6, 10, "part"), Span(19, 23, "part")])],
        events=[Event(0, 23, text, cameo="010")],
    )
    out = str(render_article(article))
    w = walk(out)
    assert out.count("<p>") == 2
    assert "".join(w.text) == "first part\nsecond part"
    assert out.count('class="quote quote-direct"') == 2


def test_snippet_marks_matches_and_escapes_the_rest():
    text, marks = split_snippet("a <b> \x02blockade\x03 & \x02strait\x03 \x02\x03end")
    assert text == "a <b> blockade & strait end"
    assert marks == [[6, 14], [17, 23]]
    assert render_marked(text, marks) == "a &lt;b&gt; <mark>blockade</mark> &amp; <mark>strait</mark> end"


def test_section_byline_goes_under_its_heading_and_a_missing_heading_is_drawn():
    text = "Lead paragraph.\n\nSecond story\n\nIts body.\n\nThird body."
    article = Article(
        id="s", source="t", text=text,
        paragraphs=[Paragraph(0, 15), Paragraph(17, 29, "heading", 0), Paragraph(31, 40, "body", 0),
                    Paragraph(42, 53, "body", 1)],
        sections=[Section("Second story", "By <Ann>", 17, 40), Section("Third", None, 42, 53)],
    )
    out = str(render_article(article))
    assert out.split("\n") == [
        "<p>Lead paragraph.</p>",
        '<h3>Second story</h3><p class="byline">By &lt;Ann&gt;</p>',
        "<p>Its body.</p>",
        '<h3 class="section-heading">Third</h3>',
        "<p>Third body.</p>",
    ]
