"""`dateline timeline A B`: the events between two actors as a time series."""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO

import click

from ..errors import DatelineError
from ..model import Article, Failure
from ..sources.jsonl import record_from_dict
from ..timeline import FREQUENCIES, QUADS, Timeline, TimelineError, store_timeline, timeline
from .options import db_option, open_store_or_exit

QUAD_NAMES = {1: "verbal coop", 2: "material coop", 3: "verbal conflict", 4: "material conflict"}


def read_records(streams: Iterable[tuple[str, TextIO]], warn) -> Iterator[Article]:
    """Articles from JSON lines of dateline records; lines that are not article records are reported
    through ``warn`` and skipped."""
    for name, stream in streams:
        for n, line in enumerate(stream, 1):
            line = line.strip()
            if not line:
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                warn(f"{name}:{n}: not JSON ({exc.msg}); skipped")
                continue
            if not isinstance(data, dict) or "id" not in data or "error" in data:
                warn(f"{name}:{n}: not an article record; skipped")
                continue
            record = record_from_dict(data, f"{name}:{n}")  # the one check of records read back
            if isinstance(record, Failure):
                warn(f"{record.error}; skipped")
                continue
            yield record


def _streams(paths: tuple[str, ...]) -> Iterator[tuple[str, TextIO]]:
    if not paths:
        yield "<stdin>", sys.stdin
        return
    for path in paths:
        if path == "-":
            yield "<stdin>", sys.stdin
            continue
        with open(path, encoding="utf-8") as fh:
            yield path, fh


def _stdin_is_piped() -> bool:
    """True when records are piped or redirected in (a pipe, a file, or a stream given in-process),
    not a terminal or /dev/null."""
    try:
        mode = os.fstat(sys.stdin.fileno()).st_mode
    except (OSError, ValueError):
        return True
    return stat.S_ISFIFO(mode) or stat.S_ISREG(mode)


def format_table(t: Timeline) -> str:
    arrow = "→" if t.directed else "↔"
    lines = [f"{t.a} {arrow} {t.b}, per {t.freq}: {t.total} events" + (f" ({t.undated} undated)" if t.undated else "")]
    header = f"{'period':<12}{'events':>7}" + "".join(f"{QUAD_NAMES[q]:>19}" for q in QUADS) + f"{'goldstein':>11}"
    lines.append(header)
    for r in t.rows:
        gold = f"{r.mean_goldstein:+.2f}" if r.mean_goldstein is not None else "-"
        lines.append(f"{r.period:<12}{r.count:>7}" + "".join(f"{r.by_quad[q]:>19}" for q in QUADS) + f"{gold:>11}")
    return "\n".join(lines) + "\n"


def write_csv(t: Timeline, out: TextIO) -> None:
    from ..store import listing

    out.writelines(listing.lines(listing.TIMELINE_COLUMNS, listing.timeline_rows(t)))


@click.command("timeline")
@click.argument("a")
@click.argument("b")
@click.argument("records", nargs=-1, type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("--freq", type=click.Choice(FREQUENCIES), default="week", show_default=True, help="Period of a row.")
@click.option("--directed", is_flag=True, help="Only events from A to B (default: both directions).")
@click.option("--count-copies", "count_copies", is_flag=True,
              help="Count an event once per near-duplicate article that reports it (default: once).")
@click.option("--query", "-q", "q", default=None, metavar="SEARCH",
              help="Only the events of the articles this search matches (the store only).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@db_option
def timeline_cmd(a, b, records, freq, directed, count_copies, q, fmt, db):
    """Events between actors A and B over time: counts by quad class (verbal/material cooperation and
    conflict) and mean Goldstein score per day, week or month.

    A and B are CAMEO code prefixes (USA matches USAGOV), countries (CHN, China) or entity names
    (Blinken). The events come from RECORDS, JSON-lines files of dateline records ('-' for stdin);
    without RECORDS, from the store (--db, default $DATELINE_DB or ./dateline.db), or from stdin
    when records are piped in.

    \b
    Example:
        dateline ingest news/ && dateline timeline USA CHN --freq month
        dateline process news/ > records.jsonl
        dateline timeline USA CHN records.jsonl --freq month
        dateline process news/ | dateline timeline Russia Ukraine --format csv
    """
    def warn(message: str) -> None:
        click.echo(f"dateline: {message}", err=True)

    from ..store.query import ArticleQuery

    from_store = db is not None or (not records and not _stdin_is_piped())
    if q and not from_store:
        raise click.UsageError("--query searches a store; drop RECORDS or give --db")
    store = open_store_or_exit(db, readonly=True) if from_store else None
    try:
        if store:
            result = store_timeline(store, a, b, freq=freq, directed=directed, collapse=not count_copies,
                                    articles=ArticleQuery(q=q) if q else None)
        else:
            result = timeline(read_records(_streams(records), warn), a, b, freq=freq, directed=directed,
                              collapse=not count_copies)
    except TimelineError as exc:
        raise click.UsageError(str(exc)) from exc
    except DatelineError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        if store:
            store.close()
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    elif fmt == "csv":
        write_csv(result, sys.stdout)
    else:
        click.echo(format_table(result), nl=False)
