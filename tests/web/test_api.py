"""The REST API and the pages over a real SQLite store: JSON twins, paging, errors, headers."""

from __future__ import annotations

import pytest

from dateline.cli.serve import allowed_hosts
from dateline.store import open_store
from dateline.web.app import create_app
from dateline.web.security import CONTENT_SECURITY_POLICY

from .conftest import TestClient
from .records import harbour_talks


def test_article_twin_has_every_fact_and_neighbours(client):
    data = client.get("/api/articles/a-harbour").json()
    assert data["article"] == harbour_talks().to_dict()
    assert data["entity_keys"]["e1"] == "person-lena-brask"
    assert data["previous"] is None and data["next"] == "a-hostile"
    assert client.get("/api/articles/a-hostile").json()["previous"] == "a-harbour"


def test_article_page_shows_quote_speaker_byline_caption_and_neighbours(client):
    page = client.get("/articles/a-harbour")
    assert page.status_code == 200
    assert 'data-speaker="Lena Brask"' in page.text
    assert "By Mara Olsen in Oslo" in page.text
    assert "Ministers arrive at the harbour office" in page.text
    assert 'href="/articles/a-hostile"' in page.text
    assert 'href="/api/articles/a-harbour"' in page.text  # the JSON twin


def test_articles_are_newest_first_sorted_and_paged_to_the_end(client):
    first = client.get("/api/articles", params={"limit": 1}).json()
    assert [a["id"] for a in first["articles"]] == ["a-hostile"] and first["next_offset"] == 1
    assert first["total"] == 2 and first["sort"] == "-published"
    second = client.get("/api/articles", params={"limit": 1, "offset": first["next_offset"]}).json()
    assert [a["id"] for a in second["articles"]] == ["a-harbour"] and second["next_offset"] is None
    oldest = client.get("/api/articles", params={"sort": "published"}).json()["articles"]
    assert [a["id"] for a in oldest] == ["a-harbour", "a-hostile"]
    assert client.get("/api/articles", params={"publisher": "Example Courier"}).json()["articles"][0]["counts"] == {
        "entities": 3, "quotes": 1, "events": 2}


def test_search_is_ranked_highlighted_and_faceted(client):
    data = client.get("/api/search", params={"q": "blockade", "facets": "true"}).json()
    assert data["total"] == 1
    hit = data["hits"][0]
    assert hit["id"] == "a-harbour"
    start, end = hit["highlights"][0]
    assert hit["snippet"][start:end] == "blockade"
    assert data["facets"]["publisher"] == [["Example Courier", 1]]
    assert data["facets"]["year"] == [["2024", 1]]
    page = client.get("/search", params={"q": "blockade"}).text
    assert "<mark>blockade</mark>" in page
    assert "/search?q=blockade&amp;publisher=Example+Courier" in page


def test_entities_quotes_and_events(client):
    entities = client.get("/api/entities", params={"country": "FRD"}).json()["entities"]
    assert {e["key"] for e in entities} == {"person-lena-brask", "country-frd"}
    entity = client.get("/api/entities/person-lena-brask").json()
    assert entity["entity"]["mentions"] == 2
    assert [q["text"] for q in entity["quotes"]["items"]] == ['"We will not accept any blockade of the strait,"']
    assert entity["events_as_source"]["total"] == 1 and entity["events_as_target"]["total"] == 0
    [mentioned] = entity["articles"]["items"]
    assert [m["context"]["match"] for m in mentioned["mentions"]] == ["Lena Brask", "Brask"]
    quotes = client.get("/api/quotes", params={"speaker": "Lena Brask"}).json()["quotes"]
    assert [(q["article"], q["article_title"], q["article_publisher"]) for q in quotes] == [
        ("a-harbour", "Harbour talks resume", "Example Courier")]
    events = client.get("/api/events", params={"source": "SYL", "target": "FRD", "plover": "THREATEN"}).json()
    assert [e["cameo"] for e in events["events"]] == ["130"]
    assert client.get("/api/events", params={"since": "2024-03-06"}).json()["events"][0]["cameo"] == "130"
    assert client.get("/api/events", params={"cameo": "04"}).json()["events"][0]["plover"] == "CONSULT"
    assert "Lena Brask" in client.get("/entities/person-lena-brask").text


def test_offset_paging_reaches_every_item(client):
    first = client.get("/api/events", params={"limit": 1}).json()
    assert len(first["events"]) == 1 and first["next_offset"] == 1
    assert first["total"] == 3
    rest = client.get("/api/events", params={"limit": 1000, "offset": 1}).json()
    assert rest["next_offset"] is None
    assert len(rest["events"]) == 2  # 3 events in the store


def test_duplicates_endpoint(client):
    assert client.get("/api/articles/a-harbour/duplicates").json() == {"id": "a-harbour", "duplicates": []}


@pytest.mark.parametrize(("url", "status", "fragment"), [
    ("/api/articles/missing", 404, "No article with id 'missing'"),
    ("/api/entities/nobody", 404, "No entity with key 'nobody'"),
    ("/api/search?q=%22open", 400, "unclosed double quote"),
    ("/api/articles?limit=0", 422, "limit"),
    ("/api/events?since=yesterday", 400, "is not a date"),
    ("/api/events?since=2025-13-01", 400, "is not a date"),
    ("/api/events?plover=THREATENS", 400, "THREATEN"),
    ("/api/events?cameo=abc", 400, "not a CAMEO code"),
    ("/api/events?quad_class=5", 400, "verbal cooperation"),
    ("/api/events?sort=colour", 400, "-goldstein"),
    ("/api/events?actr=USA", 400, "unknown parameter actr"),
    ("/api/search?q=trade&colour=red", 400, "unknown parameter colour"),
    ("/api/search?q=trade+colour:red", 400, "colour:, which dateline does not know"),
    ("/api/search?q=-trade", 400, "leaving a word out"),
    ("/api/nothing-here", 404, "Nothing at /api/nothing-here"),
])
def test_errors_are_json_with_a_message(client, url, status, fragment):
    response = client.get(url)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    assert fragment in response.json()["error"]["message"]


def test_page_errors_are_html(client):
    response = client.get("/articles/missing")
    assert response.status_code == 404 and "text/html" in response.headers["content-type"]
    assert "No article with id" in response.text


def test_security_headers_on_pages_api_and_static(client):
    for url in ("/", "/api/articles", "/static/style.css", "/api/articles/missing"):
        headers = client.get(url).headers
        assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
    assert "script-src" not in CONTENT_SECURITY_POLICY and "default-src 'none'" in CONTENT_SECURITY_POLICY


def test_openapi_documents_every_api_route(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/articles", "/api/articles/{article_id}", "/api/articles/{article_id}/duplicates", "/api/search",
            "/api/entities", "/api/entities/{key}", "/api/quotes", "/api/events", "/api/timeline"} <= set(paths)
    assert all(p.startswith("/api/") for p in paths)
    assert "/api/search" in client.get("/docs").text


def test_hostile_record_is_escaped_in_every_page(client):
    for url in ("/articles/a-hostile", "/", "/search?q=opened", "/entities", "/quotes", "/events"):
        text = client.get(url).text
        assert "<script>" not in text and "<img src=x" not in text and "<b onmouseover" not in text, url
    assert 'href="javascript:' not in client.get("/articles/a-hostile").text


def test_store_is_opened_read_only(record_db):
    app = create_app(record_db)
    store = app.state.stores.get()
    with pytest.raises(Exception, match="readonly"):
        store.upsert(harbour_talks())


def test_loopback_server_accepts_only_loopback_host_names(record_db):
    assert allowed_hosts("0.0.0.0") is None
    with TestClient(create_app(record_db, allowed_hosts=allowed_hosts("127.0.0.1")),
                    base_url="http://127.0.0.1:8000") as local:
        assert local.get("/api/stats").status_code == 200
        assert local.get("/api/stats", headers={"host": "attacker.example"}).status_code == 400


def test_store_written_after_start_is_seen(tmp_path):
    path = tmp_path / "live.db"
    with open_store(path) as store:
        store.upsert(harbour_talks())
    with TestClient(create_app(path)) as live:
        assert live.get("/api/articles").json()["articles"][0]["id"] == "a-harbour"


def test_search_page_can_collapse_duplicates(client):
    page = client.get("/search", params={"q": "blockade"}).text
    assert 'href="/search?q=blockade&amp;collapse=True"' in page
    assert "show every copy" in client.get("/search", params={"q": "blockade", "collapse": "true"}).text


def test_serve_refuses_a_missing_store(tmp_path):
    from click.testing import CliRunner

    from dateline.cli import main

    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "absent.db")])
    assert result.exit_code == 1
    assert "absent.db: no such database" in result.output


def test_timeline_twin_and_page(client):
    data = client.get("/api/timeline", params={"a": "FRD", "b": "SYL", "freq": "week"}).json()
    assert [(r["period"], r["count"], r["by_quad"], r["mean_goldstein"]) for r in data["rows"]] == [
        ("2024-W10", 1, {"1": 1, "2": 0, "3": 0, "4": 0}, 1.0),
        ("2024-W11", 1, {"1": 0, "2": 0, "3": 1, "4": 0}, -4.4),
    ]
    directed = client.get("/api/timeline", params={"a": "Sylvania", "b": "FRD", "directed": "true"}).json()
    assert [r["count"] for r in directed["rows"]] == [1]  # only the threat goes from Sylvania to Freedonia
    page = client.get("/timeline", params={"a": "FRD", "b": "SYL"}).text
    assert page.count('class="bar quad-') == 2 and "<svg" in page
    assert client.get("/api/timeline", params={"a": "FRD", "b": "SYL", "freq": "decade"}).status_code == 422
    assert client.get("/timeline").status_code == 200  # the empty form


def test_worker_processes_build_the_app_from_the_environment(record_db, monkeypatch):
    from dateline.web.app import HOSTS_ENV, app_from_environment

    monkeypatch.setenv("DATELINE_DB", str(record_db))
    monkeypatch.setenv(HOSTS_ENV, "127.0.0.1,localhost")
    with TestClient(app_from_environment(), base_url="http://127.0.0.1:8000") as worker:
        assert worker.get("/api/articles", params={"sort": "id"}).json()["articles"][0]["id"] == "a-harbour"
        assert worker.get("/api/stats", headers={"host": "attacker.example"}).status_code == 400


def test_events_of_a_search_sorted_with_their_article(client):
    events = client.get("/api/events", params={"q": "blockade"}).json()
    assert {e["article"] for e in events["events"]} == {"a-harbour"} and events["total"] == 2
    assert events["filters"]["q"] == "blockade"
    assert client.get("/api/events", params={"q": "nothingmatchesthis"}).json()["total"] == 0
    by_goldstein = client.get("/api/events", params={"sort": "-goldstein", "q": "blockade"}).json()["events"]
    assert [e["goldstein"] for e in by_goldstein] == [1.0, -4.4]
    [row] = client.get("/api/events", params={"actor": "Sylvania", "quad_class": 3}).json()["events"]
    assert (row["article_title"], row["article_published"], row["copies"]) == (
        "Harbour talks resume", "2024-03-04T09:00:00+00:00", 1)


@pytest.mark.parametrize("url", ["/api/articles", "/api/search?q=blockade", "/api/events", "/api/quotes",
                                 "/api/entities", "/api/timeline?a=FRD&b=SYL"])
def test_every_list_downloads_as_csv(client, url):
    response = client.get(url + ("&" if "?" in url else "?") + "format=csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    header, *rows = response.text.splitlines()
    assert rows, url
    if url == "/api/events":
        from dateline.export import EXPORT_SCHEMAS

        # the columns carry the Parquet export's names
        assert set(EXPORT_SCHEMAS["events"].names) <= set(header.split(","))
        assert len(rows) == 3


def test_pages_link_their_download_and_remove_filters(client):
    page = client.get("/events", params={"plover": "THREATEN"}).text
    assert 'href="/api/events?plover=THREATEN&amp;format=csv"' in page
    assert 'class="chip" href="/events"' in page  # removing the only filter
    search = client.get("/search", params={"q": "blockade", "publisher": "Example Courier"}).text
    assert 'href="/events?q=blockade&amp;publisher=Example+Courier"' in search
    assert 'name="publisher" value="Example Courier"' in search  # the filter form survives the query
    timeline = client.get("/timeline", params={"a": "FRD", "b": "SYL"}).text
    assert 'href="/events?a=FRD&amp;b=SYL&amp;since=2024-03-04&amp;until=2024-03-10"' in timeline


def test_a_query_error_keeps_the_search_box(client):
    page = client.get("/search", params={"q": '"open'})
    assert page.status_code == 400 and 'value="&#34;open"' in page.text


def test_events_download_as_the_gdelt_style_table(client):
    from dateline.export import GDELT_COLUMNS, gdelt_rows

    response = client.get("/api/events?format=tsv&plover=THREATEN")
    assert response.status_code == 200 and "tab-separated" in response.headers["content-type"]
    header, row = response.text.splitlines()
    assert header.split("\t") == GDELT_COLUMNS
    [expected] = [r for r in gdelt_rows([harbour_talks()]) if r["PLOVER"] == "THREATEN"]
    assert row.split("\t") == ["" if v is None else str(v) for v in expected.values()]  # as `dateline export`


def test_search_facets_entities_countries_events_and_a_volume_chart(client):
    data = client.get("/api/search", params={"q": "blockade", "facets": "true", "volume": "true"}).json()
    assert ["person-lena-brask", "Lena Brask", 1] in data["facets"]["entity"]
    assert ["FRD", 1] in data["facets"]["country"]
    assert data["facets"]["plover"] == [["CONSULT", 1], ["THREATEN", 1]]
    assert data["volume"] == {"freq": "day", "points": [
        {"period": "2024-03-04", "start": "2024-03-04", "end": "2024-03-04", "count": 1, "all": 1, "share": 1.0}]}
    page = client.get("/search", params={"q": "blockade"}).text
    assert 'class="volume-link" href="/search?q=blockade&amp;since=2024-03-04&amp;until=2024-03-04"' in page
    assert 'href="/search?q=blockade&amp;entity=person-lena-brask"' in page
    assert 'href="/events?q=blockade&amp;plover=THREATEN"' in page
    volume = client.get("/api/volume", params={"q": "harbour OR opened", "freq": "month"}).json()["points"]
    assert [(p["period"], p["count"], p["all"]) for p in volume] == [("2024-03", 2, 2)]


def test_a_searchs_facets_and_volume_are_given_when_asked_each_as_the_page_shows_them(client):
    """The hits alone by default (the facets and the volume are each a pass over every match); asked for, each is
    what the search page shows, whose JSON twin asks for both."""
    plain = client.get("/api/search", params={"q": "blockade"}).json()
    assert plain["facets"] is None and plain["facets_sample"] is None and plain["volume"] is None
    facets = client.get("/api/search", params={"q": "blockade", "facets": "true"}).json()
    volume = client.get("/api/search", params={"q": "blockade", "volume": "true"}).json()
    both = client.get("/api/search", params={"q": "blockade", "facets": "true", "volume": "true"}).json()
    assert facets["facets"] == both["facets"] and facets["volume"] is None and volume["facets"] is None
    assert volume["volume"] == both["volume"] and both["facets_sample"]["matches"] == both["total"]
    assert {k: both[k] for k in ("total", "hits")} == {k: plain[k] for k in ("total", "hits")}
    page = client.get("/search", params={"q": "blockade"}).text
    assert 'href="/api/search?q=blockade&amp;facets=true&amp;volume=true"' in page  # its JSON twin
    assert client.get("/api/search", params={"q": "blockade", "facets": "maybe"}).status_code == 422


def test_map_points_link_to_their_events(tmp_path):
    from dateline.model import Actor, Article, Event

    def event(location, target, cameo="040"):
        return Event(0, 5, "Talks", Actor("Norway", code="NOR", country="NOR"), Actor("x", code=target, country=target),
                     cameo, "CONSULT", 1, 1.0, "2024-05-01", location=location)

    path = tmp_path / "map.db"
    with open_store(path) as store:
        store.upsert(Article(id="m1", source="t", text="Talks.", published="2024-05-01",
                             events=[event("Oslo", "ISL"), event(None, "ISL", "043"), event("Nowhere Town", "XXX")]))
    with TestClient(create_app(path)) as local:
        points = local.get("/api/map").json()["points"]
        assert [(p["name"], p["events"]) for p in points] == [("Oslo", 1), ("Reykjavík", 1)]
        oslo, reykjavik = points
        assert 58 < oslo["lat"] < 61 and 63 < reykjavik["lat"] < 65
        assert [e["cameo"] for e in local.get(oslo["url"].replace("/events", "/api/events")).json()["events"]] == ["040"]
        assert reykjavik["url"] == "/events?place_country=ISL"
        page = local.get("/map").text
        assert page.count('class="map-point"') == 2 and 'href="/events?location=Oslo"' in page


def test_pages_compile_no_template_once_the_server_has_started(record_db):
    """Templates are compiled as the server starts, so the first request of a page kind pays only its rendering."""
    with TestClient(create_app(record_db)) as live:
        env = live.app.state.templates.env
        compiled: list[str | None] = []
        compile_ = env.compile

        def counting(source, name=None, filename=None, raw=False, defer_init=False):
            compiled.append(name)
            return compile_(source, name, filename, raw, defer_init)

        env.compile = counting
        for url in ("/", "/search?q=blockade", "/events", "/quotes", "/entities", "/timeline?a=NOR&b=ISL", "/map",
                    "/search?q=%22open"):  # the last: the error page
            assert live.get(url).status_code in (200, 400), url
        assert compiled == []
