"""Count the events the coder keeps on the article bodies of an extraction gold set, most of whose pages
(guides, reviews, shops, institutional pages) tell no political event: a check of invented events on
pages nobody annotated for events. Development tooling: it reads ``ground-truth.json`` of the folder
and prints each kept event with its sentence, then the total per page; nothing of the data is kept.

  python tools/events_on_pages.py ../shared/data/extraction/wcxb-dev-articles [--quiet]

Each body is annotated as ``dateline process --clean`` would (the default confidence threshold), with
a fixed publication date so that relative dates resolve.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from dateline.config import settings
from dateline.model import Article
from dateline.nlp.annotate import annotate_doc, keep_confident
from dateline.nlp.loader import load_nlp


def main(folder: str, quiet: bool = False) -> None:
    gold = json.loads((Path(folder) / "ground-truth.json").read_text(encoding="utf-8"))
    nlp = load_nlp()
    pages = events = 0
    for key in sorted(gold):
        body = gold[key].get("articleBody") or ""
        if not body.strip():
            continue
        pages += 1
        article = Article(id=key, source=key, text=body, published="2025-06-01")
        doc = nlp(body)
        annotate_doc(article, doc)
        keep_confident(article, events=settings.event_min_confidence, quotes=0)
        events += len(article.events)
        for e in article.events if not quiet else ():
            sent = next((s.text for s in doc.sents if s.start_char <= e.start < s.end_char), e.text)
            src, tgt = e.source and e.source.code, e.target and e.target.code
            print(f"{key} {e.plover} {src}->{tgt} {e.confidence:.2f} :: {' '.join(sent.split())[:160]}")
    print(f"RESULT pages={pages} events={events} events_per_page={events / max(pages, 1):.3f}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], quiet="--quiet" in sys.argv[2:])
