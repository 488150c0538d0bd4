"""Assemble the clean text with its paragraph and section offsets.

Both extractors (HTML and text dumps) describe what they found as a sequence of
paragraphs, headings, list items, bylines and media; this builder turns that
into ``text`` (paragraphs joined by one blank line) and the offset tables.
"""

from __future__ import annotations

import re

from ..model import Media, Paragraph, ParagraphKind, Section
from .chars import visible

PARAGRAPH_SEP = "\n\n"
_WS = re.compile(r"[ \t\f\v]+")


def tidy(text: str) -> str:
    """Drop invisible characters and fold runs of white space inside a paragraph; keep single line breaks."""
    lines = [_WS.sub(" ", line).strip() for line in visible(text).replace("\r", "").split("\n")]
    return "\n".join(line for line in lines if line)


class ArticleBuilder:
    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.paragraphs: list[Paragraph] = []
        self.sections: list[Section] = []
        self.media: list[Media] = []

    @property
    def text(self) -> str:
        return "".join(self._parts)

    def add(self, text: str, kind: ParagraphKind = "body") -> Paragraph | None:
        text = tidy(text)
        if not text:
            return None
        if self._parts:
            self._parts.append(PARAGRAPH_SEP)
            self._length += len(PARAGRAPH_SEP)
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        section = len(self.sections) - 1 if self.sections else None
        para = Paragraph(start, self._length, kind, section)
        self.paragraphs.append(para)
        if self.sections:
            self.sections[-1].end = self._length
        return para

    def heading(self, text: str, byline: str | None = None) -> None:
        """Start a new section whose heading is a paragraph of kind 'heading'."""
        text = tidy(text)
        if not text:
            return
        start = self._length + (len(PARAGRAPH_SEP) if self._parts else 0)
        self.sections.append(Section(heading=text, byline=byline, start=start, end=start))
        self.add(text, "heading")

    def byline(self, byline: str) -> None:
        """Set the byline of the current section (opening one without a heading if none is open)."""
        byline = tidy(byline)
        if not self.sections:
            start = self._length + (len(PARAGRAPH_SEP) if self._parts else 0)
            self.sections.append(Section(heading=None, byline=byline, start=start, end=start))
        elif not self.sections[-1].byline:
            self.sections[-1].byline = byline

    def add_media(self, kind: str = "image", caption: str | None = None, credit: str | None = None) -> None:
        caption = tidy(caption) if caption else None
        credit = tidy(credit) if credit else None
        if caption or credit:
            self.media.append(Media(kind=kind, caption=caption or None, credit=credit or None))  # type: ignore[arg-type]

    def texts(self) -> list[str]:
        full = self.text
        return [full[p.start : p.end] for p in self.paragraphs]
