"""Composition: sources -> extract -> annotate, in batches, with per-document error capture.

A bad document never stops a batch: it comes out as a ``Failure`` with the
reason, in its place in the input order, and the rest go on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import suppress
from datetime import datetime

from .config import settings
from .engine.spec import PipelineSpec, StageSpec
from .engine.stages import Shared, Stage
from .errors import DatelineError
from .extract import extract
from .extract.sitelines import SiteLines
from .limits import time_limit
from .model import Article, Failure, Result
from .sources import RawDoc, SourceOptions, SourceReader

log = logging.getLogger(__name__)



class Pipeline:
    """Extract and annotate documents, as its spec (engine/spec.py) says.

    >>> pipe = Pipeline(nlp=False)
    >>> [r.title for r in pipe.run(["examples/"])]  # doctest: +SKIP
    >>> Pipeline.from_spec(PipelineSpec.default(extra=("mypackage.stages:weekday",)))  # doctest: +SKIP
    """

    def __init__(
        self,
        *,
        nlp: bool = True,
        clean: bool = False,
        fetched: datetime | None = None,
        model: str | None = None,
        batch_size: int | None = None,
        stages: Sequence[str | StageSpec | Stage] | None = None,
        allow_private: bool = False,
        follow: bool = False,
        max_bytes: int | None = None,
        seen: Callable[[str], bool] | None = None,
        all_events: bool = False,
        all_quotes: bool = False,
        spec: PipelineSpec | None = None,
    ) -> None:
        """The keywords make a spec (PipelineSpec.default), or ``spec`` is given whole.

        ``allow_private`` lets URLs reach private and loopback addresses; ``follow`` fetches the page
        of each feed item; ``seen(url)`` says a URL is already stored, so feed items with it are skipped
        (it is used where the sources are read, and so does not travel to workers); ``all_events`` /
        ``all_quotes`` keep every event / quote, also those under the least confidence
        (settings.event_min_confidence, settings.quote_min_confidence), each with its score.
        ``stages`` replaces the default stages: registered names (or StageSpecs), which any worker
        rebuilds, or callables ``stage(articles, shared)``, which only run in this process."""
        custom = [s for s in stages or () if not isinstance(s, str | StageSpec)]
        if spec is None:
            named = tuple(s for s in stages or () if isinstance(s, str | StageSpec))
            spec = PipelineSpec.default(
                nlp=nlp and stages is None, clean=clean, fetched=fetched, model=model, batch_size=batch_size,
                allow_private=allow_private, follow=follow, max_bytes=max_bytes, all_events=all_events,
                all_quotes=all_quotes, extra=named if not custom else (),
            )
        self.spec = spec
        self.portable = not custom  # a worker rebuilds named stages only
        self.clean = spec.extraction.clean
        self.fetched = spec.extraction.fetched_time
        self.sources = SourceOptions(
            max_bytes=spec.sources.max_bytes or settings.max_bytes, allow_private=spec.sources.allow_private,
            follow=spec.sources.follow, seen=seen,
        )
        self.batch_size = spec.effective_batch_size
        # the memory of the sites seen, for their furniture (extract/sitelines.py); a clean body is kept as given
        self.site_lines = SiteLines() if spec.extraction.site_furniture and not self.clean else None
        self.stages: list[Stage] = list(custom) if custom else [s.build() for s in spec.stages]
        self._prepared = False

    @classmethod
    def from_spec(cls, spec: PipelineSpec, *, seen: Callable[[str], bool] | None = None) -> Pipeline:
        return cls(spec=spec, seen=seen)

    # -- set-up -----------------------------------------------------------------------
    def prepare(self) -> None:
        """Do the one-time set-up (imports, the language identifier, models) before any document's
        time limit starts, so that it is not charged to the first document. Runs once; run() calls it."""
        if self._prepared:
            return
        self._prepared = True
        for kind, page in _WARM_UP_PAGES:
            with suppress(DatelineError):
                extract(RawDoc(source=f"<warm-up {kind}>", data=page), clean=self.clean)
        for stage in self.stages:
            prepare = getattr(stage, "prepare", None)
            if prepare is not None:
                prepare()
        if self.portable and self.stages:  # build the stages' tables on one short text
            self._annotate([Article(id="warm-up", source="<warm-up>", text=_WARM_UP_SENTENCE.decode())])

    # -- one document -------------------------------------------------------------
    def extract(self, raw: RawDoc) -> Result:
        try:
            with time_limit(settings.doc_timeout, raw.source):
                article = extract(raw, clean=self.clean, fetched=self.fetched)
        except DatelineError as exc:
            return Failure(raw.source, str(exc), type(exc).__name__)
        except Exception as exc:  # a bug must not cost the rest of the batch
            log.debug("extraction failed for %s", raw.source, exc_info=True)
            return Failure(raw.source, f"{raw.source}: internal error while extracting: {exc!r}", "InternalError")
        return _within_text_cap(article)

    # -- many documents -----------------------------------------------------------
    def run(self, inputs: Iterable[str | RawDoc | Result]) -> Iterator[Result]:
        """Yield one result per document, in input order.

        Inputs are paths, folders, '-', URLs, or documents already read (RawDoc, or the Article and
        Failure records a source read back from JSON lines). Articles read back pass through
        unchanged, except that they are annotated when they carry no entities, quotes or events.
        The pages extracted here lose their site furniture (extract/sitelines.py) before the stages
        see them, batch by batch, as the pipeline learns each site's pages.
        """
        self.prepare()
        batch: list[Result] = []
        fresh: list[Article] = []  # the articles extracted in this batch (not read back)
        annotated: set[int] = set()  # records read back that already carry their annotation
        for item in self.read(inputs):
            if isinstance(item, RawDoc):
                result = self.extract(item)
                batch.append(result)
                if isinstance(result, Article):
                    fresh.append(result)
            else:
                if isinstance(item, Article) and (item.entities or item.quotes or item.events):
                    annotated.add(id(item))
                batch.append(_within_text_cap(item) if isinstance(item, Article) else item)
            if len(batch) >= self.batch_size:
                yield from self._annotate(self._without_site_furniture(batch, fresh), annotated)
                batch, fresh, annotated = [], [], set()
        if batch:
            yield from self._annotate(self._without_site_furniture(batch, fresh), annotated)

    def _without_site_furniture(self, batch: list[Result], fresh: list[Article]) -> list[Result]:
        """The batch, its freshly extracted pages learnt and then cut of their site furniture (in
        place; extract/sitelines.py). A failure of the pass costs no page: a page it breaks on goes on
        as extracted, and says so."""
        if self.site_lines is not None and fresh:
            self.site_lines(fresh, failed=_furniture_failed)
        return batch

    def read(self, inputs: Iterable[str | RawDoc | Result]) -> Iterator[RawDoc | Result]:
        """The documents the inputs hold, read but not yet extracted (and failures to read them)."""
        with SourceReader(self.sources) as reader:
            for item in inputs:
                if isinstance(item, RawDoc | Article | Failure):
                    yield item
                else:
                    yield from reader.read(str(item))

    def _annotate(self, batch: list[Result], annotated: set[int] | frozenset[int] = frozenset()) -> list[Result]:
        articles = [r for r in batch if isinstance(r, Article) and id(r) not in annotated]
        if not articles or not self.stages:
            return batch
        failed: dict[int, Failure] = {}
        shared = Shared()
        for stage in self.stages:
            todo = [a for a in articles if id(a) not in failed]
            try:
                with time_limit(settings.doc_timeout * len(todo), f"a batch of {len(todo)}"):
                    stage(todo, shared)
            except Exception:
                # isolate the document that breaks the stage (or is too slow); the others keep their annotation
                for article in todo:
                    try:
                        with time_limit(settings.doc_timeout, article.source):
                            stage([article], shared)
                    except DatelineError as exc:
                        failed[id(article)] = Failure(article.source, str(exc), type(exc).__name__)
                    except Exception as exc:
                        log.debug("annotation failed for %s", article.source, exc_info=True)
                        failed[id(article)] = Failure(
                            article.source,
                            f"{article.source}: internal error in {_stage_name(stage)}: {exc!r}",
                            "InternalError",
                        )
        return [failed.get(id(r), r) for r in batch]


def _furniture_failed(article: Article, exc: Exception) -> None:
    log.debug("the site furniture pass failed on %s", article.source, exc_info=exc)
    article.warnings.append(f"site furniture was not looked for on this page: internal error {exc!r}")


def _stage_name(stage: Stage) -> str:
    name = getattr(stage, "name", None) or getattr(type(stage), "__name__", None)
    return f"the stage {name}" if name else "a stage"


def _within_text_cap(article: Article) -> Result:
    """The article, or a Failure when its text is over the limit (extracted or read back alike)."""
    if len(article.text) <= settings.max_text_chars:
        return article
    return Failure(
        article.source,
        f"{article.source}: {len(article.text):,} characters of text is over the limit of "
        f"{settings.max_text_chars:,} (DATELINE_MAX_TEXT_CHARS)",
        "InputTooLarge",
    )


_WARM_UP_SENTENCE = b"The minister said on Monday that talks with the union would resume in Geneva next week."
_WARM_UP_PAGES = (
    ("html", b"<!doctype html><html><head><title>Warm-up</title></head><body><article><h1>Warm-up</h1><p>"
             + _WARM_UP_SENTENCE + b"</p><p>" + _WARM_UP_SENTENCE + b"</p></article></body></html>"),
    ("text", b"Warm-up\n\n" + _WARM_UP_SENTENCE + b"\n\n" + _WARM_UP_SENTENCE + b"\n"),
)


def process(
    *inputs: str | RawDoc,
    nlp: bool = True,
    clean: bool = False,
    fetched: datetime | None = None,
    model: str | None = None,
) -> list[Result]:
    """Extract (and annotate) every input: paths, folders, '-' for stdin, or RawDoc objects."""
    pipe = Pipeline(nlp=nlp, clean=clean, fetched=fetched, model=model)
    return list(pipe.run(inputs))


def process_text(
    text: str, *, source: str = "<text>", clean: bool = False, nlp: bool = True, fetched: datetime | None = None,
    all_events: bool = False, all_quotes: bool = False,
) -> Article:
    """One page given as a string (HTML or a text dump; with clean=True, the article body). ``all_events``
    and ``all_quotes`` keep the facts under the least confidence too, each with its score."""
    pipe = Pipeline(nlp=nlp, clean=clean, fetched=fetched, all_events=all_events, all_quotes=all_quotes)
    [result] = list(pipe.run([RawDoc(source=source, data=text.encode("utf-8"), fetched=fetched)]))
    if isinstance(result, Failure):
        from .errors import InputError

        raise InputError(result.error)
    return result
