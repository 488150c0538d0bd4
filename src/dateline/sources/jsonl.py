"""JSON lines of dateline's own records (what `dateline process` prints): read back as records.

An article record comes back as an ``Article`` and a failure record as a
``Failure``, so that processing the output again gives the same records. A line
that is not a record is reported with its line number and the rest go on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from ..model import Article, Failure

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
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(64 * 1024)) and not rest.endswith(b"\n"):
                pass
            yield Failure(f"{source}:{number}", f"{source}: line {number} is over the limit of {max_bytes:,} bytes "
                          "(raise --max-bytes)", "InputTooLarge")
            continue
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except (ValueError, UnicodeDecodeError) as exc:
            yield Failure(f"{source}:{number}", f"{source}: line {number} is not JSON ({exc})", "InputError")
            continue
        yield record_from_dict(data, f"{source}:{number}")


def record_from_dict(data: object, where: str) -> Article | Failure:
    """An Article or Failure from its to_dict() form, or a Failure saying why it is neither."""
    if not isinstance(data, dict):
        return Failure(where, f"{where}: a JSON {type(data).__name__}, not a dateline record", "InputError")
    if "error" in data and "text" not in data:
        if not isinstance(data.get("source"), str) or not isinstance(data["error"], str):
            return Failure(where, f"{where}: a failure record needs a source and an error", "InputError")
        failure = Failure.from_dict(data)
        try:
            json.dumps(failure.to_dict(), ensure_ascii=False).encode("utf-8")
        except (UnicodeEncodeError, TypeError, ValueError) as exc:
            return Failure(where, f"{where}: not a valid failure record ({type(exc).__name__}: {exc})", "InputError")
        return failure
    if not isinstance(data.get("id"), str) or not isinstance(data.get("source"), str):
        return Failure(where, f"{where}: not a dateline record (an article needs an id and a source)", "InputError")
    try:
        article = Article.from_dict(data)
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        return Failure(where, f"{where}: not a valid dateline record ({exc!r})", "InputError")
    try:  # a JSON escape such as "\\ud800" gives a lone surrogate, which no UTF-8 writer (stdout, SQLite) takes
        json.dumps(article.to_dict(), ensure_ascii=False).encode("utf-8")
    except (UnicodeEncodeError, TypeError, ValueError) as exc:
        return Failure(where, f"{where}: not a valid dateline record ({type(exc).__name__}: {exc})", "InputError")
    return article
