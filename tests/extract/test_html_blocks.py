"""Page furniture taken out, dropped headings and lists put back, and the date under the headline."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from dateline.extract.html import extract_html
from dateline.extract.html.furniture import drop_furniture
from dateline.extract.html.published import headline_date
from dateline.extract.html.restore import restore_dropped

FIXTURES = Path(__file__).parent.parent / "fixtures" / "html"
PROSE = "This sentence is long enough to be a paragraph of the article and to identify it on the page"


def para(n: int) -> str:
    return f"Paragraph {n}: {PROSE}."  # blocks are told apart by their opening words


@pytest.fixture(scope="module")
def guide():
    path = FIXTURES / "garden-guide-furniture.html"
    return extract_html(path.read_text(encoding="utf-8"), source=str(path))


# -- the whole page -----------------------------------------------------------------------------


def test_sidebar_newsletter_and_related_box_inside_the_article_stay_out(guide):
    assert "Every Friday our editors" not in guide.text
    assert "waterlogged lemon tree" not in guide.text
    assert "published independently" not in guide.text
    assert guide.text.startswith("A balcony that never sees the afternoon sun")
    assert guide.text.rstrip().endswith("for the neighbours as well.")


def test_affiliate_disclosure_is_not_article_text(guide):
    assert "commission" not in guide.text


def test_article_wrapped_in_a_sidebar_layout_is_kept_with_its_list(guide):
    kinds = [p.kind for p in guide.paragraphs]
    assert kinds.count("list_item") == 3
    assert kinds.count("body") == 7


def test_date_printed_under_the_headline_beats_older_metadata(guide):
    assert guide.published == "2024-03-03"
    assert guide.authors == ["Marta Kowalczyk"]


# -- furniture -------------------------------------------------------------------------------------


def test_furniture_is_told_by_whole_name_parts():
    tree = lxml.html.fromstring(
        "<html><body><div class='content-sidebar-wrap'><p>" + para(1) + "</p></div>"
        "<div class='site-footer'><p>Footer words</p></div>"
        "<aside id='comments'><p>A reader's comment</p></aside>"
        "<div class='headerbar'><p>Header words</p></div>"
        "<div class='shadow-box'><p>Shadow words</p></div>"
        "<div class='Related_Stories'><p>Another story</p></div></body></html>"
    )
    assert drop_furniture(tree) == 3
    text = tree.text_content()
    assert "Footer words" not in text and "A reader's comment" not in text and "Another story" not in text
    # 'content-sidebar-wrap' also names content; 'headerbar' and 'shadow' only contain furniture letters
    assert PROSE in text and "Header words" in text and "Shadow words" in text


def test_a_container_holding_most_of_the_text_is_never_furniture():
    tree = lxml.html.fromstring(
        "<html><body><div class='nav-layout'>" + "".join(f"<p>{para(i)}</p>" for i in range(5)) + "</div>"
        "<div class='menu'><p>Short menu</p></div></body></html>"
    )
    assert drop_furniture(tree) == 1
    assert tree.text_content().count(PROSE) == 5


# -- blocks the extractor dropped ----------------------------------------------------------------


def body_of(*blocks: tuple[str, str]) -> etree._Element:
    """A body as trafilatura writes it: <p>, <head> and <list> children."""
    body = etree.Element("body")
    for tag, text in blocks:
        etree.SubElement(body, tag).text = text
    return body


def children(body: etree._Element) -> list[tuple[str, str]]:
    return [(c.tag, " ".join(" ".join(c.itertext()).split())) for c in body]


def test_a_heading_goes_back_before_the_block_it_heads():
    page = lxml.html.fromstring(
        f"<html><body><div><p>{para(1)}</p><div class='grid'><h2><strong>Getting started</strong></h2></div>"
        f"<p>{para(2)}</p><h3>Already there</h3><p>{para(3)}</p></div></body></html>"
    )
    body = body_of(("p", para(1)), ("p", para(2)), ("head", "Already there"), ("p", para(3)))
    assert restore_dropped(page, body) == 1
    assert children(body) == [
        ("p", para(1)), ("head", "Getting started"), ("p", para(2)), ("head", "Already there"), ("p", para(3)),
    ]


def test_a_heading_over_text_that_was_not_extracted_stays_out():
    page = lxml.html.fromstring(f"<html><body><p>{para(1)}</p><h2>Most read</h2><p>{para(9)}</p></body></html>")
    body = body_of(("p", para(1)))
    assert restore_dropped(page, body) == 0
    assert children(body) == [("p", para(1))]


def test_a_list_between_two_extracted_paragraphs_goes_back_between_them():
    page = lxml.html.fromstring(
        f"<html><body><div><p>{para(1)}</p><ul><li>First <b>point</b></li><li>Second point</li></ul>"
        f"<p>{para(2)}</p></div></body></html>"
    )
    body = body_of(("p", para(1)), ("p", para(2)))
    assert restore_dropped(page, body) == 1
    assert children(body)[1] == ("list", "First point Second point")
    assert [item.text for item in body[1]] == ["First point", "Second point"]


def test_link_lists_and_lists_beside_unextracted_text_stay_out():
    page = lxml.html.fromstring(
        f"<html><body><p>{para(1)}</p><ul><li><a href='/a'>Related story one</a></li>"
        f"<li><a href='/b'>Related story two</a></li></ul><p>{para(2)}</p>"
        f"<ul><li>A plain point</li></ul><p>{para(3)}</p></body></html>"
    )
    body = body_of(("p", para(1)), ("p", para(2)))  # para(3) was not extracted
    assert restore_dropped(page, body) == 0
    assert len(body) == 2


# -- the date under the headline -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("meta_line", "expected"),
    [
        ("<span class='date'>Published 12 May 2022</span>", "2022-05-12"),
        ("<time>May 12, 2022</time>", "2022-05-12"),
        ("<span class='date'>Last updated: 12 May 2022</span>", None),
        ("<p class='meta'>Updated <span class='date'>12 May 2022</span></p>", None),
        ("<span class='date'>May 1, 2021May 12, 2022</span>", None),
        # a revision named in the markup gives way to the first publication, and stands in when it is alone
        ("<time class='updated'>Jan 2, 2023</time> <time class='entry-date published'>May 12, 2022</time>", "2022-05-12"),
        ("<time class='updated'>Jan 2, 2023</time>", "2023-01-02"),
        # figures that read either way: the machine form of the same <time>
        ("<time datetime='2025-08-01T10:00:00Z'>8/1/2025</time>", "2025-08-01"),
    ],
)
def test_headline_date(meta_line: str, expected: str | None):
    page = lxml.html.fromstring(f"<html><body><h1>Headline</h1><div>{meta_line}</div><p>{para(1)}</p></body></html>")
    assert headline_date(page) == expected


def test_no_headline_no_headline_date():
    page = lxml.html.fromstring("<html><body><span class='date'>12 May 2022</span><p>Text</p></body></html>")
    assert headline_date(page) is None
