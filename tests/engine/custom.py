"""A stage of a user's own, registered by name in an importable module (the done-when test of the spec)."""

from __future__ import annotations

import os

from dateline.engine import register_stage


@register_stage("title_words", requires=("title", "text"), assigns=("tags",))
def title_words(articles, shared, *, prefix: str = "words:") -> None:
    """Tags each article with how many words its title and its text have."""
    for a in articles:
        a.tags = [*a.tags, f"{prefix}{len((a.title or '').split())}/{len(a.text.split())}"]


def square_or_die(pipeline, unit: int) -> int:
    """An executor task for the crash tests: unit -1 kills the worker running it."""
    if unit < 0:
        os._exit(9)
    return unit * unit
