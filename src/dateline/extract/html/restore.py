"""Sub-headings and lists the extractor dropped, put back where they stood.

trafilatura drops some blocks that sit among the paragraphs it keeps: a heading
wrapped in <strong> or in its own grid cell, product names over their reviews,
a plain bulleted list between two paragraphs. The page itself shows where they
belong:

- a heading belongs to the article when the block that follows it on the page
  was extracted; it goes in right before that block;
- a list belongs to the article when the blocks on both sides of it on the page
  were extracted one after the other; it goes in between them, unless most of
  its text is links (a list of related stories).

Blocks are matched between the page and trafilatura's XML by their opening
words. Nothing is restored that the body already holds.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from ..meta import norm_text

_SOURCE_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_SOURCE_LISTS = ("ul", "ol")
KEY_CHARS = 60  # the opening of a block that identifies it on the page and in the body
MIN_KEY_CHARS = 20  # a block shorter than this is too common ("Share", "1") to identify
MAX_HEADING_CHARS = 200
MAX_LIST_LINK_SHARE = 0.5
_MAX_CLIMB = 3  # how many ancestors up to look for the block after a heading that ends its container
_WORD = re.compile(r"\w")
_OPENING_CHARS = 4 * KEY_CHARS  # raw text read to be sure of KEY_CHARS normalised ones


def _key(el: etree._Element) -> str:
    """The block's opening words, normalised (read only as far as needed: blocks can be whole pages)."""
    parts: list[str] = []
    length = 0
    for piece in el.itertext():
        parts.append(piece)
        length += len(piece)
        if length >= _OPENING_CHARS:
            break
    return norm_text(" ".join(parts))[:KEY_CHARS]


def _has_text(el: etree._Element) -> bool:
    return isinstance(el.tag, str) and any(_WORD.search(piece) for piece in el.itertext())


def _following_block(heading: HtmlElement) -> HtmlElement | None:
    """The first element with text after the heading, climbing out of its container if need be."""
    node: HtmlElement | None = heading
    for _ in range(_MAX_CLIMB + 1):
        if node is None:
            return None
        sibling = next((s for s in node.itersiblings() if _has_text(s)), None)
        if sibling is not None:
            return sibling
        node = node.getparent()
    return None


def _link_share(el: HtmlElement) -> float:
    total = len("".join(el.itertext()))
    linked = sum(len("".join(a.itertext())) for a in el.iter("a"))
    return linked / total if total else 1.0


def _as_list(source: HtmlElement) -> etree._Element:
    """A page <ul>/<ol> as trafilatura's <list> of <item>s (a nested list stays inside its item's text)."""
    out = etree.Element("list", rend=source.tag)
    for li in source.findall("li"):
        text = " ".join(" ".join(li.itertext()).split())
        if text:
            etree.SubElement(out, "item").text = text
    return out


class _Body:
    """trafilatura's body with its blocks indexed by their opening words."""

    def __init__(self, body: etree._Element) -> None:
        self.body = body
        self.by_key: dict[str, etree._Element] = {}
        self.texts: set[str] = set()
        for child in body:
            text = norm_text(" ".join(child.itertext()))
            self.texts.add(text)
            if len(text) >= MIN_KEY_CHARS:
                self.by_key.setdefault(text[:KEY_CHARS], child)

    def block_for(self, source: etree._Element | None) -> etree._Element | None:
        return None if source is None else self.by_key.get(_key(source))

    def holds(self, source: etree._Element) -> bool:
        key = _key(source)
        return key in self.texts or (len(key) >= MIN_KEY_CHARS and key in self.by_key)


def restore_dropped(tree: HtmlElement, body: etree._Element) -> int:
    """Insert into ``body`` (trafilatura's XML) the page's headings and lists it lacks; return how many."""
    index = _Body(body)
    if not index.by_key:
        return 0
    return _restore_lists(tree, index) + _restore_headings(tree, index)


def _restore_headings(tree: HtmlElement, index: _Body) -> int:
    restored = 0
    for heading in list(tree.iterdescendants(_SOURCE_HEADINGS)):
        text = " ".join(" ".join(heading.itertext()).split())
        if not text or len(text) > MAX_HEADING_CHARS or index.holds(heading):
            continue
        anchor = index.block_for(_following_block(heading))
        if anchor is None:
            continue
        head = etree.Element("head", rend=heading.tag)
        head.text = text
        anchor.addprevious(head)
        index.texts.add(norm_text(text))
        restored += 1
    return restored


def _restore_lists(tree: HtmlElement, index: _Body) -> int:
    restored = 0
    for source in list(tree.iterdescendants(_SOURCE_LISTS)):
        if any(a.tag in ("ul", "ol", "li") for a in source.iterancestors()):
            continue  # a nested list travels with its parent
        if _link_share(source) > MAX_LIST_LINK_SHARE or not _has_text(source) or index.holds(source):
            continue
        before = next((s for s in source.itersiblings(preceding=True) if _has_text(s)), None)
        after = next((s for s in source.itersiblings() if _has_text(s)), None)
        prev_block, next_block = index.block_for(before), index.block_for(after)
        if prev_block is None or next_block is None or prev_block.getnext() is not next_block:
            continue
        items = _as_list(source)
        if len(items):
            next_block.addprevious(items)
            restored += 1
    return restored
