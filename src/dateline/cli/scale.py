"""`dateline scale`: the pipeline over many files on Ray, written as Parquet, resumable."""

from __future__ import annotations

import sys
import time

import click

from ..errors import DatelineError
from .options import MAX_BYTES_RANGE, quiet_option, spec_from_options


@click.command("scale")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", required=True, metavar="DIR",
              help="Folder or URI (s3://bucket/prefix) for the Parquet tables and the per-input markers.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Actors, one per CPU (default: every CPU of the local machine or the cluster).")
@click.option("--address", default=None, metavar="ADDR",
              help="Join a running Ray cluster (ray://head:10001, or 'auto'); default: start Ray locally.")
@click.option("--no-nlp", "no_nlp", is_flag=True, help="Skip entities, quotes and events: extraction only.")
@click.option("--model", default=None, help="spaCy pipeline to load in each worker.")
@click.option("--max-bytes", type=MAX_BYTES_RANGE, default=None, metavar="N",
              help="Largest single page read as one document, in bytes (WARC files are streamed).")
@click.option("--split-bytes", type=click.IntRange(min=0), default=None, metavar="N",
              help="Split a WARC or JSONL file larger than N bytes into parts of its records, so that it "
                   "spreads over the workers (default: 64 MiB; a job of fewer files than 4 per worker splits "
                   "them too; 0: never split).")
@click.option("--stage", "stage", multiple=True, metavar="[MODULE:]NAME",
              help="Run a registered stage after the built-in ones (repeatable); see `dateline process --help`.")
@quiet_option
def scale_cmd(inputs, output, workers, address, no_nlp, model, max_bytes, split_bytes, stage, quiet):
    """Run the pipeline over many WARC, HTML or JSONL files on Ray.

    INPUT is a file, a folder, a glob ('crawl/*.warc.gz') or a URI that pyarrow
    opens (s3://, gs://, hdfs://). Each input is processed by one actor and
    written to DIR/<table>/<input>.parquet (articles, entities, quotes, events,
    failures, in the export schema). A finished input gets a marker in DIR/_done;
    running the same command again skips it, so an interrupted job resumes.

    \b
    Example:
        dateline scale 'crawl/*.warc.gz' --output out/ --workers 8
        dateline scale s3://my-bucket/cc-news/2024/05/ --output s3://my-bucket/dateline/ --address auto
    """
    from ..scale import run_scale
    from ..scale.job import SPLIT_BYTES

    spec = spec_from_options(no_nlp=no_nlp, clean=False, fetched=None, model=model, all_events=False,
                             all_quotes=False, stage=stage, max_bytes=max_bytes)

    started = time.monotonic()
    articles = 0

    def progress(report, done: int, total: int) -> None:
        nonlocal articles
        articles += report.articles
        if quiet:
            return
        elapsed = time.monotonic() - started
        eta = elapsed / done * (total - done)
        note = f"; NOT finished: {report.error}" if report.error else ""
        click.echo(f"[{done}/{total}] {report.label}: {report.articles:,} articles, {report.failures:,} failures "
                   f"in {report.seconds:.1f} s{note} | {articles / elapsed:.1f} articles/s, "
                   f"ETA {eta / 60:.0f} min", err=True)

    try:
        result = run_scale(list(inputs), output, workers=workers, address=address, spec=spec, progress=progress,
                           split_bytes=SPLIT_BYTES if split_bytes is None else split_bytes or None)
    except DatelineError as exc:
        raise click.ClickException(str(exc)) from None
    if not quiet:
        if result.skipped:
            click.echo(f"dateline: skipped {result.skipped} finished input(s)", err=True)
        rate = result.articles / result.seconds if result.seconds else 0.0
        click.echo(f"dateline: {len(result.done)} input(s) processed: {result.articles:,} articles, "
                   f"{result.failures:,} failures in {result.seconds:.1f} s ({rate:.1f} articles/s) -> {output}",
                   err=True)
    sys.exit(1 if result.unreadable else 0)
