"""Printing records: JSON lines, a JSON array, or a table a person can read."""

from __future__ import annotations

import json
import shutil
import textwrap
from collections.abc import Iterable, Iterator
from typing import TextIO

from ..model import Article, Failure, Result


def record_dict(result: Result) -> dict:
    return result.to_dict()


def write_jsonl(results: Iterable[Result], out: TextIO) -> Iterator[Result]:
    for r in results:
        out.write(json.dumps(record_dict(r), ensure_ascii=False) + "\n")
        out.flush()
        yield r


def write_json(results: Iterable[Result], out: TextIO) -> Iterator[Result]:
    out.write("[")
    for i, r in enumerate(results):
        out.write(("," if i else "") + "\n" + json.dumps(record_dict(r), ensure_ascii=False, indent=2))
        yield r
    out.write("\n]\n")


def write_table(results: Iterable[Result], out: TextIO) -> Iterator[Result]:
    width = min(shutil.get_terminal_size((100, 20)).columns, 120)
    for r in results:
        out.write(format_article(r, width) if isinstance(r, Article) else format_failure(r))
        out.write("\n")
        out.flush()
        yield r


def format_failure(f: Failure) -> str:
    return f"✗ {f.source}\n  FAILED ({f.kind}): {f.error}\n"


def _clip(s: str | None, n: int) -> str:
    s = " ".join((s or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


def format_article(a: Article, width: int = 100) -> str:
    lines = [f"■ {a.source}"]
    rows = [
        ("title", a.title),
        ("publisher", a.publisher),
        ("published", a.published),
        ("language", a.language),
        ("authors", ", ".join(a.authors)),
        ("url", a.url),
    ]
    for k, v in rows:
        if v:
            lines.append(f"  {k:<10} {_clip(v, width - 13)}")
    kinds: dict[str, int] = {}
    for p in a.paragraphs:
        kinds[p.kind] = kinds.get(p.kind, 0) + 1
    lines.append(f"  {'text':<10} {len(a.text):,} chars; " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())))
    for s in a.sections:
        lines.append(f"  {'section':<10} {_clip(s.heading or '(untitled)', 50)}" + (f"  — {s.byline}" if s.byline else ""))
    for m in a.media:
        lines.append(f"  {m.kind:<10} {_clip(m.caption or '', 60)}" + (f"  [{m.credit}]" if m.credit else ""))
    if a.tags:
        lines.append(f"  {'tags':<10} {_clip(', '.join(a.tags), width - 13)}")
    if a.entities:
        top = sorted(a.entities, key=lambda e: -len(e.mentions))[:8]
        ents = ", ".join(f"{e.name} ({e.type}{'/' + e.code if e.code else ''}, {len(e.mentions)}×)" for e in top)
        lines.append(f"  {'entities':<10} " + textwrap.fill(ents, width - 13, subsequent_indent=" " * 13))
    for q in a.quotes:
        who = q.speaker_name or (q.speaker.text if q.speaker else "?")
        lines.append(f"  {'quote':<10} {_clip(who, 24):<24} {q.kind[:3]}  “{_clip(q.text, width - 45)}”")
    for e in a.events:
        src = e.source.code or e.source.text if e.source else "?"
        tgt = e.target.code or e.target.text if e.target else "-"
        neg = " (negated)" if e.negated else ""
        lines.append(f"  {'event':<10} {src} → {e.plover or e.cameo} → {tgt}{neg}  {e.date or ''}")
    for w in a.warnings:
        lines.append(f"  {'warning':<10} {_clip(w, width - 13)}")
    return "\n".join(lines) + "\n"


WRITERS = {"jsonl": write_jsonl, "json": write_json, "table": write_table}
