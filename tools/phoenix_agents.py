"""Convert the Phoenix agents dictionary into lang/en/actors_agents_phoenix.tsv.

Source: Phoenix.agents.txt (CAMEO agents file for PETRARCH) in the openeventdata/petrarch2 repository,
petrarch2/data/dictionaries/; MIT licence, Copyright (c) 2014 Open Event Data Alliance. Only data is
taken: each agent word or phrase and the first sector of its CAMEO agent code.

    python tools/phoenix_agents.py Phoenix.agents.txt > src/dateline/lang/en/actors_agents_phoenix.tsv

Lines are 'WORD_WORD {PLURALS} [~CODE]'. '!PERSON!' stands for man, men, woman, women, person and
'!MINIST!' (or a word ending in MINIST) for minister(s), ministry, ministries; codes that prefix another
code ('[IGO~]') are left out, and a code is cut to its first sector (GOVMED -> GOV).
"""

from __future__ import annotations

import re
import sys

_LINE = re.compile(r"^([A-Z0-9_!'.&-]+)\s*(?:\{([^}]*)\})?\s*\[~([A-Z]{3})[A-Z]*\]")
_SUBST = {"!PERSON!": ["man", "men", "woman", "women", "person"],
          "!MINIST!": ["minister", "ministers", "ministry", "ministries"]}


def variants(term: str) -> list[str]:
    out = [term]
    for mark, words in _SUBST.items():
        out = [v.replace(mark, " " + w if not v.startswith(mark) else w) if mark in v else v
               for v in out for w in (words if mark in v else [None])]
    final = []
    for v in out:
        words = v.replace("_", " ").lower().split()
        if words and words[-1] == "minist":
            final += [" ".join(words[:-1] + [w]) for w in _SUBST["!MINIST!"]]
        elif words:
            final.append(" ".join(words))
    return final


def main(path: str) -> None:
    print("# Agent words and phrases with their CAMEO sector: what a role noun says about an actor when the")
    print("# curated table (actors_sectors.tsv) says nothing. Converted by tools/phoenix_agents.py from")
    print("# Phoenix.agents.txt (openeventdata/petrarch2, petrarch2/data/dictionaries; MIT licence, Copyright")
    print("# (c) 2014 Open Event Data Alliance; see actors_known_persons.LICENSE). Regular plurals are made at")
    print("# load. Used by nlp/actors.py (sector_code).")
    print("term\tsector")
    seen: set[str] = set()
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = _LINE.match(line.strip())
            if not m:
                continue
            term, plurals, sector = m.groups()
            forms = variants(term) + [p for raw in (plurals or "").split(",") if raw.strip()
                                      for p in variants(raw.strip())]
            for form in forms:
                if form and form not in seen and len(form) > 2:
                    seen.add(form)
                    print(f"{form}\t{sector}")


if __name__ == "__main__":
    main(sys.argv[1])
