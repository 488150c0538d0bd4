"""Authors come from this article's byline: labels, sections, placeholders and the site are not authors."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.extract.authors import clean_author, clean_authors, site_names, strip_prefix
from dateline.extract.html import extract_html

FIXTURES = Path(__file__).parent.parent / "fixtures" / "html"


@pytest.mark.parametrize("value", [
    "Author Archives", "Zeige alle Artikel", "View all posts", "Unknown", "Written By",
    "About the Author", "Member Login", "Rédaction", "Redaktion", "Dec", "Privacy Policy", "admin",
])
def test_labels_sections_placeholders_and_dates_are_not_authors(value):
    assert clean_author(value) is None


@pytest.mark.parametrize("value, name", [
    ("von Anna Schmidt", "Anna Schmidt"), ("Par Marie Dupont", "Marie Dupont"), ("By: Jane Doe", "Jane Doe"),
    ("Articles by Juliette", "Juliette"), ("Ein Beitrag von Jonas Weber", "Jonas Weber"),
    ("Byron Kelly", "Byron Kelly"), ("Jo\u00adhanna Keller", "Johanna Keller"),
])
def test_words_before_the_name_are_taken_off(value, name):
    assert strip_prefix(value) == name or clean_author(value) == name
    assert clean_author(value) == name


def test_the_site_or_its_publisher_is_not_an_author():
    sites = site_names("National Geographic", url="https://www.heise.de/news/x.html")
    assert clean_author("National Geographic", sites) is None
    assert clean_author("Heise", sites) is None
    assert clean_authors(["Heise", "Daryl Austin"], sites) == ["Daryl Austin"]


def test_the_byline_beats_a_publisher_given_as_author_and_menu_and_sidebar_names():
    path = FIXTURES / "junk-authors.html"
    article = extract_html(path.read_text(encoding="utf-8"), source=str(path))
    assert article.authors == ["Nora Quayle"]


def test_the_site_stays_the_author_when_no_person_is_named(tmp_path):
    html = (FIXTURES / "junk-authors.html").read_text(encoding="utf-8")
    html = html.replace('<a href="/author/nora-quayle/">Nora Quayle</a>', "").replace(
        '<a href="/author/tom-feld/">Tom Feld</a>', "")
    article = extract_html(html, source="page.html")
    assert article.authors == ["Brackwater Gazette"]
