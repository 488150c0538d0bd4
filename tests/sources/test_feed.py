"""RSS and Atom feeds built from the project's own pages; followed links are served from 127.0.0.1."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

import pytest

from dateline import Article, Pipeline
from dateline.sources import RawDoc, iter_inputs

from .helpers import FIXTURES, PAGES, Route, content, local_server, page

DATES = ("Tue, 12 Mar 2024 08:30:00 GMT", "Tue, 02 Apr 2024 15:05:00 GMT", "Mon, 20 May 2024 11:00:00 GMT")


def article_body(name: str) -> str:
    """The inner HTML of the page's story, without its <h1>."""
    html = page(name).decode("cp1252" if name == "summit.html" else "utf-8")
    body = re.search(r"<(article|div class=\"story\")>(.*?)</(article|div)>", html, re.S).group(2)
    return re.sub(r"<h1>.*?</h1>|<p class=\"byline\">.*?</p>", "", body, flags=re.S)


def title(name: str) -> str:
    return re.search(r"<h1>(.*?)</h1>", page(name).decode("cp1252")).group(1)


def rss(base: str) -> bytes:
    items = "".join(
        f"<item><title>{escape(title(name))}</title><link>{base}/news/{name}</link>"
        f"<pubDate>{date}</pubDate><guid>{base}/news/{name}</guid>"
        f"<description>{escape(title(name))}.</description>"
        f"<content:encoded><![CDATA[{article_body(name)}]]></content:encoded></item>"
        for name, date in zip(PAGES, DATES, strict=True)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>Regional Wire</title><link>{base}/</link><description>Stories</description>{items}"
        "</channel></rss>"
    ).encode()


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(nlp=False)


def test_items_become_records_with_their_title_link_date_and_content(tmp_path: Path, pipe: Pipeline):
    feed = tmp_path / "wire.xml"
    feed.write_bytes(rss("https://wire.example.net"))
    records = list(pipe.run([str(feed)]))
    assert all(isinstance(r, Article) for r in records), records
    assert [r.title for r in records] == [title(n) for n in PAGES]
    assert [r.url for r in records] == [f"https://wire.example.net/news/{n}" for n in PAGES]
    assert [r.published[:10] for r in records] == ["2024-03-12", "2024-04-02", "2024-05-20"]
    assert {r.publisher for r in records} == {"Regional Wire"}
    assert {r.source for r in records} == {str(feed)}
    pages = list(pipe.run([str(FIXTURES / n) for n in PAGES]))
    assert [r.text for r in records] == [p.text for p in pages]  # the item's content is the story


def test_follow_fetches_each_item_page_like_process_does():
    pipe = Pipeline(nlp=False, follow=True, allow_private=True)  # the test server is on 127.0.0.1
    routes = {f"/news/{n}": Route(body=page(n), headers={"Content-Type": "text/html"}) for n in PAGES}
    with local_server(routes) as server:
        server.routes["/feed.xml"] = Route(body=rss(server.base), headers={"Content-Type": "application/rss+xml"})
        records = list(pipe.run([f"{server.base}/feed.xml"]))
    assert [r.source for r in records] == [f"{server.base}/news/{n}" for n in PAGES]
    pages = list(pipe.run([str(FIXTURES / n) for n in PAGES]))
    assert [content(r.to_dict(), but=("publisher",)) for r in records] == [
        content(p.to_dict(), but=("publisher",)) for p in pages
    ]


def test_items_already_stored_are_skipped(tmp_path: Path):
    feed = tmp_path / "wire.xml"
    feed.write_bytes(rss("https://wire.example.net"))
    stored = {"https://wire.example.net/news/council.html"}
    docs = list(iter_inputs([str(feed)], seen=stored.__contains__))
    assert [d.url for d in docs] == [f"https://wire.example.net/news/{n}" for n in ("harbour.html", "summit.html")]


def test_an_atom_feed_with_plain_text_summaries(tmp_path: Path):
    feed = tmp_path / "atom.xml"
    feed.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Valley Notes</title><id>urn:x</id><updated>2024-02-01T00:00:00Z</updated>"
        "<entry><title>Library extends opening hours</title><link href=\"https://valley.example/library\"/>"
        "<id>urn:1</id><updated>2024-02-01T09:00:00Z</updated><author><name>Ana Costa</name></author>"
        "<summary>The town library will open until nine in the evening from March.\n\n"
        "Volunteers will staff the extra hours, the librarian said.</summary></entry></feed>",
        encoding="utf-8",
    )
    [doc] = list(iter_inputs([str(feed)]))
    assert isinstance(doc, RawDoc) and doc.url == "https://valley.example/library"
    [record] = Pipeline(nlp=False).run([doc])
    assert record.title == "Library extends opening hours"
    assert record.text.split("\n\n") == [
        "The town library will open until nine in the evening from March.",
        "Volunteers will staff the extra hours, the librarian said.",
    ]
    assert record.authors == ["Ana Costa"]
