"""Quote marks: pairing, paragraph runs and broken marks, on the raw string."""

from __future__ import annotations

import pytest

from dateline.nlp.marks import quoted_spans


def texts(text: str) -> list[str]:
    return [text[q.start : q.end] for q in quoted_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('She said "the dam will hold" and left.', ["the dam will hold"]),
        ("He said \u201cthe dam will hold\u201d and left.", ["the dam will hold"]),
        ("Il a dit \u00able barrage tiendra\u00bb hier.", ["le barrage tiendra"]),
        ("Er sagte \u201eder Damm h\u00e4lt\u201c gestern.", ["der Damm h\u00e4lt"]),
        ("She called it \u2018A Fine Day\u2019 in her post.", ["A Fine Day"]),
    ],
)
def test_marks_of_every_style(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_apostrophes_are_not_quotes() -> None:
    text = "It\u2019s the \u201990s again, and the Joneses\u2019 car isn\u2019t theirs. Don't worry."
    assert quoted_spans(text) == []


def test_a_quote_run_over_paragraphs_is_one_chain() -> None:
    text = "\u201cThe first part has no close.\n\n\u201cThe second part closes it,\u201d she said.\n\nAfter."
    spans = quoted_spans(text)
    assert [text[q.start : q.end] for q in spans] == ["The first part has no close.", "The second part closes it,"]
    assert spans[0].chain == spans[1].chain
    assert not spans[0].closed and spans[1].closed


def test_a_close_in_a_later_paragraph_without_reopening() -> None:
    text = "\u201cThe first part runs on\n\nand ends here,\u201d he said."
    spans = quoted_spans(text)
    assert [text[q.start : q.end] for q in spans] == ["The first part runs on", "and ends here,"]
    assert spans[0].chain == spans[1].chain


def test_an_unclosed_mark_ends_with_its_paragraph() -> None:
    text = "\u201cThis never closes.\n\nA plain paragraph.\n\nThen \u201ca real quote\u201d here."
    assert texts(text) == ["This never closes.", "a real quote"]


def test_an_odd_number_of_straight_marks_keeps_the_rest() -> None:
    text = 'He said "one thing and "another thing" later.\n\nNext "third" one.'
    assert texts(text) == ["one thing and", "another thing", "third"]


@pytest.mark.parametrize("text", ['"', "\u201c", "\u201d\u201d\u201c", "'''", "\u00ab\u00bb\u00bb", 'a "b\n"c\n\n"'])
def test_broken_marks_never_fail(text: str) -> None:
    for q in quoted_spans(text):
        assert 0 <= q.start <= q.end <= len(text)
