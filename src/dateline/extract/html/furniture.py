"""Page furniture taken out of the tree before the body is extracted.

Menus, footers, sidebars, comment threads, cookie and newsletter pop-ups, share
bars and related-story boxes are named for what they are in the page's class and
id attributes (``site-footer``, ``comments-area``, ``related_posts``). Removing
them first keeps their text out of the body, and it stops the extractor from
choosing a container because a long footer or comment thread makes it look
wordy.

A container is kept when one of its names also speaks of content
(``sidebar-content``, ``post-comments-body``) or when it holds more than a
share of the page's paragraph text: a page that wraps its article in a
``main-nav-layout`` div keeps its article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree
from lxml.etree import XPath
from lxml.html import HtmlElement

_FURNITURE_WORDS = (
    r"(?:sidebar|cookies?|gdpr|consent|modal|popup|newsletter|subscribe|subscription|related|recommended|"
    r"share|sharing|social|comments?|disqus|footer|breadcrumbs?|pagination|pager|promo|sponsor|advert|ads?|"
    r"banner|menu|nav|navbar|navigation)"
)
# a furniture word as a whole part of a class or id token: "site-footer", "nav_main", "comments"
_FURNITURE_TOKEN = re.compile(rf"(?:^|[-_]){_FURNITURE_WORDS}(?:$|[-_])", re.I)
# the same test over the whole class and id string, to pass over most elements with one search
_ANY_FURNITURE = re.compile(rf"(?:^|[\s_-]){_FURNITURE_WORDS}(?:$|[\s_-])", re.I)
_CONTENT_WORD = re.compile(r"article|body|content|main|entry|post|story|text", re.I)
_CANDIDATES = XPath(
    ".//*[self::div or self::aside or self::section or self::ul or self::nav or self::footer or self::form]"
    "[@class or @id]"
)
# a container holding more of the page's paragraph text than this is never furniture
MAX_SHARE_OF_TEXT = 0.3


# text set straight into a block container, not in a <p>: pages that write their paragraphs as
# runs of text between <br>s, images and headings; a piece this long is a sentence, not a label
_LOOSE_TEXT = XPath(
    "descendant-or-self::*[self::div or self::section or self::article or self::main or self::td or self::body]"
    "/text()[string-length(normalize-space(.)) >= $least]"
)
LOOSE_MIN_CHARS = 40


def paragraph_chars(el: HtmlElement) -> int:
    """Characters of prose the element holds: the text of its <p>s and the longer runs of text set
    straight into its block containers (a page need not use <p> at all), each distinct run once: a
    page may repeat its article in hidden metadata blocks."""
    return _p_chars(el) + _distinct_chars(text.strip() for text in _LOOSE_TEXT(el, least=LOOSE_MIN_CHARS))


def _p_chars(el: HtmlElement) -> int:
    return sum(len(text.strip()) for p in el.iter("p") for text in p.itertext())


def _distinct_chars(texts: Iterable[str]) -> int:
    return sum(len(text) for text in set(texts))


def names_furniture(el: HtmlElement) -> bool:
    """The element's class or id names it furniture (and no name of it speaks of content)."""
    names = f"{el.get('class', '')} {el.get('id', '')}"
    if not _ANY_FURNITURE.search(names):
        return False
    tokens = names.split()
    return not any(_CONTENT_WORD.search(t) and not _FURNITURE_TOKEN.search(t) for t in tokens)


def _containers(text: etree._ElementUnicodeResult) -> set[HtmlElement]:
    """The elements a run of text lies in (a tail lies in its element's parent, not in the element)."""
    holder = text.getparent()
    if text.is_tail:
        holder = holder.getparent()
    return {holder, *holder.iterancestors()} if holder is not None else set()


def drop_furniture(tree: HtmlElement) -> int:
    """Remove furniture containers from ``tree`` in place (their tails stay); return how many went."""
    return strip_furniture(tree)[0]


def strip_furniture(tree: HtmlElement) -> tuple[int, int]:
    """Remove furniture containers from ``tree`` in place; return how many went and the prose the
    page has left (its :func:`paragraph_chars` after the removal).

    The page's loose runs of text are found once, each with the elements it lies in, so that a
    candidate's share of the page's prose costs a walk of its <p>s only, and what is left needs
    no second walk of the page's text."""
    runs = [(text.strip(), _containers(text)) for text in _LOOSE_TEXT(tree, least=LOOSE_MIN_CHARS)]
    page_chars = (_p_chars(tree) + _distinct_chars(text for text, _ in runs)) or 1
    dropped: set[HtmlElement] = set()
    for el in _CANDIDATES(tree):
        if el.getparent() is None or not names_furniture(el):
            continue
        if not dropped.isdisjoint(el.iterancestors()):
            continue  # inside a container already taken out
        chars = _p_chars(el) + _distinct_chars(text for text, within in runs if el in within)
        if chars > MAX_SHARE_OF_TEXT * page_chars:
            continue
        el.drop_tree()
        dropped.add(el)
    left = _distinct_chars(text for text, within in runs if within.isdisjoint(dropped))
    return len(dropped), _p_chars(tree) + left
