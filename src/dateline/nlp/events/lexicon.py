"""The event lexicon: verb phrases and nouns that carry events, read from ``data/event_lexicon.tsv``.

Each line is a pattern: a head lemma (optionally restricted to a part of speech) plus the lemmas that
must also appear in the head's phrase, with a CAMEO code and an optional frame. Patterns are compiled
once per process into a dict keyed by head lemma, most specific first, so a token costs one look-up.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

FRAMES = frozenset({"intent", "threat", "refuse", "demand", "appeal", "deny", "carry", "light", "seek", "order",
                    "prepare", "allege", "object", "undergo", "other"})
OBJECT_MARK = "@obj"
_POS = {"v": ("VERB", "AUX"), "n": ("NOUN", "PROPN"), "a": ("ADJ",)}


@dataclass(frozen=True)
class Pattern:
    head: str
    pos: tuple[str, ...]  # spaCy coarse tags the head may have; empty: any
    needs: frozenset[str]  # lemmas that must appear in the head's phrase
    needs_object: bool
    code: str | None
    frame: str | None  # None: an act
    line: int

    @property
    def weight(self) -> tuple[int, int, int]:
        # a word the phrase must hold says more than "has an object" or a part of speech: "mobilize
        # reservist" (a show of force) wins over "mobilize/v @obj" (rallying support)
        return len(self.needs), self.needs_object, bool(self.pos)

    def matches(self, pos: str, phrase: frozenset[str], has_object: bool) -> bool:
        return (
            (not self.pos or pos in self.pos)
            and self.needs <= phrase
            and (has_object or not self.needs_object)
        )


class LexiconError(ValueError):
    """A line of the lexicon cannot be read; the message names the line."""


def parse_lines(lines: Iterable[str]) -> list[Pattern]:
    """Patterns from TSV lines (``pattern<TAB>cameo<TAB>frame``); comments and the header are skipped."""
    rows = [(n, line) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]
    out: list[Pattern] = []
    seen: dict[tuple, int] = {}
    for n, row in zip((n for n, _ in rows), csv.reader((line for _, line in rows), delimiter="\t"), strict=True):
        if row[0] == "pattern":
            continue
        words = row[0].split()
        code = (row[1].strip() if len(row) > 1 else "") or None
        frame = (row[2].strip() if len(row) > 2 else "") or None
        if not words or (code is None and frame is None):
            raise LexiconError(f"event lexicon line {n}: give a pattern and a CAMEO code or a frame: {row!r}")
        if code is not None and not (code.isdigit() and 2 <= len(code) <= 4):
            raise LexiconError(f"event lexicon line {n}: {code!r} is not a CAMEO code (two to four digits)")
        if frame is not None and frame not in FRAMES:
            raise LexiconError(f"event lexicon line {n}: unknown frame {frame!r}; use one of {sorted(FRAMES)}")
        head, _, pos = words[0].partition("/")
        if pos and pos not in _POS:
            raise LexiconError(f"event lexicon line {n}: part of speech {pos!r} must be v, n or a")
        needs = frozenset(w.lower() for w in words[1:] if w != OBJECT_MARK)
        key = (head.lower(), _POS.get(pos, ()), needs, OBJECT_MARK in words[1:])
        if key in seen:  # the earlier line would always win: the later one could never be read
            raise LexiconError(f"event lexicon line {n}: the same pattern as line {seen[key]}: {row[0]!r}")
        seen[key] = n
        out.append(Pattern(*key, code, frame, n))
    return out


class Lexicon:
    """Patterns by head lemma, most specific first."""

    def __init__(self, patterns: Iterable[Pattern]) -> None:
        by_head: dict[str, list[Pattern]] = {}
        for p in patterns:
            by_head.setdefault(p.head, []).append(p)
        for plist in by_head.values():
            plist.sort(key=lambda p: (tuple(-w for w in p.weight), p.line))
        self.by_head = by_head

    def candidates(self, lemma: str) -> list[Pattern]:
        return self.by_head.get(lemma, [])

    def best(self, lemma: str, pos: str, phrase: frozenset[str], has_object: bool) -> Pattern | None:
        for p in self.by_head.get(lemma, ()):
            if p.matches(pos, phrase, has_object):
                return p
        return None


@cache
def lexicon() -> Lexicon:
    text = resources.files("dateline").joinpath("data", "event_lexicon.tsv").read_text(encoding="utf-8")
    return Lexicon(parse_lines(text.splitlines()))
