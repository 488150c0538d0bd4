"""Actor coding: ISO 3166 alpha-3 countries and CAMEO-style actor codes.

The country facts come from maintained data packages, not from a table typed
here: ``pycountry`` (ISO 3166 names, official and common names) and
``countryinfo`` (alternative spellings, capitals, demonyms, provinces). Only a
few news aliases that no package carries ("U.S.", "Washington" for the US
government, "Kremlin") are listed below, each with a comment.

Public API (stable: the events coder and the entity builder use it)::

    country_code("Chinese")                   -> "CHN"
    country_code("the United States")         -> "USA"
    actor_code("Blinken", "PERSON", ["US Secretary of State"]) -> ("USAGOV", "USA")
    actor_code("China", "GPE")                -> ("CHN", "CHN")
    actor_code("NATO", "ORG")                 -> ("IGOWSTNAT", None)

An actor code is CAMEO-style: an ISO3 country (or ``IGO`` + organisation for
intergovernmental bodies) followed by a three-letter sector: GOV MIL LEG JUD
OPP PTY BUS MED EDU NGO REB COP HLH REL LAB CVL SPY.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from datetime import date
from functools import cache, lru_cache

import pycountry

from .. import gazetteer, lang

# Priorities of the sources of a country name: a lower number wins a clash
# ("Georgia" the country before "Georgia" the US state; "Congo" the ISO name
# before the demonym "Congolese" that two countries share).
_ISO_NAME, _ALT_NAME, _CAPITAL, _DEMONYM, _PROVINCE = range(5)

# The tables of this module are language data (lang/en/actors_*.tsv), each read once.
_ALIASES = lang.table("actors_country_aliases")
# News names for a country that neither data package carries ("U.S.", "Britain", "PRC", "Gaza"), ISO3.
_COUNTRY_ALIASES: dict[str, str] = {r["alias"]: r["iso3"] for r in _ALIASES}
# Aliases above that are not the name of the country itself (a capital, a language, an adjective).
_NOT_NAMES = frozenset(r["alias"] for r in _ALIASES if r["kind"] != "name")
# Names that stand for a government (metonymy) rather than for a place: "the Kremlin said".
_GOVERNMENT_ALIASES: dict[str, str] = lang.mapping("actors_government_aliases", "alias", "iso3")
_GOVERNMENT_ALIAS_SECTOR = lang.mapping("actors_government_aliases", "alias", "sector")
# Intergovernmental organisations with their CAMEO codes (CAMEO manual, ch. 4).
_IGO_CODES: dict[str, str] = lang.mapping("actors_igo_codes", "name", "code")
# Code prefixes of actors that belong to no one country: intergovernmental and non-governmental
# organisations, international militarised groups ("IMGMUS" for al-Qaeda)
INTERNATIONAL = ("IGO", "NGO", "IMG")


def _sector_table(rows) -> tuple[tuple[str, frozenset[str]], ...]:
    """(sector, terms) in the order the sectors first appear in the table."""
    by_sector: dict[str, set[str]] = {}
    for row in rows:
        by_sector.setdefault(row["sector"], set()).add(" ".join(row["term"].lower().split()))
    return tuple((sector, frozenset(terms)) for sector, terms in by_sector.items())


# Sector words: a word or phrase in a name or descriptor -> CAMEO sector; the first sector found wins.
_SECTOR_ROWS = lang.table("actors_sectors")
_SECTOR_TERMS = tuple((sector, terms) for sector, terms in _sector_table(_SECTOR_ROWS) if sector != "-")
# terms the table writes with a capital: they name a role only as a capitalised word ("the Post")
_PROPER_TERMS = {r["term"].lower(): re.compile(rf"\b{re.escape(r['term'])}\b") for r in _SECTOR_ROWS
                 if r["term"][:1].isupper()}
_NO_ROLE_TERMS = next((terms for sector, terms in _sector_table(_SECTOR_ROWS) if sector == "-"), frozenset())
_ALL_SECTOR_TERMS = frozenset(t for _, terms in _SECTOR_TERMS for t in terms) | _NO_ROLE_TERMS


@cache
def _phoenix_terms() -> dict[str, str]:
    """The Phoenix agents dictionary, with regular plurals: a fallback for the political roles the curated
    table lacks ("chief negotiator", "paramilitaries", "emir"). Its other sectors (religions, refugees,
    criminals ...) are left out: the curated table says which social roles matter, and a sector there
    would hide the country-level actor a group stands for ("the Palestinian Islamic Jihad movement")."""
    political = lang.words("event_political_sectors", lower=False)
    out: dict[str, str] = {}
    for row in lang.table("actors_agents_phoenix"):
        if row["sector"] not in political:
            continue
        term = " ".join(row["term"].split())
        out.setdefault(term, row["sector"])
        head, _, last = term.rpartition(" ")
        plural = last[:-1] + "ies" if last.endswith("y") and last[-2:-1] not in "aeiou" else \
            last + "es" if last.endswith(("s", "x", "ch", "sh")) else last + "s"
        out.setdefault(f"{head} {plural}".strip(), row["sector"])
    return out


_TOKEN = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*\.?|\d+", re.UNICODE)
_MAX_NGRAM = 6


def _fold(text: str) -> str:
    """Lower case without accents, apostrophes unified, whitespace collapsed."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(text.lower().split())


def _strip_frame(text: str) -> str:
    """Drop a leading article and a trailing possessive: "the United States's" -> "united states"."""
    key = _fold(text).strip(" ,;:")
    if key.startswith("the "):
        key = key[4:]
    if key.endswith("'s"):
        key = key[:-2]
    elif key.endswith("'"):
        key = key[:-1]
    return key


@cache
def _country_index() -> tuple[dict[str, str], dict[str, str], dict[str, str], frozenset[str]]:
    """(folded name -> ISO3, exact upper-case code -> ISO3, folded province -> ISO3, keys that name a country).

    The last set holds the country names and aliases proper, not capitals or demonyms.

    Built once per process from pycountry and countryinfo. A name that two
    countries claim at the same priority is left out as ambiguous.
    """
    from countryinfo import all_countries

    # folded name -> (priority, -population, ISO3): the lower tuple wins, so on a
    # clash of equal priority the more populous country keeps the name
    # ("Chinese" is China's demonym before Taiwan's, "American" the USA's before
    # American Samoa's).
    best: dict[str, tuple[int, int, str]] = {}
    codes: dict[str, str] = {}
    population: dict[str, int] = {}

    def add(name: object, iso3: str, priority: int) -> None:
        if isinstance(name, list | tuple):  # some countries have several capitals
            for one in name:
                add(one, iso3, priority)
            return
        if not isinstance(name, str) or not name:
            return
        if name.isupper() and len(name) <= 4:  # a code such as "UK", "USA", "DRC": match case-sensitively
            codes.setdefault(name, iso3)
            return
        key = _strip_frame(name)
        if not key:
            return
        rank = (priority, -population.get(iso3, 0), iso3)
        if key not in best or rank < best[key]:
            best[key] = rank

    infos = [c.info() for c in all_countries()]
    for info in infos:
        iso3 = (info.get("ISO") or {}).get("alpha3")
        if iso3:
            population[iso3] = max(population.get(iso3, 0), int(info.get("population") or 0))

    for country in pycountry.countries:
        iso3 = country.alpha_3
        # an ISO code is a name only where news writes it as one (the alternative spellings and the
        # aliases: "USA", "UAE", "DRC"); "DJI" is a drone maker, "CAN" and "AND" words of a heading
        for attr in ("name", "common_name", "official_name"):
            add(getattr(country, attr, None), iso3, _ISO_NAME)

    provinces: dict[str, str | None] = {}
    for info in infos:
        iso3 = (info.get("ISO") or {}).get("alpha3")
        if not iso3:
            continue
        alpha2 = (info.get("ISO") or {}).get("alpha2")
        add(info.get("name"), iso3, _ISO_NAME)
        for alt in info.get("altSpellings") or ():
            if alt not in (alpha2, iso3):  # the codes themselves are no names (see the note above)
                add(alt, iso3, _ALT_NAME)
        add(info.get("capital"), iso3, _CAPITAL)
        add(info.get("demonym"), iso3, _DEMONYM)
        for province in info.get("provinces") or ():
            key = _strip_frame(province)
            provinces[key] = iso3 if provinces.get(key, iso3) == iso3 else None

    names = {key: iso3 for key, (_, _, iso3) in best.items()}
    for alias, iso3 in _COUNTRY_ALIASES.items():
        names[alias] = iso3
    for alias, iso3 in _GOVERNMENT_ALIASES.items():
        names.setdefault(alias, iso3)
    for abbreviation, iso3 in _REGION_ABBREVIATIONS.items():  # "B.C.", "N.Y."
        key = _strip_frame(abbreviation)
        provinces[key] = iso3 if provinces.get(key, iso3) == iso3 else None
    regions = {key: iso3 for key, iso3 in provinces.items()
               if iso3 and key not in names and key not in _COMMON_PLACE_WORDS}  # "the Gulf" is no province
    proper = {key for key, (priority, _, _) in best.items() if priority <= _ALT_NAME}
    proper |= {alias for alias in _COUNTRY_ALIASES if alias not in _NOT_NAMES}
    _CAPITALS.update(key for key, (priority, _, _) in best.items() if priority == _CAPITAL)
    return names, codes, regions, frozenset(proper)


_CAPITALS: set[str] = set()  # folded capital names, filled with the index


def is_capital(text: str) -> bool:
    """Is ``text`` only a capital's name ("Paris", "Beijing"), a country by metonymy at most?"""
    _country_index()
    return _strip_frame(text) in _CAPITALS


@lru_cache(maxsize=1 << 16)  # asked about the same few words thousands of times per batch of pages
def country_code(text: str) -> str | None:
    """ISO 3166 alpha-3 of a country name, alias, demonym or capital; None otherwise.

    Accepts what news writes: "China", "Chinese", "Beijing", "U.S.", "US",
    "the United States", "American", "Americans", "Washington", "Britain",
    "UK", "Moscow", "China's". Codes ("USA", "GBR", "DRC") only in capitals.
    Provinces and states are not countries here (see :func:`place_country`).
    """
    if not text or not text.strip():
        return None
    names, codes, _, _ = _country_index()
    raw = text.strip().strip(",;:")
    for candidate in (raw, raw.removesuffix("'s").removesuffix("\u2019s")):
        if candidate in codes:
            return codes[candidate]
    key = _strip_frame(raw)
    if key in names:
        return names[key]
    if key.endswith("s") and key[:-1] in names:  # plural demonym: "Americans", "Russians"
        return names[key[:-1]]
    return None


def alias_country(text: str) -> str | None:
    """ISO3 of a news alias of the country tables only (actors_country_aliases.tsv): "the PRC", "Hamas"."""
    return _COUNTRY_ALIASES.get(_strip_frame(text))


def is_country_name(text: str) -> bool:
    """Is ``text`` the name of a country ("the United States", "U.S.", "Britain"), not a capital or demonym?"""
    names, codes, _, proper = _country_index()
    raw = text.strip()
    return raw in codes or _strip_frame(raw) in proper


def place_country(text: str) -> str | None:
    """ISO3 of the country a place name belongs to: a country reference, a province or state, or a city
    the name means unambiguously (:func:`dateline.gazetteer.city_country`: "Peshawar", not "Cambridge")."""
    code = country_code(text)
    if code:
        return code
    _, _, regions, _ = _country_index()
    key = _strip_frame(text)
    return regions.get(key) or gazetteer.city_country(key)


_REGIONS = lang.words("actors_regions")
_COMMON_PLACE_WORDS = lang.words("actors_common_place_words")
_REGION_ABBREVIATIONS: dict[str, str] = lang.mapping("actors_region_abbreviations", "abbreviation", "iso3")
_LOCATED = re.compile(r"\b(?:of|in|at)\s+(?:the\s+)?$", re.I)
_RELATION_PREFIXES = lang.words("actors_relation_prefixes")


def find_countries(text: str, *, capitals: bool = True) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, ISO3) for each country reference in free text, longest match first.

    Only capitalised words count ("chad" in lower case is not Chad), except
    demonym-like words are also capitalised in English, so nothing is lost. A region that holds a
    country's name ("North America") is no country; nor is a country word hyphenated into a relation
    ("Sino-US", "US-China"). ``capitals=False`` leaves out capitals that name a thing ("the Paris
    Agreement"), keeping those that locate it ("the University of Oslo", "the embassy in Beijing").
    """
    tokens = list(_TOKEN.finditer(text))
    i = 0
    while i < len(tokens):
        found = None
        if tokens[i].group()[0].isupper():
            region = _region_at(text, tokens, i)
            if region:
                i += region
                continue
            for n in range(min(_MAX_NGRAM, len(tokens) - i), 0, -1):
                start, end = tokens[i].start(), tokens[i + n - 1].end()
                code = country_code(text[start:end])
                if code and (capitals or not is_capital(text[start:end]) or _LOCATED.search(text[:start])) \
                        and not _in_relation(text, start, end):
                    found = (start, end, code, n)
                    break
        if found:
            yield found[0], found[1], found[2]
            i += found[3]
        else:
            i += 1


def _region_at(text: str, tokens: list, i: int) -> int:
    """How many tokens from ``i`` name a region (0: none)."""
    for n in range(min(4, len(tokens) - i), 1, -1):
        if _fold(text[tokens[i].start():tokens[i + n - 1].end()]) in _REGIONS:
            return n
    return 0


def _in_relation(text: str, start: int, end: int) -> bool:
    """ "Sino-US", "US-China", "Indo-Pakistani": a country word hyphenated to a relation prefix or to
    another country word."""
    if start > 0 and text[start - 1] in "-‐‑–":
        before = re.search(r"([^\W\d_]+)$", text[:start - 1])
        if before and (before.group(1).lower() in _RELATION_PREFIXES or country_code(before.group(1))):
            return True
    if end < len(text) and text[end] in "-‐‑–":
        after = re.match(r"[^\W\d_]+", text[end + 1:])
        if after and (country_code(after.group()) or after.group().lower() in _RELATION_PREFIXES):
            return True
    return False


def _phrases(text: str) -> set[str]:
    """All folded 1..4-word phrases of ``text`` (for sector look-up), each also with its last word in
    the singular ("opposition leaders" -> "opposition leader"), so that a table lists singulars."""
    words = [w.rstrip(".").lower() for w in _TOKEN.findall(_fold(text).replace("-", " "))]
    words = [w.replace(".", "") if len(w) <= 4 else w for w in words]
    out: set[str] = set()
    for n in range(1, 5):
        for i in range(len(words) - n + 1):
            phrase = words[i : i + n]
            out.add(" ".join(phrase))
            singular = _singular(phrase[-1])
            if singular != phrase[-1]:
                out.add(" ".join([*phrase[:-1], singular]))
    return out


def _singular(word: str) -> str:
    """The regular singular of an English plural noun: leaders -> leader, militias -> militia,
    authorities -> authority, churches -> church; other words as they are."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    return word[:-1]


# Titles that every kind of organisation has: they say GOV only when no other sector is named
# ("vice president of a company" is BUS; "the president" alone is the head of state).
_GENERIC_TITLES = lang.words("actors_generic_titles")
STANCE_PREFIXES = lang.words("actors_stance_prefixes")  # "anti-", "pro-": a stance, no nationality


def names_no_role(text: str) -> bool:
    """Is ``text`` a phrase the sector table marks as naming no role ("the responsible party", "third
    party", "artificial intelligence"), though a word inside it names one?"""
    return bool(_phrases(text) & _NO_ROLE_TERMS)


def sector_code(texts: Sequence[str]) -> str | None:
    """The CAMEO sector named in any of ``texts`` ("Foreign Minister" -> "GOV"), or None."""
    phrases: set[str] = set()
    for text in texts:
        phrases |= _phrases(text)
    # the longest phrase the table lists wins over the words inside it ("think tank", "marketing agency")
    known = phrases & _ALL_SECTOR_TERMS
    phrases -= {inner for phrase in known for inner in _phrases(phrase) if inner != phrase}
    phrases -= _NO_ROLE_TERMS
    phrases -= {term for term, capitalised in _PROPER_TERMS.items()
                if term in phrases and not any(capitalised.search(text) for text in texts)}
    generic = False
    for sector, terms in _SECTOR_TERMS:
        hits = phrases & terms
        if not hits:
            continue
        if sector == "GOV" and hits <= _GENERIC_TITLES:
            generic = True  # decided below, once every other sector has been looked for
            continue
        return sector
    if generic:
        return "GOV"
    phoenix = _phoenix_terms()
    found = max((p for p in phrases if p in phoenix), key=len, default=None)  # the longest phrase it knows
    return phoenix[found] if found else None


_KNOWN_PERSON_TABLES = ("actors_known_persons", "actors_known_persons_recent")  # Phoenix to 2014, then since


@cache
def _known_persons() -> dict[str, tuple[tuple[str, str, str], ...] | None]:
    """Folded name -> roles (code, from, until), from every known-persons table; the roles of one name
    in two tables are merged when they can be one person (:func:`_one_person`), and a name two people
    of different countries share maps to None."""
    index: dict[str, tuple[tuple[str, str, str], ...] | None] = {}
    for table in _KNOWN_PERSON_TABLES:
        for row in lang.table(table):
            roles = tuple(tuple(r.split(" ")) for r in row["roles"].split(";") if r.strip())
            for name in row["names"].split("|"):
                key = _fold(name)
                if key not in index:
                    index[key] = roles  # type: ignore[assignment]
                    continue
                prior = index[key]
                if prior is not None and _one_person(prior, roles):
                    index[key] = prior + roles  # type: ignore[assignment]
                else:
                    index[key] = None
    return index


def _one_person(a: tuple[tuple[str, str, str], ...], b: tuple[tuple[str, str, str], ...]) -> bool:
    """Whether two rows of roles under one name can be one person: they share a country, or one of them
    holds only international posts (a prime minister who became UN Secretary-General)."""
    homes_a = {r[0][:3] for r in a if not r[0].startswith(INTERNATIONAL)}
    homes_b = {r[0][:3] for r in b if not r[0].startswith(INTERNATIONAL)}
    return not homes_a or not homes_b or bool(homes_a & homes_b)


def known_person(name: str, on: date | None = None) -> tuple[str, str | None] | None:
    """(CAMEO code, ISO3 or None for an international organisation) of a known person by full name
    (the known-persons tables: Phoenix to 2014, then dateline's own since): the role held ``on`` that
    day (of several, the one taken up last), else the latest role; None for an unknown or shared name."""
    if len(name.split()) < 2:
        return None
    roles = _known_persons().get(_fold(name))
    if not roles:
        return None
    day = on.isoformat() if on else None
    held = [r for r in roles if day and (r[1] == "-" or r[1] <= day) and (r[2] == "-" or day <= r[2])]
    if held:  # the role taken up last: an open-ended role of an older table yields to a newer one
        code = max(held, key=lambda r: (r[1] != "-", r[1]))[0]
    else:
        code = sorted(roles, key=lambda r: (r[2] == "-", r[2], r[1]))[-1][0]
    return code, (None if code.startswith(INTERNATIONAL) else code[:3])


@cache
def _known_surnames() -> dict[str, list[tuple[tuple[str, str, str], ...]]]:
    """Folded surname -> the roles of each known person of that surname (one entry per person)."""
    index: dict[str, dict[tuple, None]] = {}
    for name, roles in _known_persons().items():
        words = name.split()
        if roles is not None and len(words) >= 2:
            index.setdefault(words[-1], {})[roles] = None
    return {surname: list(people) for surname, people in index.items()}


def titled_person(surname: str, sector: str, on: date | None) -> tuple[str, str | None] | None:
    """(code, ISO3) of the one known person of that surname who held an office of ``sector`` on the day
    ("President Trump", "Chancellor Merkel"); when the day is unknown, of the one code that every known
    holder of such an office of that surname ever held. None when no one or several did (a surname
    alone, with no title, is never enough)."""
    if len(surname.split()) != 1:
        return None
    day = on.isoformat() if on else None
    found = {r[0] for roles in _known_surnames().get(_fold(surname), ()) for r in roles
             if r[0][3:6] == sector and (day is None or ((r[1] == "-" or r[1] <= day) and (r[2] == "-" or day <= r[2])))}
    if len(found) != 1:
        return None
    (code,) = found
    return code, (None if code.startswith(INTERNATIONAL) else code[:3])


def igo_code(name: str) -> str | None:
    """CAMEO code of an intergovernmental organisation ("NATO" -> "IGOWSTNAT"), or None."""
    key = _strip_frame(name)
    # the tables list the UN's bodies as "un ...": "United Nations Security Council" is the same body
    variants = (key, key.replace(".", ""), key.replace("united nations ", "un ", 1))
    for table in (_IGO_CODES, _phoenix_igos()):
        found = next((table[v] for v in variants if v in table), None)
        if found:
            return found
    return None


def armed_group_code(name: str) -> tuple[str, str | None] | None:
    """(CAMEO code, ISO3 or None) of a militarised non-state group by name ("Boko Haram" -> NGAREB,
    "al-Shabaab" -> SOMREB, "al-Qaeda" -> IMGMUS, an international militarised group), or None."""
    key = _strip_frame(name)
    code = _armed_groups().get(key)  # _strip_frame has unified the apostrophes
    if code is None:
        return None
    return code, (None if code.startswith(INTERNATIONAL) else code[:3])


@cache
def _armed_groups() -> dict[str, str]:
    return {" ".join(r["name"].split()): r["code"] for r in lang.table("actors_armed_groups_phoenix")}


@cache
def _phoenix_igos() -> dict[str, str]:
    """The Phoenix international-actors dictionary: organisations the curated table lacks."""
    return {" ".join(r["name"].split()): r["code"] for r in lang.table("actors_igo_phoenix")}


def actor_code(name: str, type: str, descriptors: Sequence[str] = ()) -> tuple[str | None, str | None]:
    """(CAMEO-style actor code, ISO3 country) of an entity from its name, type and descriptors.

    - GPE/NORP/LOC naming a country: ("CHN", "CHN"); a government metonym
      ("the Kremlin", "White House", "Washington"): ("RUSGOV", "RUS").
    - ORG: an IGO by name ("NATO" -> "IGOWSTNAT"); otherwise the country named
      in the name or descriptors plus the sector ("Chinese Ministry of Foreign
      Affairs" -> "CHNGOV").
    - PERSON: country and sector from the descriptors only (the name of a person
      says nothing about a country: "Jordan" is also a first name):
      ("Blinken", "PERSON", ["US Secretary of State"]) -> ("USAGOV", "USA").
    A sector without a country gives the bare sector ("EDU"); neither gives (None, None).
    """
    key = _strip_frame(name)
    if (first := re.split(r"[-\u2010\u2011\u2013]", key, maxsplit=1))[0] in STANCE_PREFIXES and len(first) == 2:
        return None, None  # "Anti-American", "pro-Russian": a stance towards a country, not its people
    if key in _GOVERNMENT_ALIASES:
        iso3 = _GOVERNMENT_ALIASES[key]
        return iso3 + _GOVERNMENT_ALIAS_SECTOR.get(key, "GOV"), iso3
    if type in ("GPE", "NORP", "LOC"):
        iso3 = country_code(name)
        if iso3:
            if key == "washington":
                return "USAGOV", "USA"
            return iso3, iso3
        if type == "GPE":
            iso3 = place_country(name)
            if iso3:
                return iso3, iso3
            igo = igo_code(name)  # the model takes a union of states for a place: "the African Union"
            return (igo, None) if igo else (None, None)
    if type == "ORG":
        igo = igo_code(name)
        if igo:
            return igo, None
        if is_country_name(name):  # the model took a state for an organisation: "the Russian Federation"
            iso3 = country_code(name)
            return iso3, iso3
    if type in ("ORG", "NORP") and (armed := armed_group_code(name)) is not None:
        return armed  # "Boko Haram": NGAREB; "al-Qaeda": IMGMUS
    texts = [name, *descriptors] if type != "PERSON" else list(descriptors)
    iso3 = None
    for text in texts:
        # a capital inside a name or a role is a place, not the actor's state ("the Paris Agreement");
        # a country's name that opens a proper name is part of that name ("Georgia Tech", "Jordan Brand")
        for start, end, code in find_countries(text, capitals=False):
            if not _opens_a_name(text, start, end) and not _sent_to(text, start, end):
                iso3 = code
                break
        if iso3:
            break
    if type == "PERSON" and not iso3:
        for text in descriptors:
            igo = _igo_in(text)
            if igo:
                return igo, None
    if not iso3 and type == "ORG" and name.split() and (region := _REGION_ABBREVIATIONS.get(name.split()[0].lower())):
        iso3 = region  # "B.C. Supreme Court", "N.Y. State Assembly": a state's or province's body
    sector = sector_code(texts) if texts else None
    if not iso3 and (titled := national_title(texts)) is not None:
        iso3, title_sector = titled
        sector = sector or title_sector
    if iso3 and type == "ORG" and sector is None and not descriptors:
        # a name that holds a place but says nothing of what the body is: "Georgia Tech", "Jordan Brand"
        return None, None
    if iso3:
        return iso3 + (sector or ""), iso3
    return sector, None


# "ambassador to Britain", "China's envoy to the United States": the state an office is sent to is its
# host, not its holder's ("adviser to the Afghan president" names whose president: a demonym counts)
_TO_BEFORE = re.compile(r"\bto\s+(?:the\s+)?$", re.IGNORECASE)


def _sent_to(text: str, start: int, end: int) -> bool:
    return bool(_TO_BEFORE.search(text[:start])) and is_country_name(text[start:end])

_TITLES = {" ".join(r["title"].split()): (r["iso3"], r["sector"]) for r in lang.table("actors_country_titles")}


def national_title(texts: Sequence[str]) -> tuple[str, str] | None:
    """(ISO3, sector) of an office only one state has, named in any of ``texts``."""
    for text in texts:
        phrases = _phrases(text)
        for title, found in _TITLES.items():
            if title in phrases:
                return found
    return None


def _opens_a_name(text: str, start: int, end: int) -> bool:
    """A country's name (not a demonym) followed by a capitalised word that names no role or sector."""
    after = re.match(r"\s+([A-Z][^\W\d_]*)((?:\s+[^\W\d_]+)?)", text[end:])
    if after is None or not is_country_name(text[start:end]):
        return False
    word, rest = after.group(1), after.group(2)
    return (sector_code([word + rest]) is None and sector_code([word]) is None and country_code(word) is None
            and word.lower() not in ("of", "and"))


def _igo_in(text: str) -> str | None:
    """The IGO named inside a descriptor ("NATO Secretary General" -> "IGOWSTNAT")."""
    for phrase in sorted(_phrases(text), key=len, reverse=True):
        if phrase in _IGO_CODES and len(phrase) > 3:
            return _IGO_CODES[phrase]
    tokens = set(_TOKEN.findall(text))
    for token in tokens:
        if token.isupper() and token.lower() in _IGO_CODES:
            return _IGO_CODES[token.lower()]
    return None
