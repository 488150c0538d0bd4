"""Commands over the embedded store: ingest, search, show, export, dedup, stats."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

import click

from ..errors import DatelineError
from ..store import MARK_END, MARK_START, SearchResult, Store
from .options import (
    db_option,
    extraction_options,
    open_store_or_exit,
    quiet_option,
    source_options,
    spec_from_options,
)
from .output import format_article, format_failure


# -- shared option sets --------------------------------------------------------------------------
def filter_options(fn):
    """--publisher, --domain, --language, --since, --until, --entity, --country."""
    fn = click.option("--country", default=None, help="Articles naming this country: ISO3 code or name (CHN, China).")(fn)
    fn = click.option("--entity", default=None, help="Articles naming this entity: a name or an entity key.")(fn)
    fn = click.option("--until", default=None, metavar="DATE", help="Published on or before (2024, 2024-04, 2024-04-26).")(fn)
    fn = click.option("--since", default=None, metavar="DATE", help="Published on or after (2024, 2024-04, 2024-04-26).")(fn)
    fn = click.option("--language", default=None, help="ISO 639-1 code, e.g. en.")(fn)
    fn = click.option("--publisher", default=None, help="Exact publisher name (any case).")(fn)
    return fn


def _article_filters(fn):
    fn = click.option("--domain", default=None, help="The site of the article's URL, e.g. example.org.")(fn)
    return filter_options(fn)


# -- ingest --------------------------------------------------------------------------------------
@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--workers", type=click.IntRange(min=1), default=None, metavar="N",
              help="Worker processes (default: the number of cores).")
@click.option("--no-dedup", "no_dedup", is_flag=True, help="Don't regroup near-duplicates after storing.")
@extraction_options
@source_options
@quiet_option
def ingest_cmd(inputs, db, workers, no_dedup, clean, no_nlp, fetched, model, all_events, all_quotes, stage,
               allow_private, follow, max_bytes, quiet):
    """Extract, annotate and store pages: files, folders (recursive), URLs, feeds, WARC, or - for stdin.

    Resumable: a rerun skips inputs already stored with the same content, so after
    a crash or Ctrl-C run the same command again. A changed page is stored again
    and replaces what it gave before. Failed inputs are recorded with the reason
    (see `dateline stats --errors`); the exit status is 1 when any failed.

    \b
    Example:
        dateline ingest --db news.db examples/
        dateline ingest --workers 4 --no-nlp crawl/*.warc.gz
    """
    from ..dedup import dedup_store
    from ..ingest import ingest

    spec = spec_from_options(no_nlp=no_nlp, clean=clean, fetched=fetched, model=model, all_events=all_events,
                             all_quotes=all_quotes, stage=stage, allow_private=allow_private, follow=follow,
                             max_bytes=max_bytes)
    store = open_store_or_exit(db, readonly=False)
    try:
        report = ingest(list(inputs), store, workers=workers, spec=spec, progress=not quiet)
        dedup = dedup_store(store) if report.stored and not no_dedup else None
    except KeyboardInterrupt:
        click.echo("dateline: interrupted; what was stored is kept: run the same command again to resume", err=True)
        sys.exit(130)
    except DatelineError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        store.close()
    if not quiet:
        click.echo(
            f"dateline: stored {report.stored:,}, unchanged {report.skipped:,}, failed {report.failed:,} "
            f"in {report.seconds:.1f} s ({report.rate:,.1f}/s) into {store.path}", err=True)
        if dedup and dedup.duplicates:
            click.echo(f"dateline: {dedup.duplicates:,} near-duplicates in {dedup.clusters:,} clusters", err=True)
        if report.failed:
            click.echo("dateline: list the failures with `dateline stats --errors`", err=True)
    sys.exit(1 if report.failed else 0)


# -- search --------------------------------------------------------------------------------------
@click.command("search")
@click.argument("query")
@db_option
@_article_filters
@click.option("--collapse", is_flag=True, help="One hit per near-duplicate cluster.")
@click.option("--sort", default=None, metavar="COLUMN",
              help="relevance (default), published, -published, title, publisher; '-' for descending.")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True,
              help="csv: every hit (no --limit), columns as in the Parquet export.")
def search_cmd(query, db, domain, publisher, language, since, until, entity, country, collapse, sort, limit, offset,
               fmt):
    """Ranked full-text search over titles and bodies, with highlighted snippets.

    Words must all match; use "an exact phrase", a prefix like negotiat*,
    AND / OR / NOT, -word to leave one out, NEAR(a b, 10), parentheses and
    title:word; publisher:, domain:, country:, language:, since: and until: in
    the query are filters. Best matches first (bm25, the title counts more than
    the body), or as --sort says.

    \b
    Example:
        dateline search '"peace talks" geneva -ceasefire' --since 2024-01 --collapse
        dateline search 'sanction* country:RUS' --sort -published --format csv > hits.csv
    """
    from ..store import listing
    from ..store.query import ArticleQuery, Page

    store = open_store_or_exit(db, readonly=True)
    try:
        q = ArticleQuery(q=query, publisher=publisher, domain=domain, language=language, since=since, until=until,
                         entity=entity, country=country, collapse=collapse, sort=sort, page=Page(limit, offset))
        if fmt == "csv":
            sys.stdout.writelines(listing.lines(listing.ARTICLE_COLUMNS, listing.article_rows(store, q)))
            return
        result = store.search(q)
    except DatelineError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        store.close()
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_hits(result, offset, color=sys.stdout.isatty()), nl=False)


# -- events --------------------------------------------------------------------------------------
@click.command("events")
@db_option
@click.option("--actor", default=None, help="Either side: a code (USA, CHNGOV), a country (China) or a name.")
@click.option("--source", default=None, help="The source actor.")
@click.option("--target", default=None, help="The target actor.")
@click.option("--between", nargs=2, default=None, metavar="A B", help="A pair of actors, either direction.")
@click.option("--cameo", default=None, help="CAMEO code or prefix, e.g. 13 or 130.")
@click.option("--plover", default=None, help="PLOVER category, e.g. THREATEN.")
@click.option("--quad-class", "quad_class", type=click.IntRange(1, 4), default=None,
              help="1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.")
@click.option("--since", default=None, metavar="DATE", help="Earliest event date.")
@click.option("--until", default=None, metavar="DATE", help="Latest event date.")
@click.option("--min-confidence", "min_confidence", type=click.FloatRange(0, 1), default=None)
@click.option("--query", "-q", "q", default=None, metavar="SEARCH", help="Only events of the articles it matches.")
@click.option("--count-copies", "count_copies", is_flag=True,
              help="A row per near-duplicate copy (default: one per cluster, with its copies).")
@click.option("--sort", default=None, metavar="COLUMN",
              help="date (default), published, goldstein, cameo, quad_class, confidence, plover; '-' descending.")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "gdelt"]), default="table",
              show_default=True, help="csv and gdelt (GDELT 2.0-style TSV): every matching event, no --limit.")
def events_cmd(db, actor, source, target, between, cameo, plover, quad_class, since, until, min_confidence, q,
               count_copies, sort, limit, offset, fmt):
    """Coded events across the store: by actor, CAMEO code, PLOVER category, quad class, date, of a search.

    \b
    Example:
        dateline events --between Norway Iceland --sort -goldstein
        dateline events --actor 'Xi Jinping' --plover THREATEN --format csv > threats.csv
    """
    from ..store import listing
    from ..store.query import ArticleQuery, EventQuery, Page

    a, b = between or (None, None)
    store = open_store_or_exit(db, readonly=True)
    try:
        query = EventQuery(actor=actor, source=source, target=target, a=a, b=b, cameo=cameo, plover=plover,
                           quad_class=quad_class, since=since, until=until, min_confidence=min_confidence,
                           articles=ArticleQuery(q=q) if q else None, collapse=not count_copies, sort=sort,
                           page=Page(limit, offset))
        if fmt in ("csv", "gdelt"):
            columns, rows, delimiter = ((listing.EVENT_COLUMNS, listing.event_rows, ",") if fmt == "csv" else
                                        (listing.GDELT_COLUMNS, listing.gdelt_event_rows, "\t"))
            sys.stdout.writelines(listing.lines(columns, rows(store, query), delimiter))
            return
        total = store.count_events(query)
        hits = list(store.events(query))
    except DatelineError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        store.close()
    if fmt == "json":
        rows = [{"article": h.article.to_dict(), "copies": h.copies, **h.event.to_dict()} for h in hits]
        click.echo(json.dumps({"total": total, "events": rows}, ensure_ascii=False, indent=2))
        return
    from ..web.render import event_label

    lines = [f"{total:,} event{'s' if total != 1 else ''}"]
    for n, h in enumerate(hits, start=offset + 1):
        copies = f"  ({h.copies} copies)" if h.copies > 1 else ""
        lines.append(f"{n:>3}. {h.event.date or (h.article.published or '')[:10] or '-':<10}  {event_label(h.event)}")
        lines.append(f"     {h.article.title or '(untitled)'} · {h.article.publisher or ''} · {h.article.id}{copies}")
    click.echo("\n".join(lines))


def format_hits(result: SearchResult, offset: int = 0, *, color: bool = False) -> str:
    on, off = ("\x1b[1m", "\x1b[0m") if color else ("[", "]")
    lines = [f"{result.total:,} match{'es' if result.total != 1 else ''}"]
    for n, hit in enumerate(result.hits, start=offset + 1):
        when = (hit.published or "")[:10]
        copies = f"  (+{hit.cluster_size - 1} near-duplicate{'s' if hit.cluster_size > 2 else ''})" \
            if hit.cluster_size > 1 else ""
        lines.append(f"{n:>3}. {hit.title or '(untitled)'}")
        lines.append(f"     {' · '.join(x for x in (hit.publisher, when, hit.id) if x)}{copies}")
        snippet = " ".join(hit.snippet.split()).replace(MARK_START, on).replace(MARK_END, off)
        lines.append(f"     {snippet}")
    return "\n".join(lines) + "\n"


# -- show ----------------------------------------------------------------------------------------
@click.command("show")
@click.argument("article_id")
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def show_cmd(article_id, db, fmt):
    """One stored article with its facts: entities, quotes, events, near-duplicates.

    \b
    Example:
        dateline show 3f2a9c0d41b7e8aa
        dateline show 3f2a9c0d41b7e8aa --format json | jq .events
    """
    store = open_store_or_exit(db, readonly=True)
    try:
        article = store.get(article_id)
        copies = store.duplicates(article_id) if article else []
    finally:
        store.close()
    if article is None:
        raise click.ClickException(f"no article with id {article_id!r} in {store.path}; find ids with `dateline search`")
    if fmt == "json":
        click.echo(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(format_article(article, 100), nl=False)
    if copies:
        click.echo(f"  {'copies':<10} {', '.join(copies)}")


# -- export --------------------------------------------------------------------------------------
@click.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "gdelt"]), default="jsonl",
              show_default=True,
              help="jsonl: the full record; csv/parquet: one table per kind; gdelt: a GDELT 2.0-style event table.")
@click.option("--output", "-o", type=click.Path(), default=None, metavar="PATH",
              help="A file (jsonl, gdelt) or a folder of one file per table (csv, parquet). Default: stdout.")
@click.option("--table", type=click.Choice(["articles", "entities", "quotes", "events", "failures"]),
              default="articles", show_default=True, help="With csv to stdout: which table.")
@filter_options
@quiet_option
def export_cmd(db, fmt, output, table, publisher, language, since, until, entity, country, quiet):
    """Export the store: every article, streamed, with no cap.

    JSON lines carry the full record (with source and duplicate_of), then one
    {source, error, kind} line per failed input (not when filtering). CSV and
    Parquet hold one table per kind: articles, entities, quotes, events, failures.
    The gdelt format is tab-separated with one row per event and GDELT 2.0 column
    names.

    \b
    Example:
        dateline export --format parquet --output out/tables
        dateline export --format gdelt --since 2024-04 > events.tsv
    """
    from .. import export

    if fmt == "parquet" and not output:
        raise click.UsageError("parquet needs --output FOLDER (one .parquet file per table)")
    store = open_store_or_exit(db, readonly=True)
    try:
        articles = store.iter_articles(publisher=publisher, language=language, since=since, until=until,
                                       entity=entity, country=country)
        filtered = any((publisher, language, since, until, entity, country))
        records = articles if filtered else _with_failures(store, articles)
        if fmt in ("parquet", "csv") and output:
            writer = export.write_parquet_folder if fmt == "parquet" else export.write_csv_folder
            counts = writer(records, Path(output))
            summary = ", ".join(f"{n:,} {name}" for name, n in counts.items())
        else:
            with _text_out(output) as out:
                if fmt == "jsonl":
                    n = export.write_jsonl(records, out)
                    summary = f"{n:,} records"
                elif fmt == "gdelt":
                    n = export.write_gdelt(articles, out)
                    summary = f"{n:,} events"
                else:
                    n = export.write_csv_table(records, table, out)
                    summary = f"{n:,} {table}"
    except DatelineError as exc:
        raise click.ClickException(f"{exc}{_nothing_written(output)}") from None
    except BaseException:
        click.echo(f"dateline: export stopped{_nothing_written(output)}", err=True)
        raise
    finally:
        store.close()
    if not quiet:
        click.echo(f"dateline: exported {summary}" + (f" to {output}" if output else ""), err=True)


def _nothing_written(output: str | None) -> str:
    return f"; nothing was written to {output} (the partial files were removed)" if output else ""


def _with_failures(store: Store, articles):
    yield from articles
    yield from store.failures()


@contextmanager
def _text_out(path: str | None) -> Iterator[TextIO]:
    """stdout, or a file for the duration."""
    if path is None:
        yield sys.stdout
        return
    from ..export import atomic_paths

    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with atomic_paths([Path(path)]) as (temp,), open(temp, "w", encoding="utf-8", newline="") as fh:
        yield fh


# -- dedup ---------------------------------------------------------------------------------------
@click.command("dedup")
@db_option
@click.option("--threshold", type=click.FloatRange(0.1, 1.0), default=None, metavar="J",
              help="Estimated Jaccard similarity of word 3-grams at which two texts are copies (default 0.7).")
def dedup_cmd(db, threshold):
    """Group near-duplicate articles (syndicated copies) into clusters and set duplicate_of.

    The earliest published member of a cluster is its representative. `dateline
    ingest` runs this after storing; run it yourself after --no-dedup or to try
    another threshold.

    \b
    Example:
        dateline dedup --db news.db
        dateline search 'harbour' --collapse
    """
    from ..dedup import DEFAULT_THRESHOLD, dedup_store

    store = open_store_or_exit(db, readonly=False)
    try:
        report = dedup_store(store, threshold or DEFAULT_THRESHOLD)
    finally:
        store.close()
    click.echo(f"{report.articles:,} articles: {report.duplicates:,} near-duplicates in {report.clusters:,} "
               f"clusters ({report.changed:,} changed) in {report.seconds:.1f} s")


# -- stats ---------------------------------------------------------------------------------------
@click.command("stats")
@db_option
@click.option("--errors", is_flag=True, help="List every failed input with its reason.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats_cmd(db, errors, fmt):
    """What the store holds: articles, facts, duplicates, languages, publishers, failures.

    \b
    Example:
        dateline stats
        dateline stats --errors
    """
    store = open_store_or_exit(db, readonly=True)
    try:
        figures = store.stats()
        failures = store.failures() if errors else []
    finally:
        store.close()
    if fmt == "json":
        if errors:
            figures["failed_inputs"] = [f.to_dict() for f in failures]
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    if errors:
        click.echo("".join(format_failure(f) for f in failures) or "no failed inputs\n", nl=False)
        return
    click.echo(format_stats(figures), nl=False)


def format_stats(s: dict) -> str:
    lines = [f"{s['path']}  ({s['bytes'] / 1e6:,.1f} MB, schema {s['schema_version']})"]
    for key in ("articles", "duplicates", "clusters", "paragraphs", "entities", "mentions", "quotes", "events",
                "failures"):
        lines.append(f"  {key:<12} {s[key]:>10,}")
    if s["published_from"]:
        lines.append(f"  {'published':<12} {s['published_from'][:10]} to {s['published_to'][:10]}")
    for key in ("languages", "publishers"):
        if s[key]:
            lines.append(f"  {key:<12} " + ", ".join(f"{k} {v:,}" for k, v in s[key].items()))
    if s["last_run"]:
        r = s["last_run"]
        lines.append(f"  {'last ingest':<12} {r['started']} {r['status']}: stored {r['stored']:,}, "
                     f"unchanged {r['skipped']:,}, failed {r['failed']:,}")
    return "\n".join(lines) + "\n"
