"""The HTML path on pages written for the project: structure, media, metadata and dates."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from dateline.extract import extract
from dateline.extract.html import extract_html
from dateline.sources import RawDoc

FIXTURES = Path(__file__).parent.parent / "fixtures" / "html"
EXAMPLES = Path(__file__).parent.parent.parent / "examples"


def page(name: str, fetched: datetime | None = None):
    path = FIXTURES / name
    return extract_html(path.read_text(encoding="utf-8"), source=str(path), fetched=fetched)


def paragraphs(article, kind: str | None = None) -> list[str]:
    return [article.text[p.start : p.end] for p in article.paragraphs if kind is None or p.kind == kind]


@pytest.fixture(scope="module")
def council():
    return page("council-budget.html")


def test_headings_and_list_items_keep_their_kinds(council):
    assert paragraphs(council, "heading") == ["What changes for residents", "The library question"]
    items = paragraphs(council, "list_item")
    assert len(items) == 3
    assert items[0].startswith("parking permits rise")
    assert all(council.text[p.start : p.end].strip() for p in council.paragraphs)


def test_sections_carry_their_headings_and_bylines(council):
    assert [s.heading for s in council.sections] == ["What changes for residents", "The library question"]
    assert council.sections[1].byline == "Sam Whitlow"
    assert council.sections[0].byline is None
    library = council.sections[1]
    assert "380,000 dollars" in council.text[library.start : library.end]
    assert "By Sam Whitlow" not in council.text
    assert council.authors == ["Delia Marsh", "Sam Whitlow"]


def test_captions_and_credits_go_to_media_not_text(council):
    captions = [m.caption for m in council.media]
    credits = [m.credit for m in council.media]
    assert "Council members vote on the final amendment late on Tuesday." in captions
    assert "Kyle Brandt / The Ashford Courier" in credits
    assert any(c and c.startswith("The Northside branch library") for c in captions)
    assert "Council members vote" not in council.text
    assert "Northside branch library on Elm Street" not in council.text
    assert "Kyle Brandt" not in council.text


def test_repeated_headline_and_teasers_are_dropped(council):
    assert council.title == "Ashford council agrees leaner budget after long night of talks"
    assert council.title not in council.text
    assert "Read more" not in council.text
    assert "Most popular" not in council.text
    assert council.text.startswith("Ashford's town council approved")


def test_metadata_from_json_ld_and_link(council):
    assert council.published == "2025-02-11T23:50:00-05:00"  # the page's own offset, not shifted to UTC
    assert council.publisher == "The Ashford Courier"
    assert council.url == "https://courier.example/news/ashford-budget-agreed"
    assert council.language == "en"
    assert council.tags == ["council", "budget"]


def test_date_from_meta_and_language_of_the_text():
    article = page("meta-date-only.html")
    assert article.published == "2024-04-03T08:15:00+02:00"
    assert article.language == "de"
    assert article.title == "Neue Fähre verbindet die Inseln ab Juni"
    assert article.publisher == "Inselbote"


def test_date_found_by_htmldate_and_date_line_kept_out_of_text():
    article = page("visible-date-only.html")
    assert article.published == "2023-10-07"
    assert "Posted on" not in article.text
    assert len(paragraphs(article)) == 4


def test_relative_time_is_resolved_against_the_capture_time():
    fetched = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
    article = page("relative-time.html", fetched=fetched)
    assert article.published == "2025-06-01T09:00:00+00:00"
    assert article.title == "Storm closes mountain pass for second day"
    assert article.publisher == "Alpine Wire"


def test_relative_time_without_capture_time_is_not_guessed():
    article = page("relative-time.html")
    assert article.published is None or not article.published.startswith("2025-06-01")


def test_legacy_charset_with_a_wrong_declaration():
    path = EXAMPLES / "ru-cp1251-bridge.html"
    data = path.read_bytes()
    assert b'charset=utf-8' in data  # the page lies: its bytes are windows-1251
    article = extract(RawDoc(source=str(path), data=data))
    assert article.title == "В Северогорске открыли первый в регионе мост для велосипедистов"
    assert article.publisher == "Вести Приречья"
    assert article.language == "ru"
    assert "пешеходно-велосипедный мост" in article.text
    assert "Фото" not in article.text
    assert article.media[0].credit == "Игорь Белов"
    assert any("charset" in w for w in article.warnings)


def test_page_without_article_content_warns_instead_of_failing():
    html = (
        "<html><head><title>Login | Example</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/about'>About</a></nav>"
        "<form><input name='user'><input type='password'></form></body></html>"
    )
    article = extract(RawDoc(source="login.html", data=html.encode()))
    assert article.text == ""
    assert article.paragraphs == []
    assert any("no" in w and "content" in w or "text" in w for w in article.warnings)


def test_truncated_html_keeps_what_arrived():
    full = (FIXTURES / "council-budget.html").read_text(encoding="utf-8")
    cut = full[: full.index("The vote was seven to two") + 60]
    article = extract_html(cut, source="cut.html")
    assert article.title == "Ashford council agrees leaner budget after long night of talks"
    assert article.text.startswith("Ashford's town council approved a budget")


@pytest.mark.parametrize("name", ["wire-harbour-strike.html", "feature-river-restoration.html", "ru-cp1251-bridge.html"])
def test_examples_give_a_clean_record(name):
    path = EXAMPLES / name
    article = extract(RawDoc(source=str(path), data=path.read_bytes()))
    assert article.title and article.title not in article.text
    assert article.publisher and article.published and article.url
    assert len(article.paragraphs) >= 4
    assert article.media and all(m.caption not in article.text for m in article.media if m.caption)
    for word in ("cookie", "Share on", "Subscribe", "Most read", "All rights reserved", "Related stories"):
        assert word not in article.text
