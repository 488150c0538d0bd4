"""Hypothesis strategies for page-like input: prose, furniture lines, markup and raw bytes."""

from __future__ import annotations

from hypothesis import strategies as st

WORDS = st.sampled_from(
    "the minister said talks would resume on Monday in Geneva after officials from both sides "
    "agreed to a ceasefire “we are ready” he added « non » ‘quoted’ \" ' — – • Image caption, "
    "image source,Agency Share Tags: NEXT 13 minutes ago Advertisement Subscribe".split(" ")
)
PROSE_LINE = st.lists(WORDS, min_size=0, max_size=40).map(" ".join)
ANY_LINE = st.one_of(PROSE_LINE, st.text(max_size=80))
DUMP = st.lists(ANY_LINE, max_size=40).map("\n".join)

TAGS = st.sampled_from(["p", "div", "h1", "h2", "li", "ul", "figure", "figcaption", "script", "article", "span", "a"])


@st.composite
def html_pages(draw) -> str:
    parts = ["<html><head><title>", draw(PROSE_LINE), "</title></head><body>"]
    for _ in range(draw(st.integers(0, 25))):
        tag = draw(TAGS)
        parts.append(f"<{tag}>{draw(ANY_LINE)}")
        if draw(st.booleans()):
            parts.append(f"</{tag}>")
    parts.append("</body></html>" if draw(st.booleans()) else "")
    return "".join(parts)


RAW_BYTES = st.one_of(
    st.binary(max_size=2000),
    DUMP.map(lambda s: s.encode("utf-8")),
    st.builds(lambda s, enc: s.encode(enc, errors="replace"), DUMP, st.sampled_from(["cp1251", "gb18030", "latin-1"])),
)
