from __future__ import annotations

from dateline.extract.detect import sniff, sniff_bytes


def test_html_with_comments_and_a_long_script_before_the_doctype():
    page = "<!-- built 2026-05-01 -->\n<script>\n" + "var x = 1;\n" * 2000 + "</script>\n<!DOCTYPE html><html><body><p>Hi</p></body></html>"
    assert sniff(page) == "html"


def test_text_dump_that_mentions_a_tag_is_text():
    dump = "Harbour reopens\n\nThe <p> tag was mentioned once.\n\nOfficials said the harbour reopened.\n" * 3
    assert sniff(dump) == "text"


def test_other_kinds():
    assert sniff('{"id": "a", "text": "x"}\n') == "jsonl"
    assert sniff('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>') == "feed"
    assert sniff_bytes(b"WARC/1.1\r\n") == "warc"
    assert sniff("<html><head><title>t</title></head><body><p>x</p></body></html>") == "html"
