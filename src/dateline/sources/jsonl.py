"""JSON lines of dateline's own records (what `dateline process` prints): read back as records.

An article record comes back as an ``Article`` and a failure record as a
``Failure``, so that processing the output again gives the same records. A line
that is not a record is reported with its line number and the rest go on.

Records come from outside, so each is checked before anything is built from it:
caps first (line size, JSON objects in the line, text length: cheap, before the
parse or the build), then every field's type as the dataclasses say
(``Record.from_dict``), then what the types cannot say: every offset inside
``text`` with start <= end, every index (a paragraph's section, an event's
quote) pointing at an item that exists. A record that fails is one Failure
naming the line and the field.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..config import settings
from ..errors import DatelineError, InputTooLarge, InvalidRecord
from ..model import Article, Failure, Record

_BOM = b"\xef\xbb\xbf"


def is_jsonl(head: bytes) -> bool:
    """The first line opens a JSON object with a dateline record field."""
    first = head.removeprefix(_BOM).lstrip().split(b"\n", 1)[0]
    return first.startswith(b"{") and (b'"source"' in first or b'"id"' in first or b'"error"' in first)


def iter_jsonl(stream: BinaryIO, source: str, *, max_bytes: int) -> Iterator[Article | Failure]:
    """One record per line; a line over ``max_bytes`` is reported and skipped in bounded reads."""
    number = 0
    while line := stream.readline(max_bytes + 1):
        number += 1
        line = line.removeprefix(_BOM) if number == 1 else line
        where = f"{source}:{number}"
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(64 * 1024)) and not rest.endswith(b"\n"):
                pass
            yield Failure(where, f"{source}: line {number} is over the limit of {max_bytes:,} bytes "
                          "(raise --max-bytes)", "InputTooLarge")
            continue
        if not line.strip():
            continue
        objects = line.count(b"{")  # at least the JSON objects in the line: counted before parsing
        if objects > settings.max_items:
            yield Failure(where, f"{where}: more than {settings.max_items:,} JSON objects in one record "
                          "(DATELINE_MAX_ITEMS); skipped", "InputTooLarge")
            continue
        try:
            data = json.loads(line, parse_constant=_not_json)
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            yield Failure(where, f"{source}: line {number} is not JSON ({exc})", "InputError")
            continue
        yield record_from_dict(data, where)


def _not_json(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def record_from_dict(data: object, where: str) -> Article | Failure:
    """An Article or Failure from its to_dict() form, or a Failure saying why it is neither."""
    try:
        return _record(data, where)
    except DatelineError as exc:
        return Failure(where, f"{where}: {exc}", type(exc).__name__)


def _record(data: object, where: str) -> Article | Failure:
    if not isinstance(data, dict):
        raise InvalidRecord(f"a JSON {type(data).__name__}, not a dateline record")
    if "error" in data and "text" not in data:
        if not isinstance(data.get("source"), str) or not isinstance(data["error"], str):
            raise InvalidRecord("a failure record needs a source and an error")
        record: Article | Failure = Failure.from_dict(data)
    else:
        if not isinstance(data.get("id"), str) or not isinstance(data.get("source"), str):
            raise InvalidRecord("not a dateline record (an article needs an id and a source)")
        text = data.get("text")
        if isinstance(text, str) and len(text) > settings.max_text_chars:
            raise InputTooLarge(f"{len(text):,} characters of text is over the limit of "
                                f"{settings.max_text_chars:,} (DATELINE_MAX_TEXT_CHARS)")
        record = Article.from_dict(data)
        _check_offsets(record, len(record.text))
        _check_indexes(record)
    try:  # a JSON escape such as "\\ud800" gives a lone surrogate, which no UTF-8 writer (stdout, SQLite) takes
        json.dumps(record.to_dict(), ensure_ascii=False).encode("utf-8")
    except (UnicodeEncodeError, TypeError, ValueError) as exc:
        raise InvalidRecord(f"not a valid dateline record ({type(exc).__name__}: {exc})") from None
    return record


def _check_offsets(value: Any, size: int, path: str = "") -> None:
    """Every record in ``value`` with a start and an end lies inside the text: 0 <= start <= end <= size."""
    if isinstance(value, list):
        for i, item in enumerate(value):
            _check_offsets(item, size, f"{path}[{i}]")
    elif isinstance(value, Record):
        start, end = getattr(value, "start", None), getattr(value, "end", None)
        if isinstance(start, int) and isinstance(end, int) and not 0 <= start <= end <= size:
            raise InvalidRecord(f"field {path or 'record'}: start {start} and end {end} are not "
                                f"0 <= start <= end <= {size:,}, the length of the text")
        for f in dataclasses.fields(value):  # type: ignore[arg-type]
            child = getattr(value, f.name)
            if isinstance(child, Record | list):
                _check_offsets(child, size, f"{path}.{f.name}" if path else f.name)


def _check_indexes(article: Article) -> None:
    """Indexes into the article's own lists point at items that exist."""
    for i, paragraph in enumerate(article.paragraphs):
        if paragraph.section is not None and not 0 <= paragraph.section < len(article.sections):
            raise InvalidRecord(f"field paragraphs[{i}].section: {paragraph.section} is not the index of a section")
    for i, event in enumerate(article.events):
        if event.quote is not None and not 0 <= event.quote < len(article.quotes):
            raise InvalidRecord(f"field events[{i}].quote: {event.quote} is not the index of a quote")
        if event.quad_class is not None and event.quad_class not in (1, 2, 3, 4):  # a coded value (an int8 column)
            raise InvalidRecord(f"field events[{i}].quad_class: {event.quad_class} is not a quad class; use 1 "
                                "(verbal cooperation), 2 (material cooperation), 3 (verbal conflict) or 4 (material conflict)")
