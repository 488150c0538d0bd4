"""Assemble the clean text with its paragraph and section offsets.

Both extractors (HTML and text dumps) describe what they found as a sequence of
paragraphs, headings, list items, bylines and media; this builder turns that
into ``text`` (paragraphs joined by one blank line) and the offset tables.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model import Article, Media, Paragraph, ParagraphKind, Section
from .chars import visible, visible_inline

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

    @property
    def next_start(self) -> int:
        """Where the next paragraph will start."""
        return self._length + (len(PARAGRAPH_SEP) if self._parts else 0)

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
        start = self.next_start
        self.sections.append(Section(heading=text, byline=byline, start=start, end=start))
        self.add(text, "heading")

    def byline(self, byline: str) -> None:
        """Set the byline of the current section (opening one without a heading if none is open)."""
        byline = tidy(byline)
        if not self.sections:
            start = self.next_start
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


def without_lines(article: Article, drop: Callable[[int, str], bool]) -> int:
    """Take out of ``article.text`` every line for which ``drop(paragraph index, line)`` is true; returns
    how many went.

    The kept lines go through the builder again, in order and with their kinds, so the text, the
    paragraph offsets and the sections are what extraction would have made had the lines never been
    on the page: a paragraph with no line left goes, a section with no paragraph left goes (the
    paragraphs after it are renumbered), a section whose heading went keeps its byline and no heading.
    Only an extracted article (its paragraphs as a builder made them) without facts can be cut
    (their spans index the old text): entities, quotes and events are found afterwards. Nothing
    changes when no line is dropped."""
    if article.entities or article.quotes or article.events:
        raise ValueError(f"{article.source}: lines cannot be cut from an annotated article")
    text = article.text
    kept: list[tuple[Paragraph, str, bool]] = []  # paragraph, what is left of it, whether all of it is
    removed = 0
    for i, para in enumerate(article.paragraphs):
        lines = text[para.start : para.end].split("\n")
        left = [line for line in lines if not drop(i, line)]
        removed += len(lines) - len(left)
        if left:
            kept.append((para, "\n".join(left), len(left) == len(lines)))
    if not removed:
        return 0
    builder = ArticleBuilder()
    opened: dict[int, Section] = {}  # old section index -> its section in the builder
    for para, piece, whole in kept:
        old = para.section
        if old is not None and old not in opened and old < len(article.sections):
            section = article.sections[old]
            leads = para.kind == "heading" and para.start == section.start and section.heading is not None
            heading = (section.heading if whole else visible_inline(piece)) if leads else None
            start = builder.next_start
            opened[old] = Section(heading=heading, byline=section.byline, start=start, end=start)
            builder.sections.append(opened[old])
        builder.add(piece, para.kind)
    article.text = builder.text
    article.paragraphs = builder.paragraphs
    article.sections = builder.sections
    return removed
