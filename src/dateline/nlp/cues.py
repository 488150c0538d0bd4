"""Cue words of attribution: the verbs (by lemma), nouns and phrases that introduce a quote.

The words are data in the language bundle (``lang/en/quote_cue_verbs.tsv``,
``quote_cue_nouns.txt``, ``quote_according.txt``); this module reads them once and
keeps the names other modules import (``SPEECH_VERBS``, ``PARTICLE_VERBS``,
``CLAUSE_ONLY``, ``ACCORDING``).
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import lang
from ..lang import LanguageDataError

CLASSES = ("speech", "stance", "thought", "finding", "intent")
CONTENTS = ("clause", "object", "governed", "addressee", "naming")


@dataclass(frozen=True)
class CueVerb:
    """One cue verb: its class (speech, thought, finding, intent), which complements can be its
    content (clause, object, governed, addressee) and the particle it needs, if any ("point out")."""

    lemma: str
    cls: str
    content: str
    particle: str = ""


def cue_verbs(rows, where: str) -> dict[str, CueVerb]:
    """The cue verbs of table rows (lemma, class, content, particle), checked: a class or content
    outside the known ones, or a lemma given twice, is a :class:`LanguageDataError` naming ``where``."""
    out: dict[str, CueVerb] = {}
    for row in rows:
        lemma = row["lemma"].lower()
        verb = CueVerb(lemma, row["class"], row["content"], row["particle"].lower())
        if verb.cls not in CLASSES or verb.content not in CONTENTS:
            raise LanguageDataError(
                f"{where}: {lemma!r} has class {verb.cls!r} / content {verb.content!r}; "
                f"classes are {', '.join(CLASSES)}, contents {', '.join(CONTENTS)}"
            )
        if lemma in out:
            raise LanguageDataError(f"{where}: {lemma!r} is given twice")
        out[lemma] = verb
    return out


CUE_VERBS = cue_verbs(lang.table("quote_cue_verbs"), "lang/en/quote_cue_verbs.tsv")
# Verbs of saying, by lemma (the other classes report beliefs, findings and plans).
SPEECH_VERBS = frozenset(v.lemma for v in CUE_VERBS.values() if v.cls == "speech")
# Verbs that are cues only with their particle ("point out").
PARTICLE_VERBS = {v.lemma: v.particle for v in CUE_VERBS.values() if v.particle}
# Verbs that are cues only when they govern a clause or a quote ("continue", "charge").
CLAUSE_ONLY = frozenset(v.lemma for v in CUE_VERBS.values() if v.content == "governed")
# Nouns that cue the clause they govern ("the claim that ...").
CUE_NOUNS = lang.words("quote_cue_nouns")
# Phrases that attribute a clause to their object ("according to X"), as word tuples.
ACCORDING_PHRASES = tuple(sorted((tuple(p.split()) for p in lang.words("quote_according")), key=len, reverse=True))
ACCORDING = ("according", "to")
