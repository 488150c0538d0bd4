"""`dateline process`: records to stdout."""

from __future__ import annotations

import os
import sys

import click

from ..engine.executor import spread
from ..model import Failure
from ..pipeline import Pipeline
from .options import extraction_options, quiet_option, source_options, spec_from_options
from .output import WRITERS


@click.command("process")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(sorted(WRITERS)), default="jsonl", show_default=True,
              help="jsonl: one record per line; json: an array; table: for reading.")
@click.option("--workers", type=click.IntRange(min=1), default=None, metavar="N",
              help="Processes to spread the pages over (default: one per CPU core; a handful of pages "
                   "is done in one). Records come out in input order either way.")
@extraction_options
@source_options
@quiet_option
def process_cmd(inputs, fmt, workers, clean, no_nlp, fetched, model, all_events, all_quotes, stage, allow_private,
                follow, max_bytes, quiet):
    """Extract (and annotate) news pages: files, folders (recursive), - for stdin, http(s) URLs,
    RSS/Atom feeds, WARC files, or JSON lines of dateline records (read back as they are).

    HTML, plain-text dumps, feeds, WARC and JSON lines are told apart by content. A page that fails is
    printed as a record with its error, and the exit status is 1.

    \b
    Example:
        dateline process --format table examples/
        curl -s https://example.org/story | dateline process -
        dateline process https://example.org/feed.xml --follow
        dateline process crawl.warc.gz > records.jsonl
    """
    pipe = Pipeline.from_spec(spec_from_options(no_nlp=no_nlp, clean=clean, fetched=fetched, model=model,
                                                all_events=all_events, all_quotes=all_quotes, stage=stage,
                                                allow_private=allow_private, follow=follow, max_bytes=max_bytes))
    results = spread(pipe, inputs, workers or os.cpu_count() or 1)
    failures = 0
    count = 0
    for result in WRITERS[fmt](results, sys.stdout):
        count += 1
        if isinstance(result, Failure):
            failures += 1
            if not quiet:
                click.echo(f"dateline: {result.error}", err=True)
    if failures and not quiet:
        click.echo(f"dateline: {failures} of {count} input(s) failed", err=True)
    sys.exit(1 if failures else 0)
