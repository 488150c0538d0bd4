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

from .. import lang

# Priorities of the sources of a country name: a lower number wins a clash
# ("Georgia" the country before "Georgia" the US state; "Congo" the ISO name
# before the demonym "Congolese" that two countries share).
_ISO_NAME, _ALT_NAME, _CAPITAL, _DEMONYM, _PROVINCE = range(5)

# News aliases that neither data package carries. Each maps to ISO3.
_COUNTRY_ALIASES: dict[str, str] = {
    "u.s.": "USA",  # the dotted abbreviation; countryinfo has only "US"/"USA"
    "us": "USA",  # the alpha-2 code is kept out of the index (IN, IT, NO are words), but US is the name
    "u.s.a.": "USA",
    "america": "USA",  # the country in common speech, not the continent
    "u.k.": "GBR",
    "britain": "GBR",  # countryinfo has "Great Britain" only
    "england": "GBR",  # constituent countries code to the state
    "scotland": "GBR",
    "northern ireland": "GBR",
    "washington": "USA",  # countryinfo's capital is "Washington D.C."
    "english": "GBR",
    "scottish": "GBR",
    "emirati": "ARE",
    "saudi": "SAU",  # the short form news uses; countryinfo's demonym is "Saudi Arabian"
    "kiev": "UKR",  # the older spelling of Kyiv, still common in news
    "soviet": "RUS",  # successor state, as CAMEO codes it
    "soviet union": "RUS",
    "ussr": "RUS",
}

# Aliases above that are not the name of the country itself (a capital, a language, an adjective).
_NOT_NAMES = frozenset({"washington", "english", "scottish", "emirati", "soviet", "saudi"})

# Names that stand for a government (metonymy) rather than for a place: news
# writes "the Kremlin said" for the Russian government. Not in any package.
_GOVERNMENT_ALIASES: dict[str, str] = {
    "kremlin": "RUS",
    "white house": "USA",
    "pentagon": "USA",  # coded MIL below
    "downing street": "GBR",
    "elysee": "FRA",
    "zhongnanhai": "CHN",
    "capitol hill": "USA",  # coded LEG below
    "state department": "USA",
    "whitehall": "GBR",
}
_GOVERNMENT_ALIAS_SECTOR = {"pentagon": "MIL", "capitol hill": "LEG"}

# Intergovernmental organisations with their CAMEO codes (CAMEO manual, ch. 4);
# no data package lists them.
_IGO_CODES: dict[str, str] = {
    "united nations": "IGOUNO",
    "un": "IGOUNO",
    "u.n.": "IGOUNO",
    "un security council": "IGOUNO",
    "security council": "IGOUNO",
    "unicef": "IGOUNOUNICEF",
    "unhcr": "IGOUNOUNHCR",
    "world health organization": "IGOUNOWHO",
    "who": "IGOUNOWHO",
    "international monetary fund": "IGOUNOIMF",
    "imf": "IGOUNOIMF",
    "world bank": "IGOUNOWBK",
    "world trade organization": "IGOWTO",
    "wto": "IGOWTO",
    "nato": "IGOWSTNAT",
    "north atlantic treaty organization": "IGOWSTNAT",
    "european union": "IGOEUREEC",
    "eu": "IGOEUREEC",
    "european commission": "IGOEUREEC",
    "european parliament": "IGOEUREEC",
    "african union": "IGOAFRAFU",
    "arab league": "IGOMEAARL",
    "asean": "IGOSEAASN",
    "association of southeast asian nations": "IGOSEAASN",
    "opec": "IGOBUSOPC",
    "g7": "IGOG7",
    "g20": "IGOG20",
    "shanghai cooperation organisation": "IGOASASCO",
    "international atomic energy agency": "IGOUNOIAE",
    "iaea": "IGOUNOIAE",
    "international criminal court": "IGOUNOICC",
    "icc": "IGOUNOICC",
    "interpol": "IGOITP",
    "red cross": "NGOIRC",
    "international committee of the red cross": "NGOIRC",
}

# Sector words (English lexicon): a word or phrase in a name or descriptor -> CAMEO sector.
# Checked in this order; the first sector found wins, so specific roles come first.
_SECTOR_TERMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("REB", ("rebel", "rebels", "insurgent", "insurgents", "militant", "militants", "separatist",
             "separatists", "guerrilla", "guerrillas", "taliban", "hamas", "hezbollah", "militia")),
    ("SPY", ("intelligence agency", "spy agency", "cia", "mi6", "fsb", "kgb", "mossad")),
    ("JUD", ("court", "judge", "judges", "justice", "prosecutor", "prosecutors", "attorney general",
             "tribunal", "judiciary")),
    ("MIL", ("army", "military", "armed forces", "navy", "naval", "air force", "defence ministry",
             "defense ministry", "defense department", "general", "admiral", "colonel", "commander",
             "troops", "soldier", "soldiers", "marines", "pla", "people's liberation army",
             "pentagon", "commando", "defence forces", "defense forces")),
    ("COP", ("police", "policeman", "policemen", "police officer", "sheriff", "constable", "coast guard",
             "border guard", "border guards")),
    ("LEG", ("parliament", "parliamentary", "congress", "congressman", "congresswoman", "senate",
             "senator", "lawmaker", "lawmakers", "legislator", "legislature", "mp", "mps", "assembly",
             "duma", "knesset", "house of representatives", "house of commons", "house of lords",
             "national people's congress", "legislative")),
    ("OPP", ("opposition", "dissident", "dissidents", "activist", "activists", "protester",
             "protesters", "protestors")),
    ("PTY", ("party",)),
    ("GOV", ("government", "minister", "ministry", "president", "prime minister", "premier",
             "chancellor", "secretary of state", "secretary", "spokesperson", "spokesman",
             "spokeswoman", "foreign affairs", "foreign office", "state department", "department",
             "cabinet", "administration", "ambassador", "embassy", "consulate", "diplomat",
             "envoy", "official", "officials", "king", "queen", "monarch", "governor", "mayor",
             "authorities", "regime", "leader", "vice president", "white house", "kremlin",
             "state council", "council", "agency", "commission", "bureau", "office",
             "foreign policy", "diplomatic", "politburo", "presidency")),
    ("MED", ("newspaper", "journalist", "journalists", "reporter", "correspondent", "editor",
             "broadcaster", "television", "tv", "radio", "news agency", "news", "magazine",
             "media", "times", "post", "daily", "gazette", "bbc", "cnn", "reuters", "xinhua")),
    ("EDU", ("university", "professor", "school", "college", "academy", "academic", "researcher",
             "scholar", "lecturer", "institute", "student", "students", "think tank", "think-tank",
             "fellow", "analyst", "expert")),
    ("HLH", ("hospital", "doctor", "doctors", "health", "medical", "nurse", "nurses")),
    ("REL", ("church", "pope", "bishop", "imam", "cleric", "priest", "rabbi", "mosque",
             "religious", "monk", "lama")),
    ("LAB", ("union", "trade union", "workers", "labour", "labor")),
    ("NGO", ("ngo", "charity", "foundation", "human rights", "watchdog", "amnesty",
             "human rights watch", "non-profit", "nonprofit", "campaign group", "advocacy group")),
    ("BUS", ("company", "companies", "corporation", "corp", "inc", "ltd", "plc", "group", "bank",
             "firm", "business", "businessman", "businesswoman", "ceo", "chief executive", "executive",
             "chairman", "investor", "investors", "manufacturer", "industry", "chamber of commerce",
             "airline", "airlines", "holdings", "entrepreneur")),
    ("CVL", ("citizen", "citizens", "resident", "residents", "villager", "villagers", "people",
             "civilian", "civilians", "voter", "voters", "family", "families", "farmer", "farmers")),
)

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
        codes.setdefault(iso3, iso3)
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
            if alt != alpha2:
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
    regions = {key: iso3 for key, iso3 in provinces.items() if iso3 and key not in names}
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


def is_country_name(text: str) -> bool:
    """Is ``text`` the name of a country ("the United States", "U.S.", "Britain"), not a capital or demonym?"""
    names, codes, _, proper = _country_index()
    raw = text.strip()
    return raw in codes or _strip_frame(raw) in proper


def place_country(text: str) -> str | None:
    """ISO3 of the country a place name belongs to: a country reference or a province/state."""
    code = country_code(text)
    if code:
        return code
    _, _, regions, _ = _country_index()
    return regions.get(_strip_frame(text))


_REGIONS = lang.words("actors_regions")
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
    """All folded 1..4-word phrases of ``text`` (for sector look-up)."""
    words = [w.rstrip(".").lower() for w in _TOKEN.findall(_fold(text).replace("-", " "))]
    words = [w.replace(".", "") if len(w) <= 4 else w for w in words]
    out: set[str] = set()
    for n in range(1, 5):
        for i in range(len(words) - n + 1):
            out.add(" ".join(words[i : i + n]))
    return out


# Titles that every kind of organisation has: they say GOV only when no other sector is named
# ("vice president of a company" is BUS; "the president" alone is the head of state).
_GENERIC_TITLES = lang.words("actors_generic_titles")


def sector_code(texts: Sequence[str]) -> str | None:
    """The CAMEO sector named in any of ``texts`` ("Foreign Minister" -> "GOV"), or None."""
    phrases: set[str] = set()
    for text in texts:
        phrases |= _phrases(text)
    generic = False
    for sector, terms in _SECTOR_TERMS:
        hits = [term for term in terms if term in phrases]
        if not hits:
            continue
        if sector == "GOV" and all(h in _GENERIC_TITLES for h in hits):
            generic = True  # decided below, once every other sector has been looked for
            continue
        return sector
    return "GOV" if generic else None


@cache
def _known_persons() -> dict[str, tuple[tuple[str, str, str], ...] | None]:
    """Folded name -> roles (code, from, until); None for a name two people of different countries share."""
    index: dict[str, tuple[tuple[str, str, str], ...] | None] = {}
    for row in lang.table("actors_known_persons"):
        roles = tuple(tuple(r.split(" ")) for r in row["roles"].split(";") if r.strip())
        for name in row["names"].split("|"):
            key = _fold(name)
            if key in index:
                prior = index[key]
                if prior is None or {r[0][:3] for r in prior} != {r[0][:3] for r in roles}:
                    index[key] = None
                continue
            index[key] = roles  # type: ignore[assignment]
    return index


def known_person(name: str, on: date | None = None) -> tuple[str, str] | None:
    """(CAMEO code, ISO3) of a known person (the Phoenix country-actors dictionary, to 2014) by full
    name: the role held ``on`` that day, else the latest role; None for an unknown or shared name."""
    if len(name.split()) < 2:
        return None
    roles = _known_persons().get(_fold(name))
    if not roles:
        return None
    day = on.isoformat() if on else None
    held = [r for r in roles if day and (r[1] == "-" or r[1] <= day) and (r[2] == "-" or day <= r[2])]
    code = (held or sorted(roles, key=lambda r: (r[2] == "-", r[2], r[1]))[-1:])[0][0]
    return code, code[:3]


def igo_code(name: str) -> str | None:
    """CAMEO code of an intergovernmental organisation ("NATO" -> "IGOWSTNAT"), or None."""
    key = _strip_frame(name)
    if key in _IGO_CODES:
        return _IGO_CODES[key]
    return _IGO_CODES.get(key.replace(".", ""))


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
            return (iso3, iso3) if iso3 else (None, None)
    if type == "ORG":
        igo = igo_code(name)
        if igo:
            return igo, None
    texts = [name, *descriptors] if type != "PERSON" else list(descriptors)
    iso3 = None
    for text in texts:
        # a capital inside a name or a role is a place, not the actor's state ("the Paris Agreement");
        # a country's name that opens a proper name is part of that name ("Georgia Tech", "Jordan Brand")
        for start, end, code in find_countries(text, capitals=False):
            if not _opens_a_name(text, start, end):
                iso3 = code
                break
        if iso3:
            break
    if type == "PERSON" and not iso3:
        for text in descriptors:
            igo = _igo_in(text)
            if igo:
                return igo, None
    sector = sector_code(texts) if texts else None
    if iso3 and type == "ORG" and sector is None and not descriptors:
        # a name that holds a place but says nothing of what the body is: "Georgia Tech", "Jordan Brand"
        return None, None
    if iso3:
        return iso3 + (sector or ""), iso3
    return sector, None


def _opens_a_name(text: str, start: int, end: int) -> bool:
    """A country's name (not a demonym) followed by a capitalised word that names no role or sector."""
    after = re.match(r"\s+([A-Z][^\W\d_]*)", text[end:])
    if after is None or not is_country_name(text[start:end]):
        return False
    word = after.group(1)
    return sector_code([word]) is None and country_code(word) is None and word.lower() not in ("of", "and")


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
