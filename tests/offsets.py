"""Offsets for hand-built records: spans of a text and its paragraphs."""

from __future__ import annotations

from dateline.model import Paragraph, Span


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
