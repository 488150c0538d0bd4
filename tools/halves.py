"""Score each half of a development set with the project's scorer, to report a half developed on and a
half held back. Development tooling: it writes the two halves to a temporary folder and runs
``../shared/eval/dateline_eval.py`` on each; nothing of the data is kept.

  python tools/halves.py article-events ../shared/data/events/article-events-dev.jsonl
  python tools/halves.py events ../shared/data/events/plover-gsr-dev.json
  python tools/halves.py quotes ../shared/data/quotes/polnear-dev.jsonl
  python tools/halves.py extraction ../shared/data/extraction/scrapinghub-textdumps

Halves: for article-events, A holds the news articles ae-dev-01..06 and the no-event pages
ae-dev-neg-01..07, B the rest; for every other set, A the records at even positions, B those at odd ones
(an extraction set is a folder: its pages in the order of their ids in ``ground-truth.json``, linked
into a folder for each half).
Extra arguments go to the scorer (``--extra=--all-quotes``).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

SCORER = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dateline_eval.py"


def _in_a(kind: str, index: int, record: dict) -> bool:
    if kind == "article-events":
        number = int(re.findall(r"\d+", record["id"])[-1])
        return number <= (7 if "neg" in record["id"] else 6)
    return index % 2 == 0


def _page_files(folder: Path, key: str) -> list[Path]:
    """The files of one page of an extraction set, as the scorer looks for them."""
    found = [folder / "textdumps" / f"{key}.txt", folder / f"{key}.txt", folder / "html" / f"{key}.html.gz"]
    return [path for path in found if path.exists()][:1]


def _score(kind: str, path: Path, extra: list[str]) -> str:
    out = subprocess.run([sys.executable, str(SCORER), kind, str(path), *extra], capture_output=True, text=True)
    result = [line for line in out.stdout.splitlines() if line.startswith("RESULT")]
    return result[-1] if result else out.stderr.strip()[-300:]


def split_folder(data: Path, tmp: Path) -> list[tuple[str, Path, list[str]]]:
    """The two halves of an extraction set as folders under ``tmp`` (links to the pages and the
    ground truth of their own pages): [(half, folder, page ids)]."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    keys = [key for key in sorted(truth) if _page_files(data, key)]
    halves = []
    for half in ("A", "B"):
        chosen = [key for i, key in enumerate(keys) if (i % 2 == 0) == (half == "A")]
        folder = tmp / f"{data.name}-{half}"
        folder.mkdir()
        for key in chosen:
            source = _page_files(data, key)[0]
            target = folder / source.relative_to(data)
            target.parent.mkdir(exist_ok=True)
            target.symlink_to(source.resolve())
        (folder / "ground-truth.json").write_text(json.dumps({key: truth[key] for key in chosen}), encoding="utf-8")
        halves.append((half, folder, chosen))
    return halves


def _folder_halves(kind: str, data: Path, extra: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        for half, folder, chosen in split_folder(data, Path(tmp)):
            print(f"half {half} ({len(chosen)} pages): {_score(kind, folder, extra)}")
    return 0


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    kind, data, extra = argv[0], Path(argv[1]), argv[2:]
    if data.is_dir():
        return _folder_halves(kind, data, extra)
    text = data.read_text(encoding="utf-8")
    as_list = data.suffix == ".json"
    records = json.loads(text) if as_list else [json.loads(line) for line in text.splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        for half in ("A", "B"):
            chosen = [r for i, r in enumerate(records) if _in_a(kind, i, r) == (half == "A")]
            path = Path(tmp) / f"{data.stem}-{half}{data.suffix}"
            path.write_text(json.dumps(chosen) if as_list else "".join(json.dumps(r) + "\n" for r in chosen),
                            encoding="utf-8")
            print(f"half {half} ({len(chosen)} records): {_score(kind, path, extra)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
