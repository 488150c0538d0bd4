"""Convert the Phoenix (TABARI / PETRARCH-2) dictionaries into dateline's language data.

Source: the openeventdata/petrarch2 repository, petrarch2/data/dictionaries/; MIT licence, Copyright
(c) 2014 Open Event Data Alliance (the licence is src/dateline/lang/en/phoenix.LICENSE).
Only data is taken: names, agent words and their CAMEO codes. No code of that project is used.

    python tools/phoenix.py persons Phoenix.Countries.actors.txt > src/dateline/lang/en/actors_known_persons.tsv
    python tools/phoenix.py agents Phoenix.agents.txt > src/dateline/lang/en/actors_agents_phoenix.tsv
    python tools/phoenix.py international Phoenix.International.actors.txt > src/dateline/lang/en/actors_igo_phoenix.tsv
    python tools/phoenix.py armed Phoenix.MilNonState.actors.txt > src/dateline/lang/en/actors_armed_groups_phoenix.tsv

The actor files are blocks: a primary name line, '+' synonym lines, and '[CODE]' or '[CODE YYMMDD-YYMMDD]'
codes on the name line or on indented lines ('>D' from D on, '<D' until D). Two-digit years pivot at 30.

- persons: people of the country-actors file (its country blocks, with a code on the name line, are left
  out: the country tables come from pycountry and countryinfo), codes cut to country + first role
  (AFGGOVBUS -> AFGGOV); Kosovo's KSV is written KOS, the code the PLOVER manual gives it.
- agents: 'WORD_WORD {PLURALS} [~CODE]' lines; '!PERSON!' stands for man, men, woman, women, person and
  '!MINIST!' (or a word ending in MINIST) for minister(s), ministry, ministries; codes that prefix
  another code ('[IGO~]') are left out, and a code is cut to its first sector (GOVMED -> GOV).
- international: blocks whose first code is an undated IGO or NGO code (dated codes are people's terms
  of office; MNC codes are businesses).
- armed: militarised non-state groups (the START TOPS names of Phoenix.MilNonState.actors.txt) whose first
  undated code is a country's (ISO 3166 alpha-3) or an international militarised group's (IMG), cut to
  six letters (PSEREBHMS -> PSEREB); names in parentheses (abbreviations) are left out.
"""

from __future__ import annotations

import re
import sys

import pycountry

_COUNTRY = {"KSV": "KOS"}  # Phoenix's country codes that dateline writes otherwise (PLOVER manual: Kosovo KOS)
_CODE = re.compile(r"\[([A-Z]{3,})\s*([<>]?\d{6,8})?(?:-(\d{6,8}))?\s*\]")
_AGENT = re.compile(r"^([A-Z0-9_!'.&-]+)\s*(?:\{([^}]*)\})?\s*\[~([A-Z]{3})[A-Z]*\]")
_SUBST = {"!PERSON!": ["man", "men", "woman", "women", "person"],
          "!MINIST!": ["minister", "ministers", "ministry", "ministries"]}
_PROVENANCE = ("{what} Converted by tools/phoenix.py from {file} (openeventdata/petrarch2,\n"
               "# petrarch2/data/dictionaries; MIT licence, Copyright (c) 2014 Open Event Data Alliance; see\n"
               "# phoenix.LICENSE).")


def _name(raw: str) -> str:
    name = raw.split("#")[0].split("[")[0].strip().lstrip("+").strip().rstrip("_")
    return " ".join(name.replace("_", " ").split()).lower()


def _date(value: str | None) -> str:
    if not value:
        return ""
    value = value.lstrip("<>")
    if len(value) == 6:
        yy = int(value[:2])
        value = f"{20 if yy < 30 else 19}{value}"
    return f"{value[:4]}-{value[4:6]}-{value[6:8]}"


def blocks(lines):
    """Each actor block: its names, the codes on its name line, and all its codes."""
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
            inline = _CODE.findall(line.split("#")[0])
            current = {"names": [_name(line)], "inline": inline, "codes": list(inline)}
    if current is not None:
        yield current


def persons(lines):
    yield "# Known persons with their date-bounded CAMEO roles: a fallback for a person the article names"
    yield "# without saying who they are, current to early 2014." + _PROVENANCE.format(what="", file="Phoenix.Countries.actors.txt")
    yield "# Columns: the person's names (| between), roles (; between: CODE FROM UNTIL, ISO dates or -)."
    yield "# Used by nlp/actors.py (known_person)."
    yield "names\troles"
    seen: set[str] = set()
    for block in blocks(lines):
        if block["inline"] or not block["codes"]:
            continue
        names = [n for n in dict.fromkeys(block["names"]) if n and len(n) >= 3]
        roles = []
        for code, start, end in block["codes"]:
            if start.startswith("<"):
                start, end = "", start
            roles.append(" ".join([_COUNTRY.get(code[:3], code[:3]) + code[3:6], _date(start) or "-", _date(end) or "-"]))
        key = "|".join(names)
        if names and key not in seen:
            seen.add(key)
            yield f"{key}\t{';'.join(dict.fromkeys(roles))}"


def _variants(term: str) -> list[str]:
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


def agents(lines):
    yield "# Agent words and phrases with their CAMEO sector: what a role noun says about an actor when the"
    yield "# curated table (actors_sectors.tsv) says nothing. Regular plurals are made at load." + _PROVENANCE.format(
        what="", file="Phoenix.agents.txt")
    yield "# Used by nlp/actors.py (sector_code)."
    yield "term\tsector"
    seen: set[str] = set()
    for line in lines:
        m = _AGENT.match(line.strip())
        if not m:
            continue
        term, plurals, sector = m.groups()
        forms = _variants(term) + [p for raw in (plurals or "").split(",") if raw.strip() for p in _variants(raw.strip())]
        for form in forms:
            if form and form not in seen and len(form) > 2:
                seen.add(form)
                yield f"{form}\t{sector}"


def international(lines):
    yield "# Intergovernmental and non-governmental organisations with their CAMEO codes: a fallback for the"
    yield "# names actors_igo_codes.tsv lacks." + _PROVENANCE.format(what="", file="Phoenix.International.actors.txt")
    yield "# Used by nlp/actors.py (igo_code)."
    yield "name\tcode"
    def code_of(block):
        code, start, _ = block["codes"][0] if block["codes"] else ("", "", "")
        return code if code.startswith(("IGO", "NGO")) and not start else None

    yield from _rows(lines, code_of)

def armed(lines):
    countries = {c.alpha_3 for c in pycountry.countries}
    yield "# Militarised non-state groups (rebels, insurgents, armed movements) with their CAMEO codes: the"
    yield "# country they fight in and their sector ('boko haram' -> NGAREB), or IMG for an international"
    yield "# militarised group." + _PROVENANCE.format(what="", file="Phoenix.MilNonState.actors.txt")
    yield "# Used by nlp/actors.py (armed_group_code)."
    yield "name\tcode"
    def code_of(block):
        undated = [code for code, start, end in block["codes"] if not start and not end]
        return undated[0][:6] if undated and (undated[0][:3] in countries or undated[0].startswith("IMG")) else None

    yield from _rows(lines, code_of, clean=lambda name: re.sub(r"\s*\([^)]*\)", "", name).strip(" -"), shortest=4)


def _rows(lines, code_of, clean=lambda name: name, shortest=1):
    """'name<TAB>code' for every name of every block that ``code_of`` gives a code, each name once."""
    seen: set[str] = set()
    for block in blocks(lines):
        code = code_of(block)
        if code is None:
            continue
        for name in map(clean, block["names"]):
            if len(name) >= shortest and name not in seen:
                seen.add(name)
                yield f"{name}\t{code}"

if __name__ == "__main__":
    kind, path = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8", errors="replace") as f:
        for out in {"persons": persons, "agents": agents, "international": international, "armed": armed}[kind](f):
            print(out)
