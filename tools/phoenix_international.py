"""Convert the organisations of the Phoenix international-actors dictionary into
lang/en/actors_igo_phoenix.tsv.

Source: Phoenix.International.actors.txt (CAMEO international actors: intergovernmental organisations,
NGOs, multinationals) in the openeventdata/petrarch2 repository, petrarch2/data/dictionaries/; MIT
licence, Copyright (c) 2014 Open Event Data Alliance. Only data is taken: each name and its code.

    python tools/phoenix_international.py Phoenix.International.actors.txt > src/dateline/lang/en/actors_igo_phoenix.tsv

A block is a primary name, '+' synonyms and '[CODE]' or '[CODE YYMMDD-YYMMDD]' codes. Only blocks whose
first code is an undated IGO or NGO code are kept (dated codes are people's terms of office; MNC codes
are businesses).
"""

from __future__ import annotations

import re
import sys

_CODE = re.compile(r"\[([A-Z]{3,})\s*([<>]?\d{6,8}(?:-\d{6,8})?)?\s*\]")


def _name(raw: str) -> str:
    name = raw.split("#")[0].split("[")[0].strip().lstrip("+").strip().rstrip("_")
    return " ".join(name.replace("_", " ").split()).lower()


def blocks(lines):
    current = None
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        if line[0] in " \t":
            if current is not None:
                current["codes"] += _CODE.findall(line)
        elif line.startswith("+"):
            if current is not None:
                current["names"].append(_name(line))
        else:
            if current is not None:
                yield current
            current = {"names": [_name(line)], "codes": _CODE.findall(line.split("#")[0])}
    if current is not None:
        yield current


def main(path: str) -> None:
    print("# Intergovernmental and non-governmental organisations with their CAMEO codes: a fallback for the")
    print("# names actors_igo_codes.tsv lacks. Converted by tools/phoenix_international.py from")
    print("# Phoenix.International.actors.txt (openeventdata/petrarch2, petrarch2/data/dictionaries; MIT")
    print("# licence, Copyright (c) 2014 Open Event Data Alliance; see actors_known_persons.LICENSE).")
    print("# Used by nlp/actors.py (igo_code).")
    print("name\tcode")
    seen: set[str] = set()
    with open(path, encoding="utf-8", errors="replace") as f:
        for block in blocks(f):
            if not block["codes"]:
                continue
            code, dates = block["codes"][0]
            if dates or not code.startswith(("IGO", "NGO")):
                continue
            for name in block["names"]:
                if name and len(name) >= 2 and name not in seen:
                    seen.add(name)
                    print(f"{name}\t{code}")


if __name__ == "__main__":
    main(sys.argv[1])
