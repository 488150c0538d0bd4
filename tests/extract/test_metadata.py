"""Metadata: a section is not the publisher, the page's copyright line is not a picture's credit."""

from __future__ import annotations

from pathlib import Path

from dateline.extract.html import extract_html
from dateline.extract.meta import url_sections

FIXTURES = Path(__file__).parent.parent / "fixtures" / "html"


def test_url_sections_leave_out_the_page_slug():
    assert url_sections("https://wire.example/world/us/rail-strike-talks") == {"world", "us"}
    assert url_sections(None) == frozenset()


def test_a_section_named_as_site_is_not_the_publisher_and_a_footer_is_not_a_credit():
    path = FIXTURES / "wire-section.html"
    article = extract_html(path.read_text(encoding="utf-8"), source=str(path))
    assert article.publisher is None
    assert article.title == "Rail strike talks resume in the capital"
    assert [m.caption for m in article.media] == ["Union delegates arrive for the talks on Monday."]
    assert not any(m.credit and "rights reserved" in m.credit for m in article.media)


def _page(footer: str) -> str:
    body = "".join(
        f"<p>Paragraph {n}: the town's new library opened its doors to readers who had waited three years "
        "for the building to be finished, and the first morning drew a queue around the square.</p>" for n in range(4)
    )
    return f"<html><head><title>Library opens</title></head><body><article><h1>Library opens</h1>{body}</article><footer>{footer}</footer></body></html>"


def test_a_copyright_year_is_not_a_publication_date():
    from datetime import UTC, datetime

    article = extract_html(_page("© 2024 The Town Crier"), source="p.html", fetched=datetime(2025, 3, 1, tzinfo=UTC))
    assert article.published is None


def test_new_years_day_written_out_is_kept():
    from datetime import UTC, datetime

    html = _page("© 2024 The Town Crier").replace("<h1>Library opens</h1>", "<h1>Library opens</h1><p class='date'>January 1, 2024</p>")
    article = extract_html(html, source="p.html", fetched=datetime(2025, 3, 1, tzinfo=UTC))
    assert article.published == "2024-01-01"
