"""trafilatura's XML body -> paragraphs with kinds, sections with headings and bylines.

trafilatura returns <head>, <p>, <list>/<item>, <quote>, <table> and <graphic>
elements. Headings open sections; a short "By ..." line right under a heading is
that section's byline; the headline repeated in the body, "Read more:" teasers
and share prompts are dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from lxml import etree
from lxml.etree import XPath

from ...lang import phrases
from ..builder import ArticleBuilder
from ..dates import find_date
from ..langdata import all_languages
from ..meta import norm_text
from .parse import opening

_BYLINE = re.compile(r"^(?:by|von|par|por|door|di)\s+(?P<name>[^\d.!?:;]{3,80})$", re.I)
_NOTICE_MAX_CHARS = 300
_STRING = XPath("string(.)")
_BUTTON_CLASS = re.compile(r"(?:^|[\s_-])(?:btn|button|cta)(?:$|[\s_-])", re.I)
_LABEL_MAX_CHARS = 60
_LABEL_REPEATS = 3
# what follows the last sentence end of a paragraph, when it is short enough to be a label
_AFTER_LAST_SENTENCE = re.compile(r"[.!?…][\"'”’»)\]]*\s+([^.!?…\n]{1,60})$")
_LOOSE_MIN_WORDS = 3
_LOOSE_RUN_WORDS = 12  # a run of words with no sentence end this long is still prose
_SENTENCE_END = re.compile(r"[.!?…:;。！？][\"'”’»)\]]*$")
# short lines that are page furniture whatever follows them: teasers, tables of contents, bylines,
# update stamps and picture credits that the extractor kept as paragraphs
_FURNITURE = re.compile(
    r"^(?:(?:read (?:more|our|the full|next)|related (?:articles|posts|stories|reading)|table of contents|"
    r"written by|last (?:updated|modified)|updated on|published on|posted on|"
    r"photo (?:courtesy|credit|by)|image (?:courtesy|credit|from|via|source))\b|"
    r"(?:photo|image|picture|foto)s?\s*:)",
    re.I,
)
_FURNITURE_MAX_CHARS = 100
_TEASER_MAX_CHARS = 220
# words of a line that only states when the story was published: "Posted on Tuesday, 7 October 2023, 10:15 GMT"
_DATE_WORDS = re.compile(
    r"^(?:\d[\d:./-]*(?:st|nd|rd|th|h|am|pm)?|posted|published|updated|last|first|on|at|by|"
    r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|"
    r"am|pm|a\.m|p\.m|gmt|utc|[a-z]{1,2}t|cet|cest|bst|edt|est|pdt|pst)$",
    re.I,
)
_DATE_LINE_MAX_CHARS = 70
# a review site's note that it is paid for clicks: "We may earn a commission ...", "This post contains affiliate links"
_DISCLOSURE = re.compile(
    r"\b(?:we|i|us)\b[^.]{0,60}\b(?:earn|receive|get)\b[^.]{0,40}\b(?:commission|compensation)|"
    r"\b(?:this|our|the)\s+(?:post|article|page|site|review|guide|content)\b[^.]{0,30}\baffiliate\s+links?",
    re.I,
)
_DISCLOSURE_MAX_CHARS = 400
_SUB_HEADINGS = ("h2", "h3", "h4")
_BYLINE_OPENINGS = ("By ", "by ")


def _text(el: etree._Element, skip: tuple[str, ...] = ()) -> str:
    """The element's text with <lb/> as line breaks, leaving out nested ``skip`` elements."""
    parts: list[str] = [el.text or ""]
    for child in el:
        if child.tag in skip:
            pass
        elif child.tag == "lb":
            parts.append("\n")
        else:
            parts.append(_text(child, skip))
        parts.append(child.tail or "")
    return "".join(parts)


@cache
def _teaser() -> re.Pattern[str]:
    """'Read more: ...', 'Mehr zum Thema | ...', 'Lire aussi : ...' (lang/*/furniture_leads.txt)."""
    return phrases.teaser(all_languages("furniture_leads"))


@cache
def _button_tail() -> re.Pattern[str]:
    """A button label after the last sentence of a paragraph: '... at the opening. Enlarge'."""
    return re.compile(rf"(?<=[.!?…])\s*(?:{phrases.alternation(all_languages('furniture_lines'))})\W*$", re.I)


def _is_teaser(text: str) -> bool:
    text = text.strip()
    if len(text) <= _FURNITURE_MAX_CHARS and _FURNITURE.match(text):
        return True
    return len(text) <= _TEASER_MAX_CHARS and bool(_teaser().match(text))


def _is_furniture_line(text: str) -> bool:
    """A button or player label, an advertising mark, a click's confirmation, a JavaScript notice
    (lang/*/furniture_lines.txt, furniture_notices.txt), in any shipped language."""
    if len(text) > _NOTICE_MAX_CHARS:
        return False
    norm = norm_text(text)
    if norm in all_languages("furniture_lines"):
        return True
    padded = f" {norm} "
    return any(f" {notice} " in padded for notice in all_languages("furniture_notices"))


def without_button_label(text: str) -> str:
    """The paragraph without a trailing button label ('Vergrößern', 'Enlarge') after its last sentence."""
    return _button_tail().sub("", text) if len(text) <= _NOTICE_MAX_CHARS * 2 else text


def _is_disclosure(text: str) -> bool:
    return len(text) <= _DISCLOSURE_MAX_CHARS and bool(_DISCLOSURE.search(text))


def _is_date_line(text: str) -> bool:
    """A line that only says when: every word is part of a date or time, and it holds a date."""
    if len(text) > _DATE_LINE_MAX_CHARS:
        return False
    words = re.findall(r"[\w.:/-]+", text)
    return bool(words) and all(_DATE_WORDS.match(w.strip(".")) for w in words) and find_date(text) is not None


def section_bylines(tree: etree._Element) -> dict[str, str]:
    """Sub-headings followed by their own "By ..." line, read from the page before extraction.

    Extractors drop byline-classed lines, so the pairing is taken from the page itself:
    {normalised heading: name}.
    """
    found: dict[str, str] = {}
    for heading in tree.iter(_SUB_HEADINGS):
        line = heading.getnext()
        while line is not None and not isinstance(line.tag, str):
            line = line.getnext()  # the next element, past comments
        if line is None or opening(line, 3) not in _BYLINE_OPENINGS:
            continue
        match = _BYLINE.match(" ".join("".join(line.itertext()).split()))
        title = norm_text("".join(heading.itertext()))
        if match and title:
            found[title] = match.group("name").strip()
    return found


def button_labels(tree: etree._Element) -> frozenset[str]:
    """The page's button-like labels, normalised: the text of a <button> or of a link styled or
    marked as one (class 'btn', 'button', 'cta'; role 'button'), and the text of a link the page
    repeats ('Check price', 'Download' under every product). A paragraph that is only such a label
    is a control, not text: an extractor that drops the link keeps its words."""
    links: Counter[str] = Counter()
    marked: set[str] = set()
    for el in tree.iter("a", "button"):
        raw = el.text if len(el) == 0 else _STRING(el)
        text = " ".join(raw.split()) if raw else ""
        if not text or len(text) > _LABEL_MAX_CHARS:
            continue
        links[text] += 1
        if el.tag == "button" or el.get("role") == "button" or _BUTTON_CLASS.search(el.get("class", "")):
            marked.add(text)
    return frozenset(
        norm_text(text) for text in marked.union(t for t, n in links.items() if n >= _LABEL_REPEATS)
        if not _SENTENCE_END.search(text)
    )


def _continues(loose: str, paragraph: etree._Element) -> bool:
    """The loose run is the opening of a sentence the paragraph finishes: some words on one line,
    no sentence end, and the paragraph goes on in lower case."""
    opening = loose.strip()
    return (
        len(opening.split()) >= _LOOSE_MIN_WORDS and "\n" not in opening and not _SENTENCE_END.search(opening)
        and _text(paragraph).lstrip()[:1].islower()
    )


class BodyWalker:
    """Feed one trafilatura body into an ArticleBuilder."""

    def __init__(
        self, builder: ArticleBuilder, title: str | None, bylines: dict[str, str] | None = None,
        labels: frozenset[str] = frozenset(),
    ) -> None:
        self.builder = builder
        self.section_bylines = bylines or {}
        self.labels = labels
        self.title_norm = norm_text(title) if title else None
        self.after_heading = False
        self.bylines: list[str] = []

    def walk(self, body: etree._Element) -> None:
        """Every block of the body, and the text set loose between them: trafilatura keeps a page's
        text that stood outside any paragraph as the tail of the block before it. A loose run that
        stops mid-sentence right before a paragraph that goes on in lower case is that paragraph's
        opening ('... is designed to <p><hi>simplify</hi> ...'); any other that reads as prose (a
        sentence, or a long run of words: not 'Home About', not a date stamp) is a paragraph of its
        own. Labels are neither."""
        loose = body.text or ""
        for el in body:
            if el.tag == "p" and loose and _continues(loose, el):
                self._element(el, opening=loose)
            else:
                self._loose(loose)
                self._element(el)
            loose = el.tail or ""
        self._loose(loose)

    def _without_labels(self, text: str) -> str:
        """The paragraph without button labels: a line that is one (a 'Check price' link set on a
        line of its own inside the block), and one after the last sentence ('... cups. Check price')."""
        if not self.labels:
            return text
        if "\n" in text:
            text = "\n".join(line for line in text.split("\n") if norm_text(line) not in self.labels)
        last = _AFTER_LAST_SENTENCE.search(text)
        if last and norm_text(last.group(1)) in self.labels:
            text = text[: last.start(1)].rstrip()
        return text

    def _loose(self, text: str) -> None:
        stripped = text.strip()
        words = len(stripped.split())
        if words >= _LOOSE_MIN_WORDS and _SENTENCE_END.search(stripped) or words >= _LOOSE_RUN_WORDS:
            self._paragraph(text)

    def _element(self, el: etree._Element, opening: str = "") -> None:
        tag = el.tag
        if tag == "head":
            text = _text(el)
            if not self._is_title(text) and not _is_teaser(" ".join(text.split())):
                byline = self.section_bylines.get(norm_text(text))
                self.builder.heading(text, byline=byline)
                if byline:
                    self.bylines.append(byline)
                self.after_heading = True
            return
        if tag == "list":
            self._list(el)
        elif tag == "table":
            self._table(el)
        elif tag == "graphic":
            return
        else:
            self._paragraph(f"{opening.rstrip()} {_text(el).lstrip()}" if opening else _text(el))
            return
        self.after_heading = False

    def _paragraph(self, text: str) -> None:
        text = without_button_label(self._without_labels(text))
        stripped = " ".join(text.split())
        if not stripped or self._is_title(stripped) or _is_teaser(stripped) or _is_date_line(stripped):
            return
        if _is_furniture_line(stripped) or len(stripped) <= _LABEL_MAX_CHARS and norm_text(stripped) in self.labels:
            return
        if _is_disclosure(stripped):
            return
        byline = _BYLINE.match(stripped)
        if byline and self.after_heading:
            name = byline.group("name").strip()
            if name not in self.bylines:
                self.builder.byline(name)
                self.bylines.append(name)
            return
        self.after_heading = False
        self.builder.add(text, "body")

    def _list(self, el: etree._Element) -> None:
        for item in el.iter("item"):
            text = _text(item, skip=("list",))
            if not _is_teaser(" ".join(text.split())) and not _is_furniture_line(" ".join(text.split())):
                self.builder.add(text, "list_item")

    def _table(self, el: etree._Element) -> None:
        for row in el.iter("row"):
            cells = [" ".join(_text(c).split()) for c in row.iter("cell")]
            line = " | ".join(c for c in cells if c)
            if line:
                self.builder.add(line, "body")

    def _is_title(self, text: str) -> bool:
        if not self.title_norm or len(text) > 2 * len(self.title_norm) + 20:
            return False
        return norm_text(text) == self.title_norm
