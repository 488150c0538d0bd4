"""Score each half of a development set with the project's scorer, to report a half developed on and a
half held back. Development tooling: it writes the two halves to a temporary folder and runs
``../shared/eval/dateline_eval.py`` on each; nothing of the data is kept.

  python tools/halves.py article-events ../shared/data/events/article-events-dev.jsonl
  python tools/halves.py events ../shared/data/events/plover-gsr-dev.json
  python tools/halves.py quotes ../shared/data/quotes/polnear-dev.jsonl

Halves: for article-events, A holds the news articles ae-dev-01..06 and the no-event pages
ae-dev-neg-01..07, B the rest; for every other set, A the records at even positions, B those at odd ones.
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


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    kind, data, extra = argv[0], Path(argv[1]), argv[2:]
    text = data.read_text(encoding="utf-8")
    as_list = data.suffix == ".json"
    records = json.loads(text) if as_list else [json.loads(line) for line in text.splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        for half in ("A", "B"):
            chosen = [r for i, r in enumerate(records) if _in_a(kind, i, r) == (half == "A")]
            path = Path(tmp) / f"{data.stem}-{half}{data.suffix}"
            path.write_text(json.dumps(chosen) if as_list else "".join(json.dumps(r) + "\n" for r in chosen),
                            encoding="utf-8")
            out = subprocess.run([sys.executable, str(SCORER), kind, str(path), *extra],
                                 capture_output=True, text=True)
            result = [line for line in out.stdout.splitlines() if line.startswith("RESULT")]
            print(f"half {half} ({len(chosen)} records): {result[-1] if result else out.stderr.strip()[-300:]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
