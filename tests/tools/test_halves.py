"""tools/halves.py: the two halves of an extraction set (a folder of pages and one ground truth)."""

from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path

_TOOL = Path(__file__).resolve().parents[2] / "tools" / "halves.py"


def _halves():
    spec = importlib.util.spec_from_file_location("halves_tool", _TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_an_extraction_folder_splits_into_even_and_odd_pages(tmp_path: Path):
    data = tmp_path / "pages"
    (data / "html").mkdir(parents=True)
    truth = {}
    for key in ("d", "b", "a", "c", "e"):
        truth[key] = {"articleBody": f"body of {key}"}
        (data / "html" / f"{key}.html.gz").write_bytes(gzip.compress(f"<p>{key}</p>".encode()))
    truth["missing"] = {"articleBody": "a page with no file"}
    (data / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()

    halves = _halves().split_folder(data, out)

    assert [(half, keys) for half, _, keys in halves] == [("A", ["a", "c", "e"]), ("B", ["b", "d"])]
    for _, folder, keys in halves:
        assert sorted(json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))) == keys
        assert sorted(p.name for p in (folder / "html").iterdir()) == [f"{k}.html.gz" for k in keys]
        assert gzip.decompress((folder / "html" / f"{keys[0]}.html.gz").read_bytes()) == f"<p>{keys[0]}</p>".encode()


def test_a_folder_of_text_dumps_keeps_its_pages_at_the_top(tmp_path: Path):
    data = tmp_path / "dumps"
    data.mkdir()
    for key in ("x", "y"):
        (data / f"{key}.txt").write_text(f"text of {key}", encoding="utf-8")
    (data / "ground-truth.json").write_text(json.dumps({"x": {}, "y": {}}), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()

    (_, a, _), (_, b, _) = _halves().split_folder(data, out)

    assert (a / "x.txt").read_text(encoding="utf-8") == "text of x"
    assert (b / "y.txt").read_text(encoding="utf-8") == "text of y"
