"""The attribute ruler's rules and the lemmatizer as look-ups: the same POS, morphology and lemmas, at
a fraction of the cost.

spaCy's attribute ruler runs a Matcher of some 180 patterns over every token, about 12% of the parse.
Nearly all its patterns look at one token, and only at its tag, lower-case form, dependency label and
whether it is a space: what they give a token is a function of those four values, worked out once
per distinct combination and then looked up. The few patterns that span two tokens still go through
a Matcher of their own. Rules are applied in the ruler's order, a later one overriding an earlier
one, as the ruler does. A pattern of a kind this does not know leaves the ruler as it is.

The rule lemmatizer already caches a lemma per (word, POS, morphology); what it costs is the walk
over Token objects to ask. The look-up reads those three as arrays, asks the lemmatizer only for a
combination it has not seen (so its own cache and rules decide every lemma) and writes the lemmas
back as one array. The lemmatizer's index of known words per part of speech is a list (57,528 nouns),
which its rules test each candidate form against (``form in index``), so each new word cost a scan
of the lists: they become sets, which answer the same membership test (the lemmatizer reads the
index for nothing else), so every lemma is the same.

Only the components' ``pipe`` (what ``nlp.pipe`` calls) is replaced; ``nlp(text)`` runs the
originals. tests/nlp/test_ruler.py checks that both give the same annotation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

_KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")


class UnknownPattern(Exception):
    pass


def _value_test(spec: Any):
    """A test on a token's string (or bool) value, for the pattern forms the ruler uses."""
    if not isinstance(spec, dict):
        return lambda v: v == spec
    if set(spec) == {"IN"}:
        allowed = set(spec["IN"])
        return lambda v: v in allowed
    if set(spec) == {"NOT_IN"}:
        refused = set(spec["NOT_IN"])
        return lambda v: v not in refused
    if set(spec) == {"REGEX"}:
        pattern = re.compile(spec["REGEX"])
        return lambda v: bool(pattern.search(v))
    raise UnknownPattern(spec)


def _token_test(token_pattern: dict[str, Any]):
    if not set(token_pattern) <= set(_KEYS):
        raise UnknownPattern(token_pattern)
    tests = [(_KEYS.index(k), _value_test(v)) for k, v in token_pattern.items()]
    return lambda values: all(test(values[i]) for i, test in tests)


class LookupRuler:
    """What ``ruler.pipe`` becomes: the ruler's single-token rules as a cached look-up."""

    def __init__(self, ruler) -> None:
        from spacy.matcher import Matcher

        self.ruler = ruler
        self.strings = ruler.vocab.strings
        # single-token patterns, filed under the exact word or tag they need (else under "any"), so that
        # a new combination of values is tested against a handful of candidates only
        self.by_lower: dict[str, list[tuple[int, Any]]] = {}
        self.by_tag: dict[str, list[tuple[int, Any]]] = {}
        self.any: list[tuple[int, Any]] = []
        self.matcher = Matcher(ruler.vocab, validate=False)
        self.multi = False
        for i, rule in enumerate(ruler.patterns):
            patterns = rule["patterns"]
            if not all(len(p) == 1 for p in patterns):
                self.matcher.add(str(i), patterns)
                self.multi = True
                continue
            for (pattern,) in patterns:
                entry = (i, _token_test(pattern))
                if isinstance(pattern.get("LOWER"), str):
                    self.by_lower.setdefault(pattern["LOWER"], []).append(entry)
                elif isinstance(pattern.get("TAG"), str):
                    self.by_tag.setdefault(pattern["TAG"], []).append(entry)
                else:
                    self.any.append(entry)
        self.cache: dict[tuple[int, int, int, int], tuple[int, ...]] = {}

    def rules_for(self, key: tuple[int, int, int, int]) -> tuple[int, ...]:
        """The single-token rules that match a token with these (tag, lower, dep, is_space) values."""
        rules = self.cache.get(key)
        if rules is None:
            tag, lower, dep, space = key
            values = (self.strings[tag], self.strings[lower], self.strings[dep], bool(space))
            candidates = (*self.by_lower.get(values[1], ()), *self.by_tag.get(values[0], ()), *self.any)
            rules = tuple(sorted({i for i, test in candidates if test(values)}))
            self.cache[key] = rules
        return rules

    def __call__(self, doc):
        from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
        from spacy.tokens._retokenize import set_token_attrs

        if not len(doc):
            return doc
        keys = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        rules: list[tuple[int, ...]] = [self.rules_for(tuple(k)) for k in keys]  # type: ignore[misc]
        if self.multi:
            for match_id, start, end in self.matcher(doc, allow_missing=True, as_spans=False):
                rule = int(self.strings[match_id])
                index = self.ruler.indices[rule]
                at = start + index if index >= 0 else end + index
                rules[at] = tuple(sorted((*rules[at], rule)))
        columns = (POS, MORPH, LEMMA)
        out = doc.to_array(list(columns))
        direct: list[int] = []  # tokens whose rules set more than these columns (tag, dep of spaces)
        for at, token_rules in enumerate(rules):
            for rule in token_rules:
                attrs = self.ruler.attrs[rule]
                for column, attr in enumerate(columns):
                    if attr in attrs:
                        out[at, column] = attrs[attr]
                if any(a not in columns for a in attrs):
                    direct.append(at)
        doc.from_array(list(columns), out)
        for at in dict.fromkeys(direct):
            for rule in rules[at]:
                set_token_attrs(doc[at], self.ruler.attrs[rule])
        return doc

    def pipe(self, stream: Iterable, *, batch_size: int = 128) -> Iterator:
        for doc in stream:
            yield self(doc)


class LookupLemmatizer:
    """What a rule lemmatizer's ``pipe`` becomes: its lemma per (orth, POS, morphology), read as arrays."""

    def __init__(self, lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.strings = lemmatizer.vocab.strings
        self.hashes: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc):
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        lemmatizer = self.lemmatizer
        if not lemmatizer._validated:
            return lemmatizer(doc)  # let it check its tables and say what is missing
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        for at, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma != 0 and not lemmatizer.overwrite:
                continue
            key = (orth, pos, morph)
            value = self.hashes.get(key)
            if value is None:
                value = self.hashes[key] = self.strings.add(lemmatizer.lemmatize(doc[at])[0])
            lemmas[at] = value
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc

    def pipe(self, stream: Iterable, *, batch_size: int = 128) -> Iterator:
        for doc in stream:
            yield self(doc)


def install(nlp) -> list[str]:
    """Make ``nlp.pipe`` use the look-ups for the attribute ruler and a rule lemmatizer; returns the
    components so sped up (a ruler with a pattern of a kind the look-up does not know, or a lemmatizer
    in another mode, runs as it is)."""
    done = []
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        try:
            ruler.pipe = LookupRuler(ruler).pipe  # what Language.pipe calls; __call__ stays for nlp(text)
            done.append("attribute_ruler")
        except UnknownPattern:
            pass
    if "lemmatizer" in nlp.pipe_names:
        lemmatizer = nlp.get_pipe("lemmatizer")
        if getattr(lemmatizer, "mode", None) == "rule":
            _index_as_sets(lemmatizer)
            lemmatizer.pipe = LookupLemmatizer(lemmatizer).pipe
            done.append("lemmatizer")
    return done


def _index_as_sets(lemmatizer) -> None:
    """The lemmatizer's word index per part of speech as sets: the membership test its rules make is
    the same, in one step instead of a scan of the list."""
    if "lemma_index" not in lemmatizer.lookups:
        return
    index = lemmatizer.lookups.get_table("lemma_index")
    for pos, words in list(index.items()):
        if isinstance(words, list):
            index[pos] = frozenset(words)
