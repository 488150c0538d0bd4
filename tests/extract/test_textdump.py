"""The text-dump cleaner on dumps written for the project (tests/fixtures/dumps)."""

from __future__ import annotations

import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dateline.extract.textdump import extract_dump
from dateline.model import Article

DUMPS = Path(__file__).resolve().parent.parent / "fixtures" / "dumps"
FETCHED = datetime(2025, 9, 1, 12, 0, tzinfo=UTC)


def dump(name: str, fetched: datetime | None = FETCHED) -> tuple[str, Article]:
    text = (DUMPS / name).read_text(encoding="utf-8")
    return text, extract_dump(text, source=name, fetched=fetched)


def paragraphs(article: Article, kind: str | None = None) -> list[str]:
    return [article.text[p.start : p.end] for p in article.paragraphs if kind is None or p.kind == kind]


@pytest.fixture(scope="module")
def broadcaster() -> tuple[str, Article]:
    return dump("translated-broadcaster.txt")


def test_title_once_without_publisher_suffix(broadcaster):
    _, article = broadcaster
    assert article.title == "Volunteers rebuild the flooded library of Ostrava Lane before the school year"
    assert article.publisher == "Global Radio Hungarian"
    assert "Volunteers rebuild the flooded library" not in article.text


def test_relative_time_resolved_against_fetched(broadcaster):
    _, article = broadcaster
    assert article.published == "2025-09-01T11:20:00+00:00"
    assert "40 minutes ago" not in article.text


def test_relative_time_without_capture_time_gives_no_date():
    _, article = dump("translated-broadcaster.txt", fetched=None)
    assert article.published is None


@pytest.mark.parametrize(
    "furniture",
    [
        "Breaking news",
        "--",
        "Your device does not support playing multimedia materials",
        "Add text to the video",
        "Image caption",
        "image source",
        "Danube Photo Service",
        "The article is in Hungarian",
        "Tags:",
        "NEXT",
        "Ferry service resumes",
        "Global Radio education correspondent",
        "Regional Editor",
    ],
)
def test_page_furniture_is_not_text(broadcaster, furniture):
    _, article = broadcaster
    assert furniture not in article.text


def test_body_paragraphs_are_kept_whole(broadcaster):
    _, article = broadcaster
    body = paragraphs(article, "body")
    assert body[0].startswith("More than two hundred volunteers")
    assert body[-1] == "The council said donations can be left at the front desk during opening hours."
    assert any(p.startswith('"We did not know if paper could survive that,"') for p in body)


def test_sub_headings_open_sections_with_their_bylines(broadcaster):
    _, article = broadcaster
    sections = [(s.heading, s.byline) for s in article.sections]
    assert sections == [
        ("How the books were saved", None),
        ("The children come back", "Global Radio education correspondent Peter Almasi"),
        ("The cost of the flood", "Kata Benedek, Regional Editor, Global Radio"),
        ("What the library still needs", None),
    ]
    assert paragraphs(article, "heading") == [s[0] for s in sections]
    assert article.authors == ["Peter Almasi", "Kata Benedek"]


def test_section_offsets_cover_their_paragraphs(broadcaster):
    _, article = broadcaster
    for index, section in enumerate(article.sections):
        inside = [p for p in article.paragraphs if p.section == index]
        assert inside[0].start == section.start
        assert inside[-1].end == section.end
        assert article.text[section.start : section.end].startswith(section.heading)


def test_bulleted_lines_are_list_items_without_their_marks(broadcaster):
    _, article = broadcaster
    items = paragraphs(article, "list_item")
    assert len(items) == 3
    assert items[0] == "About six hundred picture books for children under seven."
    assert "•" not in article.text


def test_captions_and_credits_are_media(broadcaster):
    _, article = broadcaster
    media = [(m.kind, m.caption, m.credit) for m in article.media]
    assert media == [
        ("video", "Librarian Vera Halasz shows the shelves that were under water in June.", None),
        ("image", "Volunteers spread wet books on tables in the school gym.", None),
        ("image", "The reading corner on the morning of the reopening", "Danube Photo Service"),
        ("image", None, "Danube Photo Service"),
    ]
    assert "Volunteers spread wet books" not in article.text


def test_tags_and_language(broadcaster):
    _, article = broadcaster
    assert article.tags == ["library", "floods", "volunteers", "Ostrava Lane"]
    assert article.language == "en"
    assert article.warnings == []


def test_newspaper_menus_prompts_dateline_and_footer():
    _, article = dump("newspaper-menus.txt")
    assert article.title == "Harbour museum opens a gallery of ship models"
    assert article.publisher == "The Eastport Courier"
    assert article.published == "2025-11-03T00:00:00+00:00"
    assert article.authors == ["Clara Jansen"]
    body = paragraphs(article)
    assert body[0].startswith("EASTPORT — The harbour museum opened")
    assert body[-1].startswith("The gallery is open from Tuesday to Sunday")
    for noise in ("Subscribe", "Obituaries", "newsletter", "Share this", "Follow the Courier", "Privacy Policy", "©",
                  "By Clara"):
        assert noise not in article.text


def test_blog_share_buttons_comments_and_related_stories():
    _, article = dump("blog-comments.txt")
    assert article.title == "A week of walking the old canal towpath"
    assert article.publisher == "Long Way Round Journal"
    assert article.authors == ["Ruth Calloway"]
    assert article.published == "2024-05-02T00:00:00+00:00"
    assert len(paragraphs(article)) == 4
    for noise in ("Tweet", "Related stories", "Ten bridges", "says:", "I walked the same route", "Leave a Reply"):
        assert noise not in article.text
    assert [(m.caption, m.credit) for m in article.media] == [(None, "Ruth Calloway")]


def test_a_dump_without_an_article_gets_a_warning():
    _, article = dump("no-article.txt")
    assert article.text == ""
    assert article.paragraphs == []
    assert any("no run of article prose" in w for w in article.warnings)


@pytest.mark.parametrize("text", ["", "\n\n   \n", "Hello.", "•", "-- | --", "\x00\x01 binary-ish \ufffd"])
def test_tiny_dumps_do_not_raise(text):
    article = extract_dump(text, source="tiny")
    assert isinstance(article.text, str)


def test_a_very_long_dump_keeps_every_paragraph():
    menu = "\n".join(f"Section {i}" for i in range(300))
    paragraph = "Paragraph number {n} of the long report says that the committee met again, as it does every week."
    body = "\n\n".join(paragraph.format(n=n) for n in range(3000))
    text = f"The long report - Example Daily\n\n{menu}\n\n{body}\n\n{menu}\n"
    article = extract_dump(text, source="long")
    assert len(article.paragraphs) == 3000
    assert article.text.startswith("Paragraph number 0 of the long report")
    assert "Section 12" not in article.text


def test_a_dump_wrapped_at_a_fixed_width_reads_like_the_unwrapped_one(broadcaster):
    text, article = broadcaster
    wrapped = "\n".join(
        "\n".join(textwrap.wrap(line, 76, subsequent_indent="    " if line.lstrip().startswith("•") else ""))
        for line in text.split("\n")
    )
    rewrapped = extract_dump(wrapped, source="wrapped", fetched=FETCHED)
    assert paragraphs(rewrapped) == paragraphs(article)
    assert [s.heading for s in rewrapped.sections] == [s.heading for s in article.sections]


def test_lynx_link_marks_are_dropped():
    text = (DUMPS / "newspaper-menus.txt").read_text(encoding="utf-8").replace("Home\n", "[3]Home\n")
    text = text.replace("The oldest model", "The [12]oldest model")
    article = extract_dump(text, source="lynx")
    assert "[12]" not in article.text
    assert "The oldest model, a three-masted schooner" in article.text


def test_gallery_counters_toggles_reading_time_and_record_card_are_not_text():
    _, article = dump("gallery-factbox.txt")
    assert article.authors == ["Tom Ashby"]
    assert article.published == "2025-03-03T00:00:00+00:00"
    body = paragraphs(article)
    assert len(body) == 4
    assert body[0].startswith("The first turbines of the wind farm")
    assert body[-1].startswith("Fishermen who had opposed the project")
    for noise in ("min read", "Image 1 of 6", "less", "Back to Gallery", "Continue Reading", "Credit:",
                  "Edited by", "Published:", "Most read", "Port tolls"):
        assert noise not in article.text
    assert ("Engineers check the cables at the onshore station", "Cape Energy/Handout") in [
        (m.caption, m.credit) for m in article.media
    ]


def test_a_chinese_dump_without_spaces_between_words():
    _, article = dump("chinese-news.txt")
    assert article.title == "北方港口开通新的夜间渡轮航线"
    assert article.publisher == "海岸日报"
    assert article.published == "2025-03-03T00:00:00+00:00"
    assert article.language == "zh"
    body = paragraphs(article)
    assert len(body) == 4
    assert body[0].startswith("北方港口管理局周一宣布")
    assert "相关新闻" not in article.text
    assert "版权所有" not in article.text


def test_a_related_box_inside_the_article_does_not_cut_off_what_follows():
    _, article = dump("related-box-inside.txt")
    assert article.text.startswith("Farmers in the upper valley")
    assert "two more farms plan to dig their own before the first autumn rains arrive." in article.text
    assert "Orchard owners count the cost" not in article.text
    assert "Share this story" not in article.text


def test_an_article_made_of_short_rows_is_kept_whole():
    """A results list alternates short rows (a score, a section name) with longer ones; a menu
    is an unbroken run of short lines. The rows are text, the menus around them are not."""
    _, article = dump("results-table.txt")
    assert article.text.startswith("Eastfield came back from nine points down")
    for row in ("Eastfield d. Millbrook 61-58", "Millbrook 18 14 15 11 — 58", "Lakeside first, Harbor second",
                "Westgate d. Eastfield 3.5-2.5", "Board three: Marsh", "Harbor 6:49"):
        assert row in article.text
    assert "Schools can send their results to the sports desk by Sunday evening." in article.text
    for menu in ("Weather", "Contact us", "Rowing club opens its boathouse", "All rights reserved"):
        assert menu not in article.text


def test_shares_in_a_heading_is_not_a_share_button():
    from dateline.extract.textdump.furniture import furniture
    from dateline.extract.textdump.lines import split_lines

    def label(text: str) -> str | None:
        [line] = split_lines(text, frozenset({"the", "of", "a"}))
        found = furniture(line)
        return found.label if found else None

    assert label("1.2K shares") == "share"
    assert label("Shares") == "share"
    assert label("Share on Facebook") == "share"
    assert label("Carmaker shares fall after the recall") is None
    assert label("Mayor shares plans for the harbour") is None


def test_a_schedule_of_rows_of_one_shape_is_kept_with_the_article():
    """'June 4 -- Hall, Town' line after line is a table: rows with figures and separators in the
    same places. A menu is bare words, and stays out."""
    _, article = dump("tour-dates.txt")
    assert article.text.startswith("The Lantern Choir will tour again")
    assert "June 4 -- St Mary's Hall, Redfield" in article.text
    assert "July 5 -- Music Room, Ashby Vale" in article.text
    assert "Tickets go on sale on Friday" in article.text
    for menu in ("Podcasts", "Newsletters", "Five films to see this winter", "All rights reserved"):
        assert menu not in article.text


def test_a_results_table_set_out_with_spaces_is_the_article():
    """A standings table of rows that are a rank, a name and figures ('3 Jane Doe 1650 2 6 10') is
    no run of headlines glued to teasers: figures are no headline words. Rows of the same number
    of figures line after line are a table, and an article made mostly of one is kept whole."""
    _, article = dump("standings-table.txt")
    assert article.text.startswith("Here are the final standings of the Hill Series")
    for row in ("1 Tomas Varga 1840 5 8 11", "7 Anna Kowal 1302 0 2 8", "12 Rosa Almeida 940 0 0 4"):
        assert row in article.text
    assert "invited to the winter criterium in December." in article.text
    for menu in ("Calendar", "Newsletter", "Gravel worlds come to the valley", "Privacy"):
        assert menu not in article.text


def test_figures_do_not_make_a_headline():
    from dateline.extract.textdump.lines import split_lines

    [row, headline] = split_lines("3 Marek Sol 1650 2 6 10\nTen Riders To Watch In The 2025 Hill Series Next", frozenset())
    assert row.capitalised_lead == 2
    assert headline.capitalised_lead == 9


def test_a_short_post_is_not_outweighed_by_its_comment_thread():
    """Blog software heads each comment with its writer and time ('Ana on March 5, 2024 at 9:14 am
    said:'); the replies under such headers are readers' comments however long they run."""
    _, article = dump("open-thread-comments.txt")
    assert article.text.startswith("We host an open thread each quarter")
    assert article.text.endswith("You can find our December open thread here.")
    for comment in ("said:", "ferry timetable", "Hi Aileen", "northern harbours"):
        assert comment not in article.text


def test_comments_told_by_names_over_time_stamps_stay_out():
    """Under a comment section's heading, a name over a time stamp ('2 days ago at 07:52 am') again
    and again is a thread, not text that goes on from the article."""
    _, article = dump("rated-comments.txt")
    assert article.text.startswith("The council will rebuild the Mill Street junction")
    assert article.text.endswith("residents have complained about queues at peak times for several years.")
    for comment in ("Rating:", "lorries that cut through", "number 9", "market"):
        assert comment not in article.text


def test_a_byline_and_date_printed_twice_under_a_comments_link_are_no_thread():
    _, article = dump("byline-twice.txt")
    assert article.text.startswith("When the marine biologist Ines Caro looked through ten years of sonar records")
    assert article.text.endswith("down into deeper water.")


def test_comment_headers_and_section_headings_are_labelled():
    from dateline.extract.textdump.furniture import furniture
    from dateline.extract.textdump.lines import split_lines

    def label(text: str) -> str | None:
        [line] = split_lines(text, frozenset({"the", "of", "a", "on", "at"}))
        found = furniture(line)
        return found.label if found else None

    assert label("Jane Doe on March 3, 2019 at 4:12 pm said:") == "comment_header"
    assert label("jbaxt says:") == "comment_header"
    assert label("Speaking at the summit on Monday, the minister said:") is None
    for heading in ("[ 167 comments ]", "Top Rated Comments", "12 Comments", "Reader comments"):
        assert label(heading) == "comments"
    assert label("Comments are closed.") == "comments"


def test_a_list_announced_by_a_colon_is_read_with_the_text_after_it():
    """'Crops that stand through the frost:' over lines of a few words is a list whose bullet marks
    the text browser dropped: its items are list items, and the article goes on past them."""
    _, article = dump("announced-list.txt")
    items = paragraphs(article, "list_item")
    assert items[:6] == ["leeks of a late variety", "parsnips sown in spring", "kale, curly or black", "winter cabbage",
                         "Brussels sprouts on stakes", "chard under a cloche"]
    assert "moving the strawberry bed" in items
    assert "Garlic goes in before the shortest day" in article.text
    assert article.text.endswith("next year's plan starts from this one.")
    for menu in ("Vegetables", "Ten ways to use a cold frame", "Newsletter"):
        assert menu not in article.text


def test_a_caption_that_ends_with_its_photographer_in_brackets_is_media():
    from dateline.extract.textdump.furniture import furniture
    from dateline.extract.textdump.lines import split_lines

    [line] = split_lines(
        "The two founders pose at the label's offices on June 28, 2024 in Ventura, California. "
        "(Photo by Ana Lima/Harbour Pictures)", frozenset({"the", "at", "on", "in"}))
    found = furniture(line)
    assert found is not None and found.label == "caption"
    assert found.text == "The two founders pose at the label's offices on June 28, 2024 in Ventura, California."
    assert found.credit == "Ana Lima/Harbour Pictures"
    # a sentence that speaks of a photo in brackets is no caption
    [line] = split_lines("The court saw the evidence (a photo by the neighbour) on Monday and adjourned.", frozenset())
    assert furniture(line) is None
