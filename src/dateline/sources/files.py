"""Files and folders: which files an input names (folders recursively, hidden files left out)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from ..model import Failure

_SKIP_NAMES = {".DS_Store", "Thumbs.db"}


def iter_files(item: str) -> Iterator[Path | Failure]:
    """The file ``item`` names, or every file under the folder it names, in sorted order.

    What is not a regular file (a FIFO, a socket, a device, a symlink to one or to nothing) is a
    Failure, not read: opening a FIFO would wait forever, a device would read without end."""
    path = Path(item)
    if path.is_dir():
        for p in sorted(p for p in path.rglob("*") if not _hidden(p, path)):
            if not p.is_dir():
                yield _regular(p)
    elif path.exists() or path.is_symlink():
        yield _regular(path)
    else:
        yield Failure(item, f"no such file or folder: {item}", "SourceError")


def _regular(path: Path) -> Path | Failure:
    """``path`` when it is a regular file (after symlinks), else a Failure saying what it is."""
    name = file_name(path)
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        what = "a symlink to nothing" if path.is_symlink() else f"cannot be read ({exc.strerror or exc})"
        return Failure(name, f"{name}: {what}; skipped", "SourceError")
    if stat.S_ISREG(mode):
        return path
    kind = ("a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")
    return Failure(name, f"{name}: {kind}, not a regular file; skipped", "SourceError")


def file_name(path: os.PathLike[str] | str) -> str:
    """A path as valid text: bytes of a name that are not UTF-8 (Python keeps them as lone surrogates,
    which no UTF-8 writer takes) are written as \\xNN escapes, e.g. caf\\xe9.html."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _hidden(p: Path, root: Path) -> bool:
    rel = p.relative_to(root)
    return p.name in _SKIP_NAMES or any(part.startswith(".") for part in rel.parts)
