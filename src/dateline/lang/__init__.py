"""Language knowledge as data: one folder per language (``lang/en/``), one file per list.

Code holds mechanisms; the words they work on live here, each list in one place, so that a second
language is a second folder. Two file shapes, both UTF-8, ``#`` starting a comment line:

- ``NAME.txt``: a word list, one entry per line (an entry may hold spaces: "point out").
- ``NAME.tsv``: a table; its first non-comment line names the columns.

Files are read once per process and validated at load: an empty entry, a duplicate, or a row with
the wrong number of columns is a :class:`LanguageDataError` that names the file and line.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from dateline.errors import ConfigError

DEFAULT = "en"


class LanguageDataError(ConfigError):
    """A language data file is missing or malformed; the message names the file and the line."""


def _lines(lang: str, filename: str) -> list[tuple[int, str]]:
    path = resources.files("dateline").joinpath("lang", lang, filename)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LanguageDataError(f"no language data file lang/{lang}/{filename}") from None
    return [(n, line.rstrip("\r\n")) for n, line in enumerate(text.splitlines(), 1)
            if line.strip() and not line.lstrip().startswith("#")]


@cache
def words(name: str, lang: str = DEFAULT, *, lower: bool = True) -> frozenset[str]:
    """The entries of ``lang/<lang>/<name>.txt`` (lower-cased unless ``lower=False``)."""
    return parse_words(_lines(lang, f"{name}.txt"), f"lang/{lang}/{name}.txt", lower=lower)


def parse_words(lines: list[tuple[int, str]], where: str, *, lower: bool = True) -> frozenset[str]:
    """Word-list entries from numbered lines; white space inside an entry is folded to one space."""
    seen: dict[str, int] = {}
    for n, line in lines:
        entry = " ".join(line.split())
        if lower:
            entry = entry.lower()
        if entry in seen:
            raise LanguageDataError(f"{where} line {n}: {entry!r} repeats line {seen[entry]}")
        seen[entry] = n
    return frozenset(seen)


@cache
def table(name: str, lang: str = DEFAULT) -> tuple[dict[str, str], ...]:
    """The rows of ``lang/<lang>/<name>.tsv`` as dicts keyed by the header's column names.

    Every row has exactly the header's columns (an empty trailing cell may be left off); the first
    column may not be empty. Rows keep their file order.
    """
    return parse_table(_lines(lang, f"{name}.tsv"), f"lang/{lang}/{name}.tsv")


def parse_table(lines: list[tuple[int, str]], where: str) -> tuple[dict[str, str], ...]:
    """Table rows from numbered lines, the first being the header."""
    if not lines:
        raise LanguageDataError(f"{where} is empty: it needs a header line")
    header = [c.strip() for c in lines[0][1].split("\t")]
    if len(set(header)) != len(header) or not all(header):
        raise LanguageDataError(f"{where} line {lines[0][0]}: the header {header!r} must name each column once")
    rows = []
    for n, line in lines[1:]:
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) > len(header):
            raise LanguageDataError(f"{where} line {n}: {len(cells)} cells, the header has {len(header)}")
        cells += [""] * (len(header) - len(cells))
        if not cells[0]:
            raise LanguageDataError(f"{where} line {n}: the first column ({header[0]}) is empty")
        rows.append(dict(zip(header, cells, strict=True)))
    return tuple(rows)


def column_words(name: str, column: str, value: str, lang: str = DEFAULT, *, key: str | None = None) -> frozenset[str]:
    """The first column (or ``key``) of the rows of a table whose ``column`` is ``value``: one list of
    a table that keeps several small lists side by side ("word<TAB>role")."""
    rows = table(name, lang)
    if not rows:
        return frozenset()
    first = key or next(iter(rows[0]))
    return frozenset(" ".join(r[first].lower().split()) for r in rows if r[column] == value)


def mapping(name: str, key: str, value: str, lang: str = DEFAULT, *, lower: bool = True) -> dict[str, str]:
    """Two columns of a table as a dict; a key given twice is an error."""
    out: dict[str, str] = {}
    for row in table(name, lang):
        k = " ".join(row[key].split())
        k = k.lower() if lower else k
        if k in out:
            raise LanguageDataError(f"lang/{lang}/{name}.tsv: {k!r} is given twice in column {key!r}")
        out[k] = row[value]
    return out
