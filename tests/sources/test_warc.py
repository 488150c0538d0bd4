from __future__ import annotations

from pathlib import Path

import pytest

from dateline import Article, Failure, Pipeline
from dateline.sources import RawDoc, iter_inputs

from .helpers import FIXTURES, PAGES, content, page, page_warc, warc_request, warc_response, write_warc


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline()


@pytest.mark.parametrize("compress", [False, True], ids=["plain", "gzip"])
def test_each_html_response_becomes_a_page_with_its_uri_and_capture_date(tmp_path: Path, compress: bool):
    warc = page_warc(tmp_path / ("crawl.warc.gz" if compress else "crawl.warc"), compress=compress)
    docs = list(iter_inputs([str(warc)]))
    assert all(isinstance(d, RawDoc) for d in docs)  # request records are not documents
    assert [d.url for d in docs] == [f"https://news.example.org/{name}" for name in PAGES]
    assert [d.data for d in docs] == [page(name) for name in PAGES]
    assert {d.fetched.isoformat() for d in docs} == {"2024-06-01T12:00:00+00:00"}
    assert {d.source for d in docs} == {str(warc)}
    assert docs[2].content_type == "text/html; charset=windows-1252"


def test_records_from_a_warc_match_process_of_the_same_pages(tmp_path: Path, pipe: Pipeline):
    warc = page_warc(tmp_path / "crawl.warc.gz", compress=True)
    from_warc = list(pipe.run([str(warc)]))
    from_files = list(pipe.run([str(FIXTURES / name) for name in PAGES]))
    assert all(isinstance(r, Article) for r in from_warc + from_files)
    # a page without a site name gets its publisher from the URL, which a file doesn't have
    assert [content(r.to_dict(), but=("publisher",)) for r in from_warc] == [
        content(r.to_dict(), but=("publisher",)) for r in from_files
    ]
    with_urls = [RawDoc(source=f"page{i}", data=page(name), url=f"https://news.example.org/{name}")
                 for i, name in enumerate(PAGES)]
    assert [content(r.to_dict()) for r in from_warc] == [content(r.to_dict()) for r in pipe.run(with_urls)]
    assert any(r.entities for r in from_warc)
    assert [r.url for r in from_warc] == [f"https://news.example.org/{name}" for name in PAGES]
    assert [r.fetched for r in from_warc] == ["2024-06-01T12:00:00+00:00"] * 3


def test_non_html_and_truncated_records_are_reported_and_the_rest_go_on(tmp_path: Path):
    base = "https://news.example.org"
    records = [
        warc_response(f"{base}/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), content_type="image/png"),
        warc_response(f"{base}/harbour.html", page("harbour.html")),
        warc_response(f"{base}/cut.html", page("council.html")[:300], warc_headers="WARC-Truncated: length\r\n"),
        warc_response(f"{base}/moved", b"", status="301 Moved Permanently"),
        warc_request(f"{base}/summit.html"),
        warc_response(f"{base}/summit.html", page("summit.html"), content_type="text/html; charset=windows-1252"),
    ]
    warc = write_warc(tmp_path / "mixed.warc", records)
    results = list(iter_inputs([str(warc)]))
    kinds = [r.kind if isinstance(r, Failure) else r.url for r in results]
    assert kinds == ["NotHTML", f"{base}/harbour.html", "TruncatedRecord", "NotHTML", f"{base}/summit.html"]
    assert "image/png" in results[0].error and f"{base}/logo.png" in results[0].error
    assert "truncated" in results[2].error
    assert "HTTP 301" in results[3].error


def test_a_file_that_ends_inside_a_record_reports_that_record(tmp_path: Path):
    data = warc_response("https://a.example/1", page("harbour.html")) + warc_response("https://a.example/2", page("council.html"))
    warc = tmp_path / "cut.warc"
    warc.write_bytes(data[:-400])
    results = list(iter_inputs([str(warc)]))
    assert isinstance(results[0], RawDoc) and results[0].url == "https://a.example/1"
    assert isinstance(results[1], Failure) and results[1].kind == "TruncatedRecord"
    assert "https://a.example/2" in results[1].error


def test_a_gzip_encoded_payload_is_decompressed(tmp_path: Path):
    import gzip

    body = gzip.compress(page("harbour.html"))
    warc = write_warc(tmp_path / "enc.warc", [
        warc_response("https://a.example/h", body, http_headers="Content-Encoding: gzip\r\n"),
    ])
    [doc] = iter_inputs([str(warc)])
    assert doc.data == page("harbour.html")
