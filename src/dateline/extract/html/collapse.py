"""A body that collapsed: noticed, recovered where the page allows, and said so.

An extractor can keep the wrong block: a byline and "Play video", a cookie notice, a breadcrumb,
a match ticker's header, while the article's paragraphs go unread. Three general signs give it
away, measured against the page itself (after its furniture and figures were taken out):

- the text holds a small share of the page's paragraph text;
- the text has no sentence: it is link or button labels;
- the captions lifted into ``media`` hold more text than the body.

When the share is very small the body is read again, first by trafilatura's recall-favouring
pass, then as the page's own paragraphs in document order (the page's main text, furniture
already gone). When it holds less than 60%, the article may be split into blocks of one kind (a content
management system's text blocks between adverts and embeds: ``<div class="rich-text">`` after
``<div class="rich-text">``) of which the extractor kept one: all blocks of that kind are then the
body. Whatever the result, a body that still shows a sign gets a warning.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.etree import XPath
from lxml.html import HtmlElement

from ..meta import norm_text

# a page with less paragraph text than this is too short to judge the share by
MIN_PAGE_CHARS = 1500
# below this share of the page's paragraph text the body is read again
RECOVER_BELOW = 0.15
# below this share (after any recovery) the body is doubtful: on the WCXB and Scrapinghub
# development pages, about half the bodies below 0.4 score under 0.7 F1, almost none above it
DOUBTFUL_BELOW = 0.4
# a body shorter than this with no sentence is labels, not an article
LABELS_MAX_CHARS = 1000
SENTENCE_MIN_WORDS = 6
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*\s*$")
_BLOCKS = XPath(".//*[self::p or self::h2 or self::h3 or self::h4]")
_SPLIT_BLOCKS = XPath(".//*[self::p or self::h2 or self::h3 or self::h4 or self::li]")
# a class that names its block as the article's text; builders' layout classes ("wrapper", "col")
# repeat on every part of a page
_CONTENT_CLASS = re.compile(r"article|body|content|entry|post|story|text", re.I)
_KEY_CHARS = 60
_MIN_KEY_CHARS = 30
# the blocks of the kept kind must add this much to the body to be taken instead of it
SPLIT_MIN_GAIN = 1.5
# a split article is looked for when the body holds less than this share of the page's paragraph
# text (0.4, 0.6 and 0.8 were tried on the development pages: 0.6 and 0.8 found one more page)
SPLIT_BELOW = 0.6


def has_sentence(paragraphs: list[str]) -> bool:
    """At least one paragraph is a sentence of some length."""
    return any(len(p.split()) >= SENTENCE_MIN_WORDS and _SENTENCE_END.search(p) for p in paragraphs)


def collapsed(found_chars: int, page_chars: int) -> bool:
    """The body holds so little of the page's paragraph text that it is read again."""
    return page_chars >= MIN_PAGE_CHARS and found_chars < RECOVER_BELOW * page_chars


def doubtful(found_chars: int, page_chars: int) -> bool:
    """The body holds a small share of the page's paragraph text."""
    return page_chars >= MIN_PAGE_CHARS and found_chars < DOUBTFUL_BELOW * page_chars


def page_paragraphs(tree: HtmlElement) -> etree._Element:
    """The page's paragraphs and sub-headings in document order, as a trafilatura-style body."""
    body = etree.Element("body")
    for el in _BLOCKS(tree):
        if any(a.tag == "p" for a in el.iterancestors()):
            continue
        text = " ".join(" ".join(el.itertext()).split())
        if text:
            etree.SubElement(body, "p" if el.tag == "p" else "head").text = text
    return body


def _key(el: etree._Element) -> str:
    return norm_text(" ".join(el.itertext()))[:_KEY_CHARS]


def split_article(tree: HtmlElement, body: etree._Element, page_chars: int) -> etree._Element | None:
    """All the page's blocks of the kind that holds the kept paragraphs, when the extractor kept one
    of several (see the module's docstring); None when the page shows no such split."""
    found = len("".join(body.itertext()))
    if page_chars < MIN_PAGE_CHARS or found >= SPLIT_BELOW * page_chars:
        return None
    keys = {k for k in (_key(el) for el in body) if len(k) >= _MIN_KEY_CHARS}
    kinds: dict[tuple[str, str], int] = {}
    for p in tree.iter("p"):
        parent = p.getparent()
        if parent is None or not parent.get("class") or _key(p) not in keys:
            continue
        kind = (parent.tag, " ".join(parent.get("class", "").split()))
        kinds[kind] = kinds.get(kind, 0) + len("".join(p.itertext()))
    if not kinds:
        return None
    tag, cls = max(kinds, key=kinds.__getitem__)
    if not _CONTENT_CLASS.search(cls):
        return None
    blocks = [el for el in tree.iter(tag) if " ".join(el.get("class", "").split()) == cls]
    blocks = [el for el in blocks if not any(a in blocks for a in el.iterancestors())]
    if len(blocks) < 2:
        return None
    out = etree.Element("body")
    for block in blocks:
        for el in _SPLIT_BLOCKS(block):
            if any(a.tag in ("p", "li") for a in el.iterancestors() if a is not block):
                continue
            text = " ".join(" ".join(el.itertext()).split())
            if not text:
                continue
            if el.tag == "li":
                last = out[-1] if len(out) else None
                items = last if last is not None and last.tag == "list" else etree.SubElement(out, "list")
                etree.SubElement(items, "item").text = text
            else:
                etree.SubElement(out, "p" if el.tag == "p" else "head").text = text
    gained = len("".join(out.itertext()))
    return out if gained >= SPLIT_MIN_GAIN * found else None


def body_warnings(paragraphs: list[str], page_chars: int, caption_chars: int) -> list[str]:
    """What makes the extracted body doubtful, for a person to read; [] when nothing does."""
    text_chars = sum(len(p) for p in paragraphs)
    warnings = []
    if text_chars and doubtful(text_chars, page_chars):
        warnings.append(
            f"the text holds {text_chars} of the page's {page_chars} characters of paragraph text: "
            "part of the article may be missing or the wrong block was kept"
        )
    if text_chars and text_chars < LABELS_MAX_CHARS and not has_sentence(paragraphs):
        warnings.append("the text has no sentence: it reads like link or button labels, not an article")
    if text_chars and caption_chars > text_chars:
        warnings.append(f"the captions ({caption_chars} characters) hold more text than the body ({text_chars})")
    return warnings
