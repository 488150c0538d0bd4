"""Events: CAMEO/PLOVER coding of who did what to whom, when and where.

    code_events(doc, article) -> list[Event]

The codebook (CAMEO codes, Goldstein scores, quad classes, PLOVER categories) and the lexicon of event
phrases are data files in ``dateline/data``; see :mod:`.lexicon` for the lexicon's format.
"""

from __future__ import annotations

from .coder import code_events

__all__ = ["code_events"]
