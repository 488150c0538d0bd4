"""Person names: titles, the name proper, and when two spellings are one person."""

from __future__ import annotations

import re
from functools import cache

# Honorifics and office titles that may stand before a name (English news usage).
# Lower case, without a final dot. A title is a descriptor, not part of the name.
TITLES = frozenset(
    """
    mr mrs ms miss mx dr prof professor sir dame lord lady madam mister
    president vice-president premier chancellor minister secretary senator sen rep representative
    governor gov mayor councillor councilor alderman judge justice chief general gen lieutenant lt
    colonel col major maj captain capt commander cmdr admiral adm sergeant sgt corporal cpl officer
    constable inspector detective det superintendent ambassador envoy king queen prince princess
    emperor pope cardinal bishop archbishop rev reverend father sister brother rabbi imam sheikh
    chairman chairwoman chair ceo director coach spokesman spokeswoman spokesperson
    mp mla mpp mep
    """.split()
)
# Titles written as abbreviations ("Cpl.", "Sen."): the full stop after one is not a sentence's end.
TITLE_ABBREVIATIONS = frozenset(
    "mr mrs ms mx dr prof sen rep gov gen lt col maj capt cmdr adm sgt cpl det supt insp cst rev hon".split()
)
GENDER_BY_TITLE = {
    "mr": "m", "mister": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "father": "m",
    "brother": "m", "chairman": "m", "spokesman": "m",
    "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f", "queen": "f", "princess": "f",
    "sister": "f", "madam": "f", "chairwoman": "f", "spokeswoman": "f",
}
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s?$")


def fold(word: str) -> str:
    return word.lower().rstrip(".")


def split_title(name: str) -> tuple[list[str], list[str]]:
    """(leading title words, name words) of a PERSON mention: "President Xi Jinping" -> (["President"], ["Xi", "Jinping"])."""
    words = [_POSSESSIVE.sub("", w) for w in _NAME_WORD.findall(name)]
    words = [w for w in words if w]
    titles: list[str] = []
    while len(words) > 1 and fold(words[0]) in TITLES:
        titles.append(words.pop(0))
    return titles, words


def surname(words: list[str]) -> str:
    """The family name of a name given as words (its last word, without a suffix such as Jr)."""
    rest = [w for w in words if fold(w) not in {"jr", "sr", "ii", "iii", "iv"}]
    return (rest or words)[-1] if words else ""


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance of two short strings, stopping early once over ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def is_variant(word: str, known: str) -> bool:
    """Could ``word`` be a slip for the surname ``known`` ("Mittel" for "Mitter")?

    Same first two letters, both at least five letters long, at most one edit for
    names up to six letters and two for longer ones. Equal words are not variants.
    """
    a, b = word.lower(), known.lower()
    if a == b or len(a) < 5 or len(b) < 5 or a[:2] != b[:2]:
        return False
    limit = 1 if min(len(a), len(b)) <= 6 else 2
    return edit_distance(a, b, limit) <= limit


@cache
def _gender_detector():
    import gender_guesser.detector as detector  # a data package: given names with their usual gender

    return detector.Detector(case_sensitive=False)


def name_gender(given: str) -> str | None:
    """ "m" or "f" when a given name is mostly a man's or a woman's, else None (a prior, not a fact)."""
    if len(given) < 2 or not given[0].isupper() or given.endswith("."):
        return None
    answer = _gender_detector().get_gender(given)
    return {"male": "m", "female": "f", "mostly_male": "m", "mostly_female": "f"}.get(answer)
