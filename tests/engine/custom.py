"""A stage of a user's own, registered by name in an importable module (the done-when test of the spec)."""

from __future__ import annotations

import os

from dateline.engine import register_stage


@register_stage("title_words", requires=("title", "text"), assigns=("tags",))
def title_words(articles, shared, *, prefix: str = "words:") -> None:
    """Tags each article with how many words its title and its text have."""
    for a in articles:  # idempotent, as a stage must be
        count = f"{prefix}{len((a.title or '').split())}/{len(a.text.split())}"
        a.tags = [t for t in a.tags if not t.startswith(prefix)] + [count]


def square_or_die(pipeline, unit: int) -> int:
    """An executor task for the crash tests: unit -1 kills the worker running it."""
    if unit < 0:
        os._exit(9)
    return unit * unit


def wait_for_the_others(pipeline, unit: tuple[str, int, int]) -> bool:
    """An executor task for the scheduling test: unit (folder, k, n) marks itself done; unit 0 first
    waits until units 1 to n-1 are all done (True), or gives up after a minute (False)."""
    import time
    from pathlib import Path

    folder, k, n = unit
    if k == 0:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if all((Path(folder) / str(i)).exists() for i in range(1, n)):
                return True
            time.sleep(0.05)
        return False
    (Path(folder) / str(k)).touch()
    return True
