"""Hand-built records for store tests (no extraction needed), written for this project."""

from __future__ import annotations

from dateline.model import Actor, Article, Entity, Event, Media, Paragraph, Quote, Section, Span
from tests.offsets import paragraphs, span


def harbour_article() -> Article:
    text = (
        "Harbour talks resume\n\n"
        "Negotiators from Norway and Iceland met in Reykjavik on Tuesday to settle the fishing dispute.\n\n"
        '"We are close to a deal," said Ingrid Dahl, the Norwegian fisheries minister.\n\n'
        "Iceland accused Norway of delaying the talks."
    )
    norway, iceland, dahl = span(text, "Norway"), span(text, "Iceland"), span(text, "Ingrid Dahl")
    quote_start = text.index('"We')
    blocks = paragraphs(text, kinds={0: "heading"}, sections=dict.fromkeys(range(4), 0))
    accused = text.index("Iceland accused")
    return Article(
        id="harbour0001",
        source="tests/harbour.html",
        url="https://news.example.org/harbour-talks",
        title="Harbour talks resume",
        publisher="Example Wire",
        published="2024-04-23T08:15:00+02:00",
        fetched="2024-04-23T09:00:00+00:00",
        language="en",
        authors=["Kari Holm"],
        text=text,
        paragraphs=blocks,
        sections=[Section(heading="Harbour talks resume", byline="Kari Holm", start=0, end=len(text))],
        media=[Media(kind="image", caption="Trawlers in port", credit="Example Photo")],
        tags=["fishing", "diplomacy"],
        entities=[
            Entity(id="e-nor", name="Norway", type="GPE", code="NOR", country="NOR",
                   mentions=[norway]),
            Entity(id="e-isl", name="Iceland", type="GPE", code="ISL", country="ISL",
                   mentions=[iceland]),
            Entity(id="e-dahl", name="Ingrid Dahl", type="PERSON", code="NORGOV", country="NOR",
                   descriptors=["Norwegian fisheries minister"], mentions=[dahl]),
        ],
        quotes=[
            Quote(start=quote_start + 1, end=quote_start + 26, text=text[quote_start + 1 : quote_start + 26],
                  kind="direct", speaker=dahl, speaker_entity="e-dahl",
                  speaker_name="Ingrid Dahl", cue=Span(dahl.start - 5, dahl.start - 1, "said")),
        ],
        events=[
            Event(start=blocks[1].start, end=blocks[1].end, text="met",
                  source=Actor(text="Norway", start=norway.start, end=norway.end, entity="e-nor", code="NOR", country="NOR"),
                  target=Actor(text="Iceland", start=iceland.start, end=iceland.end, entity="e-isl", code="ISL",
                               country="ISL"),
                  cameo="040", plover="CONSULT", quad_class=1, goldstein=1.0, date="2024-04-23",
                  location="Reykjavik"),
            Event(start=accused, end=len(text), text="accused",
                  source=Actor(text="Iceland", entity="e-isl", code="ISL", country="ISL"),
                  target=Actor(text="Norway", entity="e-nor", code="NOR", country="NOR"),
                  cameo="112", plover="ACCUSE", quad_class=3, goldstein=-2.0, negated=False),
        ],
        warnings=["a test warning"],
    )


def plain_article(n: int, title: str, body: str, *, published: str | None = None, publisher: str = "Example Wire",
                  language: str = "en") -> Article:
    return Article(
        id=f"plain{n:04d}", source=f"tests/plain-{n}.txt", title=title, publisher=publisher, published=published,
        language=language, text=body, paragraphs=[Paragraph(0, len(body))],
    )
