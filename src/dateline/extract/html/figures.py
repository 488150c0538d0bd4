"""Figures, captions and credits: taken out of the tree before the body is extracted.

Captions that stay in the tree leak into the text when a page marks them up as
ordinary paragraphs; lifting every <figure> and every caption-like element out
first keeps them in ``media`` and never in ``text``.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ...model import Media
from .furniture import names_furniture

# class/id tokens of caption and credit containers (wp-caption-text, image-caption, photo-credit ...)
_CAPTION_TOKEN = re.compile(r"(?:^|[-_])(?:caption|figcaption|captiontext)(?:$|[-_])", re.I)
_CREDIT_TOKEN = re.compile(r"(?:^|[-_])(?:credits?|copyright|photographer|byline-image|image-source)(?:$|[-_])", re.I)
# "Photo: Jane Doe/Agency", "(Image credit: ...)", "© Agency": the last such marker starts the credit
_CREDIT_MARK = re.compile(
    r"(?:^|(?<=[\s(\[|]))(?:(?:photo(?:graph)?|image|picture|foto|фото|credit|illustration|video|source)s?"
    r"(?:(?:\s+(?:credit|by))?\s*[:|/]|\s+by\s)|©|\(c\)|copyright\b)",
    re.I,
)
_MAX_CAPTION_CHARS = 600
# what a page's own copyright line says, and a picture's credit does not
_PAGE_RIGHTS = re.compile(
    r"all rights reserved|back to top|alle rechte vorbehalten|tous droits réservés|terms of (?:use|service)|privacy policy",
    re.I,
)
# elements that may be captions or credits: a class or id holding one of these (a plain substring
# test passes over most elements; the token regexes then confirm each candidate)
_CAPTION_TAGS = ("div", "p", "span", "small", "cite")
_CAPTION_CLASS_PARTS = ("aption", "redit", "opyright", "hotographer", "image-source", "byline-image")
_CAPTION_ID_PARTS = ("aption", "redit")
_MAX_FIGURE_EXTRA_CHARS = 200  # alt text, credits, "enlarge" buttons around the image


def _caption_candidates(root: HtmlElement) -> list[HtmlElement]:
    """The elements under ``root`` whose class or id may name a caption or credit, in document order."""
    found = []
    for el in root.iter(_CAPTION_TAGS):
        names, ident = el.get("class"), el.get("id")
        if (names and any(part in names for part in _CAPTION_CLASS_PARTS)
                or ident and any(part in ident for part in _CAPTION_ID_PARTS)) and el is not root:
            found.append(el)
    return found


def _tokens(el: HtmlElement) -> list[str]:
    return f"{el.get('class', '')} {el.get('id', '')}".split()


def _is_caption(el: HtmlElement) -> bool:
    return any(_CAPTION_TOKEN.search(t) for t in _tokens(el))


def _is_credit(el: HtmlElement) -> bool:
    return any(_CREDIT_TOKEN.search(t) for t in _tokens(el))


def _text(el: HtmlElement) -> str:
    return " ".join(" ".join(el.itertext()).split())


def split_credit(caption: str) -> tuple[str, str | None]:
    """'A protester in Lviv. Photo: Jane Doe/Agency' -> ('A protester in Lviv.', 'Jane Doe/Agency')."""
    marks = list(_CREDIT_MARK.finditer(caption))
    if not marks:
        return caption, None
    last = marks[-1]
    credit = caption[last.end() :].strip(" .)]|")
    if not credit or len(credit) > 120:
        return caption, None
    head = caption[: last.start()].rstrip(" ,;-–—|([")
    return head, credit


def _without_marker(head: str) -> str:
    """The caption before its credit, without a dangling 'Photo:' or '©'."""
    head = head.rstrip(" ,;-–—|([")
    marks = list(_CREDIT_MARK.finditer(head))
    if marks and marks[-1].end() >= len(head) - 1:
        head = head[: marks[-1].start()]
    return head.rstrip(" ,;-–—|([")


def _clean_credit(credit: str | None) -> str | None:
    """'Photo: Jane Doe/Agency' -> 'Jane Doe/Agency' (a credit element repeats the marker)."""
    if not credit:
        return None
    head, rest = split_credit(credit)
    return rest if rest and not head else credit


def _media_kind(el: HtmlElement) -> str:
    if el.find(".//video") is not None or el.find(".//iframe") is not None:
        return "video"
    if el.find(".//audio") is not None:
        return "audio"
    return "image"


def _drop(el: HtmlElement) -> None:
    """Remove an element but keep its tail text in place."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail and el.tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _page_notice(el: HtmlElement, text: str) -> bool:
    """A copyright line of the page ('Back to top © 2020 Site. All rights reserved'), not a picture's
    credit: it sits in the footer or a menu, or states the page's rights."""
    if _PAGE_RIGHTS.search(text):
        return True
    return any(a.tag in ("footer", "nav") or names_furniture(a) for a in el.iterancestors())


def take_figures(tree: HtmlElement) -> list[Media]:
    """Lift figures and caption/credit elements out of ``tree`` (in place); return them as media."""
    media: list[Media] = []
    body = tree.find(".//body")
    root = body if body is not None else tree
    for figure in list(root.iter("figure")):
        if figure.getparent() is None:
            continue
        caption_parts = []
        credit = None
        for el in figure.iter():
            if el.tag == "figcaption" or _is_caption(el):
                caption_parts.append(_text(el))
                break
        for el in figure.iter():
            if _is_credit(el):
                credit = _clean_credit(_text(el))
                break
        caption = caption_parts[0] if caption_parts else ""
        if len(caption) > _MAX_CAPTION_CHARS or len(_text(figure)) > len(caption) + _MAX_FIGURE_EXTRA_CHARS:
            continue  # text wrapped in <figure> (or an unclosed one): not a picture with a caption
        if credit and credit in caption:
            caption = _without_marker(caption[: caption.rindex(credit)])
        elif caption and not credit:
            caption, credit = split_credit(caption)
        media.append(Media(kind=_media_kind(figure), caption=caption or None, credit=credit))  # type: ignore[arg-type]
        _drop(figure)
    taken: set[HtmlElement] = set()
    for el in _caption_candidates(root):
        if not (_is_caption(el) or _is_credit(el)) or any(a in taken for a in el.iterancestors()):
            continue
        text = _text(el)
        if not text or len(text) > _MAX_CAPTION_CHARS or _page_notice(el, text):
            continue
        if _is_credit(el) and not _is_caption(el):
            if media and media[-1].credit is None:
                media[-1].credit = _clean_credit(text)  # the credit line under the caption just lifted
            else:
                media.append(Media(kind="image", caption=None, credit=_clean_credit(text)))
        else:
            caption, credit = split_credit(text)
            media.append(Media(kind=_media_kind(el), caption=caption or None, credit=credit))
        taken.add(el)
        _drop(el)
    return [m for m in media if m.caption or m.credit]
