"""Bylines: 'By Jane Doe', 'Posted by Jane Doe on ...', 'Jane Doe, Asia Editor, The Daily',
'Washington correspondent Jane Doe'. A byline is a short line naming a person, with
a by-word or a newsroom role next to the name."""

from __future__ import annotations

import re

_ROLE = re.compile(
    r"\b(?:correspondent|editor|reporter|writer|columnist|contributor|journalist|analyst|producer|presenter"
    r"|bureau\s+chief|staff|critic|photographer|news\s+desk|in\s+\w+)\b",
    re.I,
)
_ROLE_WORD = re.compile(
    r"^(?:correspondent|editor|reporter|writer|columnist|contributor|journalist|analyst|producer|presenter"
    r"|chief|staff|critic|photographer|senior|deputy|associate|international|political|economics|business"
    r"|science|health|sports?|auto|desk|bureau|special|contributing|managing|executive"
    r"|press|news|agency|media|times|post|journal|service|wire|associated)$",
    re.I,
)
_BY = re.compile(
    r"^(?:(?:posted|written|published|reported|words|story|text|interview)\s+)?(?:by|von|par|por|di|door|av)\s*:?\s+(?P<rest>.+)$",
    re.I,
)
_AUTHOR_LABEL = re.compile(r"^(?:author|authors|reporter|writer)s?\s*[:：]\s*(?P<rest>.+)$", re.I)
_CUT = re.compile(
    r"\s+(?:on|at|am|le|el|il|op|updated|published|posted)\s+(?=\D{0,20}\d)|\s*[|•·—–]\s*|\s*,\s*(?=\S*\d)|\s+(?=\d)",
    re.I,
)
_MAX_WORDS = 14
_MAX_LABELLED_WORDS = 30  # 'By: Jane Doe, Senior Director of Operations, Example Co. - 10 years in ...'
_PARTICLES = {"de", "van", "von", "der", "den", "da", "del", "della", "di", "la", "le", "al", "bin", "ibn", "du", "dos"}
_NAME_TOKEN = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.\-]*$")


def is_name(text: str) -> bool:
    """Two to four capitalised words (particles allowed): the shape of a person's name."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 5 or any(ch.isdigit() for ch in text):
        return False
    capitalised = [t for t in tokens if _NAME_TOKEN.match(t)]
    if len(capitalised) < 2:
        return False
    return all(_NAME_TOKEN.match(t) or t.lower() in _PARTICLES for t in tokens) and not any(
        _ROLE_WORD.match(t) for t in tokens
    )


def _names_in(chunk: str) -> list[str]:
    parts = re.split(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*", chunk)
    return [p.strip(" .") for p in parts if is_name(p.strip(" ."))]


def byline_names(text: str, *, labelled_only: bool = False) -> list[str]:
    """The person names in a byline line, or [] when the line is not a byline.

    ``labelled_only`` accepts only lines that say so ('By ...', 'Author: ...'), not the
    name-and-role pattern, which needs the context of a heading to be trusted."""
    line = " ".join(text.split())
    m = _BY.match(line) or _AUTHOR_LABEL.match(line)
    if len(line.split()) > (_MAX_LABELLED_WORDS if m else _MAX_WORDS):
        return []
    if m:
        rest = _CUT.split(m.group("rest"), maxsplit=1)[0]
        return _names_in(rest)
    if labelled_only or not _ROLE.search(line) or line.endswith((".", "!", "?")) and not line.endswith(("Jr.", "Sr.")):
        return []
    # "Jane Doe, Asia Editor, The Daily"
    if "," in line:
        first = line.split(",", 1)[0].strip()
        if is_name(first):
            return [first]
    # "Washington correspondent Jane Doe": the capitalised words after the last role word
    tokens = line.split()
    role_at = max((i for i, t in enumerate(tokens) if _ROLE_WORD.match(t.strip(",:"))), default=-1)
    if role_at >= 0:
        after = " ".join(tokens[role_at + 1 :]).strip(" ,:")
        if is_name(after):
            return [after]
    return []
