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
