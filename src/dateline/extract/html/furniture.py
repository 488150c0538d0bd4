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
from collections.abc import Iterable, Iterator

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
# the containers that may be furniture when they carry a class or id
_CANDIDATE_TAGS = frozenset({"div", "aside", "section", "ul", "nav", "footer", "form"})
# a container holding more of the page's paragraph text than this is never furniture
MAX_SHARE_OF_TEXT = 0.3


# text set straight into a block container, not in a <p>: pages that write their paragraphs as
# runs of text between <br>s, images and headings; a piece this long is a sentence, not a label
_LOOSE_HOLDERS = frozenset({"div", "section", "article", "main", "td", "body"})
LOOSE_MIN_CHARS = 40
_XML_SPACE = re.compile(r"[ \t\r\n]+")


def _loose_runs(el: HtmlElement) -> Iterator[str]:
    """The runs of text set straight into ``el`` (its text and its children's tails) that are
    LOOSE_MIN_CHARS long once their spaces are normalised, stripped."""
    for text in (el.text, *(child.tail for child in el)):
        if text and len(text) >= LOOSE_MIN_CHARS:
            stripped = text.strip(" \t\r\n")
            if len(stripped) >= LOOSE_MIN_CHARS and len(_XML_SPACE.sub(" ", stripped)) >= LOOSE_MIN_CHARS:
                yield text.strip()


def paragraph_chars(el: HtmlElement) -> int:
    """Characters of prose the element holds: the text of its <p>s and the longer runs of text set
    straight into its block containers (a page need not use <p> at all), each distinct run once: a
    page may repeat its article in hidden metadata blocks."""
    return _p_chars(el) + _distinct_chars(text for holder in el.iter(*_LOOSE_HOLDERS) for text in _loose_runs(holder))


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


def drop_furniture(tree: HtmlElement) -> int:
    """Remove furniture containers from ``tree`` in place (their tails stay); return how many went."""
    return strip_furniture(tree)[0]


def strip_furniture(tree: HtmlElement) -> tuple[int, int]:
    """Remove furniture containers from ``tree`` in place; return how many went and the prose the
    page has left (its :func:`paragraph_chars` after the removal).

    One walk of the page's containers finds both the candidates and the loose runs of text (each
    with the elements it lies in), so that a candidate's share of the page's prose costs a walk
    of its <p>s only, and what is left needs no second walk of the page."""
    runs: list[tuple[str, set[HtmlElement]]] = []
    candidates: list[HtmlElement] = []
    for el in tree.iter(*_CANDIDATE_TAGS, *_LOOSE_HOLDERS):
        tag = el.tag
        if tag in _CANDIDATE_TAGS and el is not tree and (el.get("class") is not None or el.get("id") is not None):
            candidates.append(el)
        if tag in _LOOSE_HOLDERS:
            within: set[HtmlElement] | None = None
            for text in _loose_runs(el):
                within = within or {el, *el.iterancestors()}
                runs.append((text, within))
    p_chars = _p_chars(tree)
    page_chars = (p_chars + _distinct_chars(text for text, _ in runs)) or 1
    dropped: set[HtmlElement] = set()
    exact = True  # the <p> text left is the page's less the dropped containers'
    for el in candidates:
        if not names_furniture(el) or not dropped.isdisjoint(el.iterancestors()):
            continue  # not furniture, or inside a container already taken out
        el_p_chars = _p_chars(el)
        chars = el_p_chars + _distinct_chars(text for text, within in runs if el in within)
        if chars > MAX_SHARE_OF_TEXT * page_chars:
            continue
        exact = exact and next(el.iterancestors("p"), None) is None
        p_chars -= el_p_chars
        el.drop_tree()
        dropped.add(el)
    left = _distinct_chars(text for text, within in runs if within.isdisjoint(dropped))
    return len(dropped), (p_chars if exact else _p_chars(tree)) + left
