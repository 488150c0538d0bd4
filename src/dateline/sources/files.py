"""Files and folders: which files an input names (folders recursively, hidden files left out)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..model import Failure

_SKIP_NAMES = {".DS_Store", "Thumbs.db"}


def iter_files(item: str) -> Iterator[Path | Failure]:
    """The file ``item`` names, or every file under the folder it names, in sorted order."""
    path = Path(item)
    if path.is_dir():
        yield from sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
    elif path.exists():
        yield path
    else:
        yield Failure(item, f"no such file or folder: {item}", "SourceError")


def _hidden(p: Path, root: Path) -> bool:
    rel = p.relative_to(root)
    return p.name in _SKIP_NAMES or any(part.startswith(".") for part in rel.parts)
