"""Convert the persons of the Phoenix country-actors dictionary into lang/en/actors_known_persons.tsv.

Source: Phoenix.Countries.actors.txt (TABARI format, generated from CountryInfo.140130.txt) in the
openeventdata/petrarch2 repository, petrarch2/data/dictionaries/; MIT licence, Copyright (c) 2014 Open
Event Data Alliance. Only data is taken: each person's names and date-bounded CAMEO role codes.

    python tools/phoenix_persons.py Phoenix.Countries.actors.txt > src/dateline/lang/en/actors_known_persons.tsv

A block is a primary name line, '+' synonym lines, and indented '[CODE YYMMDD-YYMMDD]' role lines
('>D' from D on, '<D' until D, no dates: any time). Country blocks (a code on the primary line) are left
out: the country tables come from pycountry and countryinfo. Codes are cut to country + first role
(AFGGOVBUS -> AFGGOV); two-digit years pivot at 30 (991231 -> 1999-12-31, 080507 -> 2008-05-07).
"""

from __future__ import annotations

import re
import sys

_CODE = re.compile(r"\[([A-Z]{3,})\s*([<>]?\d{6,8})?(?:-(\d{6,8}))?\]")


def _date(value: str | None) -> str:
    if not value:
        return ""
    value = value.lstrip("<>")
    if len(value) == 6:
        yy = int(value[:2])
        value = f"{20 if yy < 30 else 19}{value}"
    return f"{value[:4]}-{value[4:6]}-{value[6:8]}"


def _name(raw: str) -> str:
    name = raw.split("#")[0].strip().strip("+").strip()
    name = re.sub(r"\[.*", "", name).strip().rstrip("_")
    return " ".join(name.replace("_", " ").split()).lower()


def blocks(lines):
    current = None
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        if line[0] in " \t":
            if current is not None:
                current["roles"].extend(_CODE.findall(line))
        elif line.startswith("+"):
            if current is not None:
                current["names"].append(_name(line))
        else:
            if current is not None:
                yield current
            inline = _CODE.findall(line.split("#")[0])
            current = {"names": [_name(line)], "roles": [], "country_block": bool(inline)}
    if current is not None:
        yield current


def main(path: str) -> None:
    print("# Known persons with their date-bounded CAMEO roles: a fallback for a person the article names")
    print("# without saying who they are. Converted by tools/phoenix_persons.py from Phoenix.Countries.actors.txt")
    print("# (openeventdata/petrarch2, petrarch2/data/dictionaries; generated from CountryInfo.140130.txt;")
    print("# MIT licence, Copyright (c) 2014 Open Event Data Alliance; see actors_known_persons.LICENSE).")
    print("# Current to early 2014. Columns: the person's names (| between), roles (; between: CODE FROM UNTIL,")
    print("# ISO dates, empty for open-ended). Used by nlp/actors.py (known_person).")
    print("names\troles")
    seen: set[str] = set()
    with open(path, encoding="utf-8", errors="replace") as f:
        for block in blocks(f):
            if block["country_block"] or not block["roles"]:
                continue
            names = [n for n in dict.fromkeys(block["names"]) if n and len(n) >= 3]
            roles = []
            for code, start, end in block["roles"]:
                if start.startswith("<"):
                    start, end = "", start
                roles.append(" ".join([code[:6], _date(start) or "-", _date(end) or "-"]))
            key = "|".join(names)
            if not names or key in seen:
                continue
            seen.add(key)
            print(f"{key}\t{';'.join(dict.fromkeys(roles))}")


if __name__ == "__main__":
    main(sys.argv[1])
