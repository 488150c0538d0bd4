"""Tell the kind of a document by its content, not by its name."""

from __future__ import annotations

import re
from typing import Literal

Kind = Literal["html", "text", "feed", "warc", "jsonl"]

_HTML_MARKERS = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title>|<div[\s>]|<p[\s>]|<article[\s>]", re.I)
_FEED = re.compile(r"<rss[\s>]|<feed[\s>][^>]*xmlns=\"http://www\.w3\.org/2005/Atom\"|<rdf:RDF", re.I)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")
# What may stand before a page's <!doctype> or <html>: white space, comments, scripts, styles
_PROLOGUE = re.compile(r"\A(?:\s+|<!--.*?-->|<script\b.*?</script\s*>|<style\b.*?</style\s*>|<\?xml[^>]*>)*", re.S | re.I)
_PAGE_START = re.compile(r"<!doctype\s+html|<html[\s>]", re.I)


def sniff_bytes(data: bytes) -> Kind | None:
    """Kinds that are known from the first bytes, before decoding."""
    if data.startswith(b"WARC/"):
        return "warc"
    return None


def sniff(text: str) -> Kind:
    head = text[:4096].lstrip("\ufeff \t\r\n")
    if head.startswith("{") and head.split("\n", 1)[0].rstrip().endswith("}"):
        return "jsonl"
    if _FEED.search(head[:512]) or head.startswith("<?xml") and _FEED.search(text[:4096]):
        return "feed"
    prologue = _PROLOGUE.match(text[:200_000])
    if prologue and _PAGE_START.match(text, prologue.end()):
        return "html"
    if _HTML_MARKERS.search(head):
        # a text dump that quotes a tag or two is still text: markup must be dense
        tags = len(_TAG.findall(text[:20000]))
        lines = max(1, text[:20000].count("\n"))
        if tags >= 3 and tags / lines > 0.2 or head.lower().startswith(("<!doctype", "<html")):
            return "html"
    return "text"
