"""Lines cut from an extracted article: the text, paragraphs and sections rebuilt through the builder."""

from __future__ import annotations

import pytest

from dateline.extract.builder import without_lines
from dateline.model import Article, Event, Section
from tests.offsets import check_offsets, paragraphs


def _article() -> Article:
    text = "Intro line one\nShare this\n\nRead more\n\nKept body\n\nSecond part\n\nShare this\n\nClosing words"
    paras = paragraphs(text, kinds={1: "heading", 3: "heading"}, sections={1: 0, 2: 0, 3: 1, 4: 1, 5: 1})
    sections = [Section("Read more", "By A. Writer", paras[1].start, paras[2].end),
                Section("Second part", None, paras[3].start, paras[5].end)]
    return Article(id="a", source="a", text=text, paragraphs=paras, sections=sections)


def test_cut_lines_rebuild_paragraphs_and_sections_through_the_builder():
    article = _article()
    assert without_lines(article, lambda i, line: line in ("Share this", "Read more")) == 3
    assert article.text == "Intro line one\n\nKept body\n\nSecond part\n\nClosing words"
    assert [(p.kind, p.section) for p in article.paragraphs] == [("body", None), ("body", 0), ("heading", 1),
                                                                 ("body", 1)]
    assert article.sections[0].heading is None and article.sections[0].byline == "By A. Writer"
    assert article.sections[1].heading == "Second part"
    check_offsets(article)


def test_a_section_left_empty_goes_and_the_later_ones_are_renumbered():
    article = _article()
    without_lines(article, lambda i, line: i in (1, 2))
    assert [s.heading for s in article.sections] == ["Second part"]
    assert [p.section for p in article.paragraphs] == [None, 0, 0, 0]
    check_offsets(article)


def test_nothing_dropped_nothing_changed_and_an_annotated_article_is_refused():
    article = _article()
    before = article.to_dict()
    assert without_lines(article, lambda i, line: False) == 0 and article.to_dict() == before
    article.events = [Event(0, 5, "Intro")]
    with pytest.raises(ValueError):
        without_lines(article, lambda i, line: True)
