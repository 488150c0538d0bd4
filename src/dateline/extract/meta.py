"""Page-level metadata helpers shared by the extractors: titles, publishers, ids."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# "Headline – BBC News Chinese", "Headline | Reuters", "Headline - WSJ"
_SUFFIX = re.compile(r"^(?P<title>.+?)\s+(?:[|–—:•]|-{1,2}|·|»|::)\s+(?P<site>[^|–—•]{2,60})$")


def split_title(raw: str | None, site_hint: str | None = None) -> tuple[str | None, str | None]:
    """Split 'Headline – Publisher' into (headline, publisher). Without a clear suffix, (raw, None)."""
    if not raw:
        return None, None
    raw = " ".join(raw.split())
    m = _SUFFIX.match(raw)
    if not m:
        return raw, None
    title, site = m.group("title").strip(), m.group("site").strip()
    if site_hint and _norm(site_hint) in _norm(raw) and _norm(site) != _norm(site_hint):
        # the hint names the site: cut exactly that
        idx = raw.lower().rfind(site_hint.lower())
        if idx > 0:
            return raw[:idx].rstrip(" |–—-:·»"), site_hint
    # a publisher is short and has few words; a subtitle is longer
    if len(site.split()) <= 6 and len(site) < len(title):
        return title, site
    return raw, None


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).lower()
    return " ".join(re.findall(r"\w+", s))


def norm_text(s: str) -> str:
    return _norm(s)


def url_sections(url: str | None) -> frozenset[str]:
    """The sections a page's URL path names, normalised without spaces: '/world/us/story-slug' ->
    {'world', 'us'} (the last segment is the page's own slug)."""
    from urllib.parse import urlsplit

    path = urlsplit(url).path if url else ""
    segments = [seg for seg in path.split("/") if seg][:-1]
    return frozenset(k for k in (_norm(seg).replace(" ", "") for seg in segments) if k)


def article_id(url: str | None, text: str) -> str:
    """Stable id: a hash of the URL when known, else of the normalised text."""
    basis = ("url:" + url.strip()) if url else ("text:" + _norm(text))
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]
