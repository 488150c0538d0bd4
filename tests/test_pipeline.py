from __future__ import annotations

import time

from dateline.config import settings
from dateline.model import Article, Failure
from dateline.pipeline import Pipeline
from dateline.sources import RawDoc

PAGE = "Harbour reopens\n\nThe city harbour reopened on Tuesday after a three-day closure, officials said.\n"


def _raw(name: str, text: str = PAGE) -> RawDoc:
    return RawDoc(source=name, data=text.encode())


def test_a_stage_that_breaks_on_one_document_costs_only_that_document():
    def stage(articles, shared):
        for a in articles:
            if a.source == "bad":
                raise ValueError("boom")
            a.tags = ["seen"]

    results = list(Pipeline(stages=[stage], clean=True).run([_raw("a"), _raw("bad"), _raw("c")]))
    assert [type(r) for r in results] == [Article, Failure, Article]
    assert results[1].kind == "InternalError" and "boom" in results[1].error
    assert results[0].tags == ["seen"] and results[2].tags == ["seen"]


def test_a_document_over_the_time_limit_is_recorded_and_the_batch_goes_on(monkeypatch):
    monkeypatch.setattr(settings, "doc_timeout", 0.5)

    def stage(articles, shared):
        for a in articles:
            if a.source == "slow":
                time.sleep(5)
            a.tags = ["seen"]

    results = list(Pipeline(stages=[stage], clean=True).run([_raw("a"), _raw("slow"), _raw("c")]))
    assert isinstance(results[1], Failure) and results[1].kind == "DocumentTimeout"
    assert "limit" in results[1].error
    assert results[0].tags == ["seen"] and results[2].tags == ["seen"]


def test_results_keep_input_order_across_batches():
    names = [f"doc{i}" for i in range(7)]
    results = list(Pipeline(nlp=False, clean=True, batch_size=3).run([_raw(n) for n in names]))
    assert [r.source for r in results] == names
