"""A body that collapsed is noticed, recovered where the page allows, and carries a warning."""

from __future__ import annotations

from pathlib import Path

from dateline.extract.html import extract_html
from dateline.extract.html.collapse import body_warnings, collapsed, has_sentence, page_paragraphs
from dateline.extract.html.parse import parse_html

FIXTURES = Path(__file__).parent.parent / "fixtures" / "html"
SENTENCE = "The council met on Tuesday evening and agreed to keep both libraries open on Saturdays."


def test_a_body_with_a_small_share_of_the_page_text_is_doubtful():
    warnings = body_warnings([SENTENCE], page_chars=6000, caption_chars=0)
    assert len(warnings) == 1 and "of the page's 6000 characters" in warnings[0]
    assert body_warnings([SENTENCE] * 20, page_chars=2000, caption_chars=0) == []


def test_a_short_page_is_not_judged_by_its_share():
    assert body_warnings([SENTENCE], page_chars=400, caption_chars=0) == []
    assert not collapsed(10, 400)
    assert collapsed(100, 5000) and not collapsed(1000, 5000)


def test_labels_without_a_sentence_are_doubtful():
    labels = ["By Marta Lind", "Play Video", "Share", "Gemerkt auf Mein Konto"]
    assert not has_sentence(labels)
    assert any("no sentence" in w for w in body_warnings(labels, page_chars=0, caption_chars=0))


def test_page_with_its_text_in_a_caption_warns():
    path = FIXTURES / "collapsed-video-page.html"
    article = extract_html(path.read_text(encoding="utf-8"), source=str(path))
    assert any(m.caption and m.caption.startswith("Water covered the valley road") for m in article.media)
    assert "Water covered" not in article.text
    assert any("captions" in w for w in article.warnings)
    assert any("no sentence" in w for w in article.warnings)


def test_page_paragraphs_keep_document_order_and_headings():
    tree = parse_html(
        "<html><body><div><p>First paragraph of the story.</p></div><h2>Later</h2>"
        "<section><p>Second <b>paragraph</b> here.</p><p><p>nested</p></p></section></body></html>"
    )
    body = page_paragraphs(tree)
    assert [(el.tag, el.text) for el in body][:3] == [
        ("p", "First paragraph of the story."), ("head", "Later"), ("p", "Second paragraph here."),
    ]


def test_a_well_extracted_page_carries_no_warning():
    path = FIXTURES / "council-budget.html"
    article = extract_html(path.read_text(encoding="utf-8"), source=str(path))
    assert article.warnings == []


def _split_page(block_class: str) -> str:
    para = ("Paragraph {n} of the harbour story tells what the port authority decided on Monday and why the "
            "ferry operators say the new fees will push up the price of a crossing for families and lorries alike.")
    blocks = [
        f'<div class="{block_class}">' + "".join(f"<p>{para.format(n=b * 3 + i)}</p>" for i in range(3)) + "</div>"
        for b in range(4)
    ]
    return "<html><body><article>" + '<div class="ad-slot">Advertisement</div>'.join(blocks) + "</article></body></html>"


def test_an_article_split_into_blocks_of_one_kind_is_read_whole():
    from lxml import etree

    from dateline.extract.html.collapse import split_article
    from dateline.extract.html.furniture import paragraph_chars

    tree = parse_html(_split_page("article-text rich-text"))
    kept = etree.Element("body")
    for p in tree.find(".//div").findall("p"):  # the extractor kept the first block only
        etree.SubElement(kept, "p").text = p.text
    body = split_article(tree, kept, paragraph_chars(tree))
    assert body is not None
    texts = [el.text for el in body]
    assert len(texts) == 12 and texts[0].startswith("Paragraph 0 ") and texts[-1].startswith("Paragraph 11 ")


def test_layout_classes_are_not_taken_for_a_split_article():
    from lxml import etree

    from dateline.extract.html.collapse import split_article
    from dateline.extract.html.furniture import paragraph_chars

    tree = parse_html(_split_page("col wrapper"))
    kept = etree.Element("body")
    for p in tree.find(".//div").findall("p"):
        etree.SubElement(kept, "p").text = p.text
    assert split_article(tree, kept, paragraph_chars(tree)) is None
