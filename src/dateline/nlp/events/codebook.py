"""The CAMEO codebook: names, Goldstein scores, quad classes and PLOVER categories of event codes.

Read once per process from ``dateline/data/cameo_codes.tsv`` and ``cameo_plover.tsv``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06", "07", "08", "09"})


@dataclass(frozen=True)
class CodeInfo:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    mode: str | None = None


def root(code: str) -> str:
    """The two-digit cue category of a CAMEO code: "1385" -> "13"."""
    return code[:2]


def is_cooperative(code: str) -> bool:
    """True for the cooperation cue categories 03-09 (intent to cooperate up to material cooperation)."""
    return root(code) in COOPERATIVE_ROOTS


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("dateline").joinpath("data", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@cache
def codebook() -> dict[str, CodeInfo]:
    """Every CAMEO code (two to four digits) with its facts."""
    plover = {r["code"]: r for r in _rows("cameo_plover.tsv")}
    book = {}
    for r in _rows("cameo_codes.tsv"):
        code = r["code"]
        p = plover.get(code) or {}
        book[code] = CodeInfo(
            code=code,
            name=r["name"],
            goldstein=float(r["goldstein"]),
            quad_class=int(r["quad_class"]),
            plover=p.get("plover") or None,
            mode=p.get("mode") or None,
        )
    return book


def lookup(code: str) -> CodeInfo | None:
    """The facts of ``code``, or of its nearest listed parent ("0871" -> "087" -> "08"); None if unknown."""
    book = codebook()
    while code:
        if code in book:
            return book[code]
        code = code[:-1] if len(code) > 2 else ""
    return None
