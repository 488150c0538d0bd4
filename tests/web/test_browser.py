"""End to end in real headless Chromium: pages ingested through the pipeline, served by `dateline serve`.

Screenshots go to test-output/web/. Debian's chromium is installed by `make browser`
(a prerequisite of `make test`).
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.store import open_store

from .conftest import EXAMPLES, OUTPUT, PAGES
from .records import harbour_talks, hostile
from .server import Server

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="run `make browser` (as root) to install chromium")

HOSTILE_PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>&lt;script&gt;window.__xss=20&lt;/script&gt;Hostile page – Evil Gazette</title>
<meta property="article:published_time" content="2024-03-20T10:00:00Z"></head>
<body><article><h1>&lt;script&gt;window.__xss=20&lt;/script&gt;Hostile page</h1>
<p>A paragraph that reads &lt;script&gt;window.__xss = 21; alert(21)&lt;/script&gt; in plain text,
followed by &lt;img src=x onerror="window.__xss=22"&gt; and a &lt;a href="javascript:window.__xss=23"&gt;link&lt;/a&gt;.</p>
<p>"&lt;iframe src=javascript:alert(24)&gt;&lt;/iframe&gt; is what they typed," said Mallory Finch, a security researcher,
on Wednesday when she spoke to reporters in London about the page.</p>
<p>The &lt;style&gt;body{display:none}&lt;/style&gt; and &lt;svg onload=alert(25)&gt; tags stayed on the page as text.</p>
</article></body></html>
"""


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Iterator[Server]:
    """The examples and the fixture pages ingested by `dateline ingest` (spaCy included), plus hostile records."""
    folder = tmp_path_factory.mktemp("served")
    (folder / "hostile-page.html").write_text(HOSTILE_PAGE, encoding="utf-8")
    db = folder / "browse.db"
    ingest = subprocess.run(
        [sys.executable, "-m", "dateline", "ingest", "--quiet", "--workers", "1", "--db", str(db), str(EXAMPLES),
         str(PAGES), str(folder / "hostile-page.html")],
        capture_output=True, text=True, timeout=600,
    )
    assert ingest.returncode == 0, ingest.stderr
    with open_store(db) as store:
        store.upsert(hostile())
        store.upsert(harbour_talks())
    with Server(db) as server:
        yield server


@pytest.fixture(scope="module")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


def shot(tab, name: str) -> None:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(OUTPUT / f"{name}.png"), full_page=True)


def test_search_article_quote_entity_timeline(served, page):
    page.goto(served.url + "/")
    stored = page.request.get(served.url + "/api/stats").json()["articles"]
    assert stored >= len(list(PAGES.iterdir())) + 3
    assert page.locator("ol.articles li").count() == stored  # every example and fixture page is listed
    shot(page, "01-home")

    page.fill("header input[name=q]", "trade talks")
    page.click("header button[type=submit]")
    page.wait_for_url(re.compile(r"/search\?q=trade\+talks"))
    hit = page.locator("li.hit", has_text="Washington and Beijing agree to resume trade talks").filter(
        has_text="The Harbour Ledger")
    assert hit.locator("mark").count() >= 1
    assert page.locator("aside.facets", has_text="The Harbour Ledger").count() == 1
    shot(page, "02-search")

    hit.locator("a.title").click()
    page.wait_for_url(re.compile(r"/articles/"))
    assert page.locator("h1").inner_text() == "Washington and Beijing agree to resume trade talks"
    quote = page.locator(".body .quote", has_text="ready to work with China").first
    assert quote.is_visible()
    assert "Hartley" in (quote.get_attribute("data-speaker") or "")
    quote.hover()  # the speaker appears beside the quote on hover (CSS, no script)
    tooltip = quote.evaluate("el => getComputedStyle(el, '::after').content")
    assert "Hartley" in tooltip
    side = page.locator(".quotes-list li", has_text="ready to work with China")
    assert "Hartley" in side.locator(".who").inner_text()
    assert page.locator(".body .ent").count() >= 3
    assert page.locator(".duplicates li", has_text="Washington and Beijing").count() == 1  # the syndicated copy
    shot(page, "03-article")

    page.locator(".entities-list a", has_text="China").first.click()
    page.wait_for_url(re.compile(r"/entities/"))
    assert "China" in page.locator("h1").inner_text()
    assert page.locator("section.mentions mark").count() >= 2
    shot(page, "04-entity")

    page.goto(served.url + "/timeline?a=USA&b=CHN&freq=month")
    chart = page.locator("svg.chart")
    assert chart.is_visible()
    assert chart.locator("rect.bar").count() >= 2  # the February and March stories
    assert page.locator("table.rows tbody tr").count() >= 2
    shot(page, "05-timeline")

    twin = page.request.get(served.url + "/api/timeline?a=USA&b=CHN&freq=month")
    assert twin.ok and twin.json()["rows"]


def test_article_with_overlapping_spans_and_byline(served, page):
    page.goto(served.url + "/articles/a-harbour")
    assert page.locator(".byline", has_text="By Mara Olsen in Oslo").is_visible()
    assert page.locator(".media", has_text="Ministers arrive at the harbour office").is_visible()
    speaker = page.locator(".body .quote ~ .speaker, .body .speaker").first
    assert speaker.inner_text() == "Brask"
    assert page.locator(".body .event.quad-3 a.ent").count() == 2  # entity mentions inside the event
    shot(page, "06-article-spans")


def test_every_section_byline_and_media_caption_is_shown(served, page):
    listing = page.request.get(served.url + "/api/articles?limit=1000").json()["articles"]
    shown = 0
    for summary in listing:
        record = page.request.get(f"{served.url}/api/articles/{summary['id']}").json()["article"]
        bylines = [s["byline"] for s in record["sections"] if s["byline"]]
        captions = [m["caption"] for m in record["media"] if m["caption"]]
        if not (bylines or captions):
            continue
        page.goto(f"{served.url}/articles/{summary['id']}")
        assert page.locator(".body .byline").all_inner_texts() == bylines
        assert page.locator(".media li").count() == len(record["media"])
        for caption in captions:
            assert page.locator(".media li", has_text=caption).count() >= 1
        shown += 1
        if len(bylines) > 1:
            shot(page, "08-sections")
    assert shown >= 2  # the hand-written record and the ingested pages with figures


def test_hostile_text_stays_inert(served, page):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    hostile_urls = ["/articles/a-hostile", "/search?q=script", "/search?q=hostile", "/entities?type=PERSON",
                    "/quotes", "/events"]
    listing = page.request.get(served.url + "/api/search?q=hostile").json()
    hostile_urls += [f"/articles/{hit['id']}" for hit in listing["hits"]]
    assert len(hostile_urls) > 6  # the ingested hostile page was found
    for url in hostile_urls:
        page.goto(served.url + url)
        for element in page.locator(".body .quote, .body .speaker, .body .ent, h1, .meta a, .who").all()[:20]:
            element.hover(timeout=2000, force=True)  # an inline handler, were one rendered, would fire here
        assert page.evaluate("() => window.__xss") is None, url
        assert page.locator("script, iframe, img, svg:not(.chart), style").count() == 0, url
    assert dialogs == []
    page.goto(served.url + "/articles/a-hostile")
    assert "<script>" in page.locator("h1").inner_text()  # shown as text, not run
    assert page.locator("a[href^='javascript:']").count() == 0
    shot(page, "07-hostile")


def test_search_filters_facet_events_timeline_bar_and_csv(served, page):
    """The analyst's walk: a search with a filter, a facet, the events of the results, a timeline, the
    events behind one bar, and the CSV download of them."""
    page.goto(served.url + "/search?q=trade+talks")
    form = page.locator("form.search-filters")
    form.locator("input[name=since]").fill("2024-01")
    form.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"since=2024-01"))
    assert page.locator("p.chips a.chip", has_text="since: 2024-01").count() == 1
    assert form.locator("input[name=q]").input_value() == "trade talks"  # the form keeps the query
    assert page.locator("svg.volume rect.volume-bar").count() >= 1
    shot(page, "10-search-filtered")

    page.locator("aside.facets a", has_text="The Harbour Ledger").first.click()
    page.wait_for_url(re.compile(r"publisher=The\+Harbour\+Ledger"))
    assert page.locator("p.chips a.chip").count() == 2
    page.locator("a.events-of-results").click()
    page.wait_for_url(re.compile(r"/events\?q=trade\+talks"))
    rows = page.locator("table.events tbody tr")
    assert rows.count() >= 1 and "The Harbour Ledger" in rows.first.inner_text()
    shot(page, "11-events-of-results")

    page.goto(served.url + "/timeline?a=USA&b=China&freq=month")
    bar = page.locator("svg.chart a.bar-link").first
    assert bar.count() == 1
    href = bar.get_attribute("href") or ""
    shot(page, "12-timeline")
    page.goto(served.url + href)
    assert re.search(r"since=\d{4}-\d{2}-01", page.url)
    assert page.locator("table.events tbody tr").count() >= 1
    with page.expect_download() as download:
        page.locator("a.download").click()
    path = download.value.path()
    header, *lines = Path(path).read_text(encoding="utf-8").splitlines()
    assert header.startswith("article_id,event_index,") and len(lines) >= 1
    shot(page, "13-bar-events")


def test_an_entity_page_gathers_all_its_names(served, page):
    china = page.request.get(served.url + "/api/entities", params={"code": "CHN", "type": "GPE"}).json()
    [merged] = [e for e in china["entities"] if e["key"] == "country-chn"]
    assert len(merged["names"]) >= 2, merged  # "China" and "Beijing" (or "Chinese") on one page
    page.goto(served.url + "/entities/country-chn")
    assert page.locator("p.names").count() == 1
    for name in merged["names"][1:]:
        assert name in page.locator("p.names").inner_text()
    shot(page, "14-entity-merged")


def test_a_map_with_points_that_lead_to_their_events(served, page):
    page.goto(served.url + "/map")
    points = page.locator("svg.map a.map-point")
    assert points.count() >= 2  # the examples' events happen in several countries
    shot(page, "15-map")
    href = points.first.get_attribute("href") or ""
    page.goto(served.url + href)
    assert page.locator("table.events tbody tr td.empty").count() == 0
    assert page.locator("table.events tbody tr").count() >= 1
