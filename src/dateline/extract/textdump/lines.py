"""Lines of a dump and the structural features the classifier reads.

Every feature is computed in one pass over the page (plus one counter of the
normalised lines), so the cost stays linear in the page.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+", re.UNICODE)
_WIDE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_BULLET = re.compile(r"^(?:[•◦▪▫■□●○►▸‣⁃∙·*+\-–—]|\d{1,2}[.)])\s+(?=\S)")
_CLOSERS = "\"'”’»)]）」』"
SENTENCE_END = ".!?…。！？"
_SEPARATOR = re.compile(r"^[\W_]{1,80}$")
_DIGIT = re.compile(r"\d")
_SENTENCE_INSIDE = re.compile(r"[.!?。！？][\"'”’»)]*\s+\S")
_LINK_MARK = re.compile(r"\[\d{1,4}\]")  # lynx's numbered link marks: '[12]Home'
_WRAP_MIN_LINES = 20
_WRAP_MAX_WIDTH = 100  # wider than this, lines were not wrapped by a terminal browser
_WRAP_SLACK = 12  # a line this close to the width was broken by the wrapping, not by the author
_WRAP_MIN_SHARE = 0.15


@dataclass
class Line:
    index: int  # position among all lines of the dump (blank ones included)
    text: str  # stripped
    norm: str  # lower-cased words only
    words: float  # word count; runs of CJK characters count one word per two characters
    stop_share: float  # share of words that are stop words (0 when the language has no list)
    ends_sentence: bool  # last visible character (before closing quotes) is a sentence end
    has_sentence_inside: bool  # a sentence end followed by more text
    bullet: bool
    digit_share: float  # share of characters that are digits
    pipes: int  # '|' and '›' separators, typical of menus and breadcrumbs
    capitalised_lead: int  # capitalised words at the start: a headline glued to its teaser
    repeats: int = 1  # how often the normalised line occurs on the page
    kind: str = "unknown"  # set by the classifier
    score: float = 0.0  # set by the classifier

    @property
    def body_text(self) -> str:
        """The text without a leading bullet mark."""
        return _BULLET.sub("", self.text, count=1) if self.bullet else self.text


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return " ".join(_TOKEN.findall(text))


def word_count(text: str, tokens: list[str]) -> float:
    """Words of the line; text without spaces between words (Chinese, Japanese) counts one word
    per two of its characters."""
    wide = len(_WIDE.findall(text)) if _WIDE.search(text) else 0
    return len(tokens) + wide // 2


def ends_with_sentence(text: str) -> bool:
    stripped = text.rstrip(_CLOSERS + " ")
    return bool(stripped) and stripped[-1] in SENTENCE_END


def split_lines(text: str, stop: frozenset[str]) -> list[Line]:
    """All non-blank lines of a dump with their features."""
    raw_lines = unwrap(_LINK_MARK.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).split("\n"))
    lines: list[Line] = []
    for index, raw in raw_lines:
        stripped = raw.strip()
        if not stripped:
            continue
        tokens = _TOKEN.findall(stripped)
        n_tokens = len(tokens) or 1
        stops = sum(1 for t in tokens if t.lower() in stop) if stop else 0
        digits = len(_DIGIT.findall(stripped))
        line = Line(
            index=index,
            text=stripped,
            norm=normalise(stripped),
            words=word_count(stripped, tokens),
            stop_share=stops / n_tokens,
            ends_sentence=ends_with_sentence(stripped),
            has_sentence_inside=bool(_SENTENCE_INSIDE.search(stripped)) or "。" in stripped[:-1],
            bullet=bool(_BULLET.match(stripped)) and len(stripped) > 3,
            digit_share=digits / len(stripped),
            pipes=stripped.count("|") + stripped.count("›") + stripped.count("»"),
            capitalised_lead=_capitalised_lead(stripped),
        )
        lines.append(line)
    counts = Counter(line.norm for line in lines if line.norm)
    for line in lines:
        line.repeats = counts.get(line.norm, 1)
    return lines


def unwrap(raw_lines: list[str]) -> list[tuple[int, str]]:
    """Undo the hard wrapping of text browsers that break paragraphs at a fixed width (lynx at 76
    columns): a line that fills the width continues on the next line. Pages whose lines run to
    any length are left as they are. Returns (index of the first raw line, logical line)."""
    lengths = sorted(len(line.rstrip()) for line in raw_lines if line.strip())
    if len(lengths) < _WRAP_MIN_LINES:
        return list(enumerate(raw_lines))
    width = lengths[int(len(lengths) * 0.98)]
    near_full = sum(1 for n in lengths if n >= width - _WRAP_SLACK)
    if width > _WRAP_MAX_WIDTH or near_full < len(lengths) * _WRAP_MIN_SHARE:
        return list(enumerate(raw_lines))
    out: list[tuple[int, str]] = []
    joining = False
    for index, line in enumerate(raw_lines):
        stripped = line.rstrip()
        if joining and stripped.strip() and not _BULLET.match(stripped.strip()):
            first, previous = out[-1]
            out[-1] = (first, previous + " " + stripped.strip())
        else:
            out.append((index, stripped))
        joining = len(stripped) >= width - _WRAP_SLACK
    return out


def _capitalised_lead(text: str) -> int:
    """Capitalised words at the start, up to the first lower-case word or punctuation mark. A figure
    goes on the run without counting: a headline is words ('Top 10 Films Of 2019'), a row of a
    results table ('1 Kyle Doe 5040 5 1 17') is mostly figures."""
    count = 0
    for word in text.split():
        core = word.strip("\"'“”‘’«»()[]")
        if not core or not (core[:1].isupper() or core[:1].isdigit()):
            break
        count += not core[:1].isdigit()
        if word[-1] in ",;:.!?—–":
            break
    return count


def is_separator(text: str) -> bool:
    return bool(_SEPARATOR.match(text)) and not any(c.isalnum() for c in text)
