"""What every record must satisfy, whatever the input."""

from __future__ import annotations

from dateline.model import Article


def check_article(a: Article) -> None:
    n = len(a.text)
    prev_end = -1
    for p in a.paragraphs:
        assert 0 <= p.start < p.end <= n, (p, n)
        assert p.start >= prev_end, "paragraphs are ordered and do not overlap"
        assert a.text[p.start : p.end].strip(), "a paragraph is never blank"
        prev_end = p.end
    for s in a.sections:
        assert 0 <= s.start <= s.end <= n
    for e in a.entities:
        for m in e.mentions:
            assert 0 <= m.start < m.end <= n and a.text[m.start : m.end] == m.text
    for q in a.quotes:
        assert 0 <= q.start < q.end <= n and a.text[q.start : q.end] == q.text
        for span in (q.speaker, q.cue):
            if span is not None:
                assert 0 <= span.start < span.end <= n and a.text[span.start : span.end] == span.text
    for ev in a.events:
        assert 0 <= ev.start <= ev.end <= n
        if ev.quote is not None:
            assert 0 <= ev.quote < len(a.quotes)
    assert Article.from_dict(a.to_dict()) == a
