from __future__ import annotations

import json

from dateline.model import Actor, Article, Entity, Event, Failure, Media, Paragraph, Quote, Section, Span


def _article() -> Article:
    text = "Talks resumed.\n\n“We are ready,” she said."
    return Article(
        id="abc",
        source="x.txt",
        title="Talks",
        text=text,
        paragraphs=[Paragraph(0, 14, "body", 0), Paragraph(16, len(text), "body", 0)],
        sections=[Section("Talks", "A Reporter", 0, len(text))],
        media=[Media("image", "A caption", "Agency")],
        entities=[Entity("e1", "Ana Ruiz", "PERSON", "ESPGOV", "ESP", ["minister"], [Span(37, 40, "she")])],
        quotes=[Quote(16, 31, "“We are ready,”", "direct", Span(32, 35, "she"), "e1", "Ana Ruiz", Span(36, 40, "said"))],
        events=[Event(0, 14, "Talks resumed.", Actor("she", 32, 35, "e1", "ESPGOV", "ESP"), None, "040", "CONSULT", 1, 1.0)],
    )


def test_round_trip_through_json():
    a = _article()
    again = Article.from_dict(json.loads(json.dumps(a.to_dict())))
    assert again == a
    assert isinstance(again.quotes[0].speaker, Span)
    assert isinstance(again.events[0].source, Actor)
    assert again.events[0].target is None


def test_paragraph_texts_index_the_text():
    a = _article()
    assert a.paragraph_texts() == ["Talks resumed.", "“We are ready,” she said."]


def test_failure_round_trip():
    f = Failure("bad.bin", "bad.bin: binary", "BinaryInput")
    assert Failure.from_dict(f.to_dict()) == f
