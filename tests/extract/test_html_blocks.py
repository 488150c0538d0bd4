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


@pytest.mark.parametrize(
    ("meta_line", "expected"),
    [
        # a <time> named for the first publication inside a label named for the revision is the revision
        ("<span class='updated-on'><time class='entry-date published updated'>Feb 12, 2025</time></span>",
         (None, "2025-02-12")),
        ("<span class='meta-date'><span class='updated'>2025-11-03</span></span>", (None, "2025-11-03")),
        ("<span class='posted-on'><time class='entry-date published'>Feb 12, 2025</time></span>", ("2025-02-12", None)),
    ],
)
def test_headline_dates_tell_the_first_publication_from_a_revision(meta_line: str, expected: tuple):
    from dateline.extract.html.published import headline_dates

    page = lxml.html.fromstring(f"<html><body><h1>Headline</h1><div>{meta_line}</div><p>{para(1)}</p></body></html>")
    assert headline_dates(page) == expected


def _dated_page(meta_line: str, stated: str) -> str:
    return (
        "<html><head><title>Ferry timetable changes</title>"
        f'<script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": "{stated}"}}</script></head>'
        f"<body><article><h1>Ferry timetable changes</h1><div class='entry-meta'>{meta_line}</div>"
        + "".join(f"<p>{para(i)}</p>" for i in range(4)) + "</article></body></html>"
    )


def test_a_page_that_prints_only_its_revision_is_dated_by_its_stated_first_publication():
    revised = "<span class='updated-on'><time class='entry-date published updated'>Feb 12, 2025</time></span>"
    article = extract_html(_dated_page(revised, "2020-03-10T15:30:00+00:00"), source="revised.html")
    assert article.published == "2020-03-10T15:30:00+00:00"
    # a date printed under the headline with no mark of a revision still beats older metadata
    printed = "<span class='posted-on'>Feb 12, 2025</span>"
    assert extract_html(_dated_page(printed, "2020-03-10T15:30:00+00:00"), source="printed.html").published == "2025-02-12"
    # and a revision stated before the metadata's date is no revision of it: the page's date stands
    assert extract_html(_dated_page(revised, "2025-06-01T08:00:00+00:00"), source="later.html").published == "2025-02-12"


def test_no_headline_no_headline_date():
    page = lxml.html.fromstring("<html><body><span class='date'>12 May 2022</span><p>Text</p></body></html>")
    assert headline_date(page) is None


# -- text set loose in its containers, and button labels ------------------------------------------


@pytest.fixture(scope="module")
def kettles():
    path = FIXTURES / "kettle-review-loose-text.html"
    return extract_html(path.read_text(encoding="utf-8"), source=str(path))


def test_paragraphs_written_without_p_elements_are_read(kettles):
    """A page may set its paragraphs straight into a <div>, between images and links: that text is
    the article, however it is marked up (the extractor keeps it as the tail of the block before)."""
    for loose in ("A kettle earns its place on a small counter only when it boils fast",
                  "The short version is that price says little about how a kettle behaves",
                  "The Harbour Mini holds only a litre", "The Ridge Steel is the heaviest of the three",
                  "The Lantern Glass lights up blue while it heats"):
        assert loose in kettles.text
    assert "For a small kitchen, we would choose the Harbour Mini" in kettles.text
    assert "The one thing we would change is the switch, its only fault" in kettles.text


def test_a_link_the_page_repeats_as_a_button_is_no_paragraph(kettles):
    assert "Check price at the shop" not in kettles.text
    assert "Get our weekly picks" not in kettles.text
    assert "All rights reserved" not in kettles.text


def test_button_labels_are_controls_and_repeated_links():
    from dateline.extract.html.body import button_labels

    tree = lxml.html.fromstring(
        "<div><button>Load more</button><a class='btn-primary' href='/t'>Start your trial</a>"
        "<a href='/a'>Shop now</a><a href='/b'>Shop now</a><a href='/c'>Shop now</a>"
        "<a href='/d'>City Council</a><a href='/e'>City Council</a>"
        "<a href='/f' role='button'>This is a whole sentence, not a label.</a></div>"
    )
    assert button_labels(tree) == {"load more", "start your trial", "shop now"}


def test_the_measure_of_a_page_s_prose_counts_text_outside_p_elements():
    from dateline.extract.html.furniture import paragraph_chars

    loose = "A paragraph set straight into its container, with no p element around it at all."
    tree = lxml.html.fromstring(f"<div><div>{loose}<br>Home</div><p>And one in a p.</p><a>{loose}</a></div>")
    assert paragraph_chars(tree) == len(loose) + len("And one in a p.")


def test_a_button_label_is_taken_out_of_the_paragraph_it_ends_or_stands_in():
    from dateline.extract.builder import ArticleBuilder
    from dateline.extract.html.body import BodyWalker

    body = etree.fromstring(
        "<body><p>The kettle boiled a litre in two minutes. Check price</p><p>Check price</p>"
        "<p>The lid opens with one thumb.\nCheck price\nThe spout never drips.</p></body>"
    )

    def walked(labels: frozenset[str]) -> str:
        builder = ArticleBuilder()
        BodyWalker(builder, None, labels=labels).walk(body)
        return builder.text

    assert walked(frozenset()).count("Check price") == 3
    text = walked(frozenset({"check price"}))
    assert "Check price" not in text
    assert "The kettle boiled a litre in two minutes." in text
    assert "The spout never drips." in text


def test_the_prose_left_after_the_furniture_is_the_page_s_own_measure():
    from dateline.extract.html.furniture import paragraph_chars, strip_furniture

    loose = "A paragraph set straight into its container, with no p element around it at all."
    html = (f"<html><body><div class='entry'>{loose}<p>{PROSE}.</p></div>"
            f"<div class='sidebar'>Another run of loose text, long enough to count as prose here.<p>Sidebar.</p></div>"
            f"<div class='entry'>{loose}</div></body></html>")
    tree = lxml.html.fromstring(html)
    count, left = strip_furniture(tree)
    assert count == 1
    assert left == paragraph_chars(tree) == len(loose) + len(PROSE) + 1


def test_the_opening_of_an_element_reads_its_text_with_spaces_normalised():
    from dateline.extract.html.parse import opening

    el = lxml.html.fromstring("<div>\n   By\n\t<b>Ana</b>   Lima<p>" + PROSE + "</p></div>")
    assert opening(el, 3) == "By "
    assert opening(el, 11) == "By Ana Lima"
    # XPath's normalize-space: only space, tab and line breaks are spaces; the end is stripped
    assert opening(lxml.html.fromstring("<p>By\xa0Ana</p>"), 3) == "By\xa0"
    assert opening(lxml.html.fromstring("<p>By  </p>"), 3) == "By"


def test_a_sub_heading_s_byline_is_read_past_a_comment_between_them():
    from dateline.extract.html.body import section_bylines

    tree = lxml.html.fromstring(
        "<html><body><h2>Part two: the river</h2><!-- byline --><p>By Ana Lima</p><p>" + PROSE + "</p>"
        "<h3>Part three</h3><p>Byways of the delta are many.</p></body></html>"
    )
    assert section_bylines(tree) == {"part two the river": "Ana Lima"}


def test_furniture_and_the_page_s_prose_are_measured_without_the_root_itself():
    # the root is never a candidate, and text set loose in it still counts
    loose = "A paragraph set straight into its container, with no p element around it at all."
    tree = lxml.html.fromstring(f"<div class='share-tools'>{loose}<div class='menu'>Home News</div></div>")
    from dateline.extract.html.furniture import strip_furniture

    assert strip_furniture(tree) == (1, len(loose))
