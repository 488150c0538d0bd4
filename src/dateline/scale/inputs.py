"""The inputs of a scale job: local paths, folders and globs, or URIs that pyarrow's filesystems open."""

from __future__ import annotations

import fnmatch
import glob
import hashlib
import os
import re
from collections.abc import Iterable
from pathlib import Path

from pyarrow import fs as pafs

from ..errors import SourceError

_URI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_MAGIC = re.compile(r"[*?[]")


def is_uri(item: str) -> bool:
    return bool(_URI.match(item))


def open_filesystem(location: str) -> tuple[pafs.FileSystem, str]:
    """The filesystem and the path in it for a local path or a URI (s3://, gs://, hdfs://, file://)."""
    if is_uri(location):
        return pafs.FileSystem.from_uri(location)
    return pafs.LocalFileSystem(), str(Path(location).resolve())


def absolute(location: str) -> str:
    """A local path made absolute (workers may run elsewhere than here); a URI as it is."""
    return location if is_uri(location) else str(Path(location).resolve())


def expand_inputs(items: Iterable[str]) -> list[str]:
    """Every file named: globs and folders expanded (folders recursively), in a stable order, each once.

    A local file keeps the spelling the caller gave, so records name their source as ``process`` does.
    """
    found: list[str] = []
    for item in items:
        if not is_uri(item):
            matches = sorted(glob.glob(item, recursive=True)) if _MAGIC.search(item) else [item]
            if not matches:
                raise SourceError(f"no file matches {item!r}")
            for match in matches:
                path = Path(match)
                if path.is_dir():
                    found += [str(p) for p in sorted(path.rglob("*")) if p.is_file() and not _hidden(p, path)]
                elif path.is_file():
                    found.append(match)
                else:
                    raise SourceError(f"no such file or folder: {match}")
            continue
        found += _expand_uri(item)
    return list(dict.fromkeys(found))


def _expand_uri(uri: str) -> list[str]:
    scheme, rest = uri.split("://", 1)
    filesystem, path = open_filesystem(uri if not _MAGIC.search(uri) else f"{scheme}://{_static_prefix(rest)}")
    info = filesystem.get_file_info(path)
    if not _MAGIC.search(uri):
        if info.type == pafs.FileType.File:
            return [uri]
        if info.type == pafs.FileType.Directory:
            selector = pafs.FileSelector(path, recursive=True)
            return [f"{scheme}://{f.path}" for f in sorted(filesystem.get_file_info(selector), key=lambda f: f.path)
                    if f.type == pafs.FileType.File]
        raise SourceError(f"no such object or folder: {uri}")
    selector = pafs.FileSelector(path, recursive="**" in rest or "/" in rest[len(_static_prefix(rest)) + 1:])
    matches = [f"{scheme}://{f.path}" for f in filesystem.get_file_info(selector)
               if f.type == pafs.FileType.File and fnmatch.fnmatch(f.path, rest)]
    if not matches:
        raise SourceError(f"nothing matches {uri!r}")
    return sorted(matches)


def _static_prefix(path: str) -> str:
    """The folder part of a glob before its first wildcard: 'bucket/crawl/2024-0*/x' -> 'bucket/crawl'."""
    head = _MAGIC.split(path, 1)[0]
    return head.rsplit("/", 1)[0] if "/" in head else head


def _hidden(p: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in p.relative_to(root).parts)


def input_key(item: str) -> str:
    """A file name for an input's outputs and marker: readable, and unique by a hash of the full name."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", item.rstrip("/").rsplit("/", 1)[-1])[:60]
    return f"{name}-{hashlib.sha1(os.fsencode(item)).hexdigest()[:12]}"
