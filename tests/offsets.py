"""Offsets for hand-built records: spans of a text and its paragraphs."""

from __future__ import annotations

from dateline.model import Article, Paragraph, Span


def span(text: str, piece: str, after: int = 0) -> Span:
    """The first ``piece`` in ``text`` at or after ``after``."""
    start = text.index(piece, after)
    return Span(start, start + len(piece), piece)


def paragraphs(text: str, kinds: dict[int, str] | None = None, sections: dict[int, int] | None = None) -> list[Paragraph]:
    """One paragraph per blank-line-separated block; ``kinds`` and ``sections`` by block number."""
    found, pos = [], 0
    for i, chunk in enumerate(text.split("\n\n")):
        found.append(Paragraph(pos, pos + len(chunk), (kinds or {}).get(i, "body"), (sections or {}).get(i)))
        pos += len(chunk) + 2
    return found


def check_offsets(article: Article) -> None:
    """Every offset indexes the text: paragraphs in order, separated as the builder separates them,
    each inside its section, and each section's heading the text of its heading paragraph."""
    text = article.text
    assert "\n\n".join(article.paragraph_texts()) == text
    for para in article.paragraphs:
        assert text[para.start : para.end].strip() == text[para.start : para.end] != ""
        if para.section is not None:
            section = article.sections[para.section]
            assert section.start <= para.start and para.end <= section.end
    for k, section in enumerate(article.sections):
        members = [p for p in article.paragraphs if p.section == k]
        assert members and section.end == members[-1].end
        first = members[0]
        if section.heading is not None:
            assert first.kind == "heading" and text[first.start : first.end] == section.heading
            assert section.start == first.start
