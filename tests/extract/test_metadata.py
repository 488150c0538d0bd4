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


def _dated_page(lang: str, stamp: str, more: str = "") -> str:
    html = _page("<p>The Town Crier</p>" + more).replace("<html>", f'<html lang="{lang}">')
    return html.replace("<h1>Library opens</h1>", f"<h1>Library opens</h1><div class='byline'>Ann Lee <span class='time'>{stamp}</span></div>")


def test_a_date_in_figures_is_read_in_the_order_the_page_writes_dates():
    from datetime import UTC, datetime

    fetched = datetime(2025, 6, 1, tzinfo=UTC)
    us = extract_html(_dated_page("en-US", "3/4/2025"), source="p.html", fetched=fetched)
    assert us.published == "2025-03-04"  # an en-US page writes the month first
    uk = extract_html(_dated_page("en-GB", "3/4/2025"), source="p.html", fetched=fetched)
    assert uk.published == "2025-04-03"
    # no locale to go by, but a comment dated 12/21/2024 shows the month comes first on this page
    comment = "<div class='comment'><span>Posted 12/21/2024</span> Great news for the town.</div>"
    shown = extract_html(_dated_page("en", "3/4/2025", comment), source="p.html", fetched=fetched)
    assert shown.published == "2025-03-04"
    # and 21/12/2024 shows the day comes first, whatever the locale says
    comment = comment.replace("12/21/2024", "21/12/2024")
    shown = extract_html(_dated_page("en-US", "3/4/2025", comment), source="p.html", fetched=fetched)
    assert shown.published == "2025-04-03"
