"""Tag lines: 'Tags: a, b, c' (or the tag words after the label when the page gives no separators)."""

from __future__ import annotations

import re

from .furniture import Furniture

_SEPARATORS = re.compile(r"\s*[,;|/#·•]\s*|\s{2,}")
_MAX_TAG_WORDS = 4


def find_tags(found: list[Furniture | None]) -> list[str]:
    """The keywords of the first tag line of the page."""
    for item in found:
        if item is None or item.label != "tags" or not item.text:
            continue
        parts = [p.strip(" .") for p in _SEPARATORS.split(item.text) if p.strip(" .")]
        if len(parts) == 1 and len(parts[0].split()) > _MAX_TAG_WORDS:
            parts = parts[0].split()
        seen: list[str] = []
        for part in parts:
            if part not in seen:
                seen.append(part)
        return seen
    return []
