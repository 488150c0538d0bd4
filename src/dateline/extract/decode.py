"""Bytes to text: BOM, declared charset (HTTP header, <meta>), UTF-8, then detection.

A declared charset is trusted only when the bytes decode cleanly with it; pages
that lie about their encoding are common. Every fallback is reported as a
warning on the record.

A page can also hold text that was encoded twice: UTF-8 bytes read as Latin-1 or Windows-1252
and written out again as UTF-8 ("doesnât", "Ã¤" for "doesn’t", "ä"). Such a sequence is a
lead character of a UTF-8 byte pattern followed by exactly the continuation characters it
needs, which ordinary text almost never holds; when a page has several, each is turned back
into the character it was (:func:`repair_double_encoding`).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from ..errors import BinaryInput, DecodeError, EmptyInput

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-:.]+)", re.I)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy labels that browsers treat as their supersets (WHATWG encoding standard).
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "iso-8859-1": "cp1252", "latin-1": "cp1252",
              "ascii": "cp1252", "us-ascii": "cp1252", "big5": "big5hkscs", "shift_jis": "cp932",
              "sjis": "cp932", "x-sjis": "cp932", "euc-kr": "cp949", "tis-620": "cp874"}


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def _normalise(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    label = _SUPERSETS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_charset(data: bytes, content_type: str | None = None) -> str | None:
    if content_type:
        m = _HEADER_CHARSET.search(content_type)
        if m:
            return m.group(1)
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def looks_binary(data: bytes) -> bool:
    """True for images, archives, executables: many NUL or control bytes in the first block."""
    head = data[:8192]
    if not head:
        return False
    if head.startswith((b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x7fELF", b"MZ")):
        return True
    if any(head.startswith(b) for b, _ in _BOMS if b.startswith((b"\xff\xfe", b"\xfe\xff"))):
        return False  # UTF-16/32 text has NULs
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls / len(head) > 0.05


# Bytes that text does not contain: C0 controls other than tab, line breaks, form feed and escape
_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or 13 < b < 32 and b != 27)


def decode(data: bytes, content_type: str | None = None, source: str = "input") -> Decoded:
    """Decode a document's bytes, or raise an InputError saying why it can't be."""
    if not data or not data.strip():
        raise EmptyInput(f"{source}: the input is empty")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(enc, errors="replace"), enc.replace("-sig", ""))
    if looks_binary(data):
        raise BinaryInput(f"{source}: this looks like a binary file, not a web page or text")

    warnings: list[str] = []
    label = declared_charset(data, content_type)
    declared = _normalise(label)
    if label and not declared:
        warnings.append(f"unknown declared charset {label!r}; detected the encoding instead")
    if declared:
        try:
            return Decoded(data.decode(declared), declared, warnings)
        except UnicodeDecodeError:
            warnings.append(f"declared charset {label!r} does not fit the bytes; detected the encoding instead")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", warnings)
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if _mostly_utf8(data):
        # UTF-8 with a few stray bytes (truncated or spliced pages)
        text = data.decode("utf-8", errors="replace")
        warnings.append(f"{text.count(chr(0xFFFD))} undecodable byte(s) replaced with U+FFFD")
        return Decoded(text, "utf-8", warnings)
    detected = _detect(data)
    if detected and _ascii_share(data) > 0.97 and codecs.lookup(detected).name not in _WIDE:
        detected = "cp1252"  # a handful of non-ASCII bytes: the web's common legacy encoding
    if not detected:
        raise DecodeError(f"{source}: cannot tell the text encoding ({utf8_error.reason} at byte {utf8_error.start})")
    text = data.decode(detected, errors="replace")
    warnings.append(f"no usable charset declared; decoded as {detected}")
    bad = text.count("\ufffd")
    if bad:
        warnings.append(f"{bad} undecodable byte(s) replaced with U+FFFD")
    return Decoded(text, detected, warnings)


# a UTF-8 byte sequence read one byte a character, as Latin-1 (C1 controls) or Windows-1252
_CP1252_HIGH = bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore")
_CONTINUATION = f"[\x80-\xbf{re.escape(_CP1252_HIGH)}]"
_DOUBLE_ENCODED = re.compile(
    f"[\xc2-\xdf]{_CONTINUATION}|[\xe0-\xef]{_CONTINUATION}{{2}}|[\xf0-\xf4]{_CONTINUATION}{{3}}"
)
# what a doubly encoded page all but always shows, looked for first in its UTF-8 bytes (one pattern
# with a literal first byte, which the regex engine finds many times faster than the full pattern
# over the decoded page): quotes and dashes ('â\x80\x99', 'â€™'), accented letters ('Ã©'), signs and
# no-break spaces ('Â©', 'Â\xa0'), emoji ('ð\x9f', 'ðŸ')
_DOUBLE_ENCODED_MARKS = re.compile(rb"\xc3(?:[\x82\x83]|\xa2(?:\xc2\x80|\xe2\x82\xac)|\xb0(?:\xc2\x9f|\xc5\xb8))")


def may_be_double_encoded(data: bytes) -> bool:
    """The page's bytes show a mark of text encoded twice (the quick test before the repair)."""
    return _DOUBLE_ENCODED_MARKS.search(data) is not None


# fewer such sequences than this on a page may be real text ('Strauß’')
DOUBLE_ENCODED_MIN = 3


def _as_byte(char: str) -> bytes:
    return bytes([ord(char)]) if ord(char) < 256 else char.encode("cp1252")


def _undo(match: re.Match[str]) -> str:
    try:
        return b"".join(_as_byte(c) for c in match.group()).decode("utf-8")
    except UnicodeDecodeError:
        return match.group()


def repair_double_encoding(text: str) -> tuple[str, int]:
    """``text`` with its doubly encoded UTF-8 sequences turned back into characters, and how many
    were; unchanged when it holds fewer than DOUBLE_ENCODED_MIN of them."""
    if text.isascii():
        return text, 0
    found = _DOUBLE_ENCODED.findall(text)
    if len(found) < DOUBLE_ENCODED_MIN:
        return text, 0
    repaired = _DOUBLE_ENCODED.sub(_undo, text)
    return repaired, len(found)


_WIDE = {"gb18030", "big5hkscs", "big5", "cp932", "shift_jis", "euc_jp", "cp949", "euc_kr", "utf-16", "utf-32"}
_UTF8_MULTI = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _ascii_share(data: bytes) -> float:
    head = data[:200_000]
    return sum(1 for b in head if b < 128) / max(1, len(head))


def _mostly_utf8(data: bytes) -> bool:
    """Valid UTF-8 multi-byte sequences far outnumber the invalid bytes."""
    head = data[:200_000]
    valid = len(_UTF8_MULTI.findall(head))
    invalid = len(head.decode("utf-8", errors="replace").encode("utf-8")) - len(head)  # 3 bytes per U+FFFD minus 1
    invalid = max(0, invalid) // 2
    return valid >= 4 and valid >= 4 * invalid


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        return None
    enc = _normalise(best.encoding) or best.encoding
    return enc
