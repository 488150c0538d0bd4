"""Who is named by a noun phrase of the parse: Actors with CAMEO codes and countries.

A phrase is resolved from the article's entities (their codes come from ``nlp.actors``) and, where the
entities say nothing, from the country words and sector words inside the phrase ("Israeli soldiers" ->
ISRMIL). Compound phrases give one actor per member; "both sides" gives the article's main pair.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ... import lang
from ...model import Actor, Article, Entity
from ..actors import (
    INTERNATIONAL,
    STANCE_PREFIXES,
    alias_country,
    country_code,
    igo_code,
    is_capital,
    is_country_name,
    names_no_role,
    national_title,
    place_country,
    sector_code,
)
from . import grammar
from .confidence import is_placed
from .lexicon import lexicon

# dependents that start a clause or an aside: not part of the phrase that names the actor
_OUTSIDE = frozenset({"relcl", "acl", "advcl", "appos", "punct", "cc", "parataxis", "ccomp", "xcomp"})
_MEMBERSHIP_PREPS = lang.column_words("event_words", "role", "membership_prep")
_PLACE_PREPS = lang.column_words("event_words", "role", "place_prep")
_LOCATING = lang.column_words("event_words", "role", "locating_word")
_PAIR_HEADS = lang.column_words("event_words", "role", "pair_head")
_PAIR_WORDS = lang.column_words("event_words", "role", "pair_word")
_PRONOUNS = lang.table("pronouns")
_PERSONAL = frozenset(r["word"] for r in _PRONOUNS if r["person"] == "3" and r["kind"] in ("personal", "possessive"))
_FIRST_PERSON = frozenset(r["word"] for r in _PRONOUNS if r["person"] == "1")
_SECOND_PERSON = frozenset(r["word"] for r in _PRONOUNS if r["person"] == "2")
_RELATIVE = frozenset(r["word"] for r in _PRONOUNS if r["kind"] == "relative")
_COUNTRY_TYPES = frozenset({"GPE", "NORP"})
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# sectors whose members act where they are: protesters and opposition, police ("protesters in Paris" are
# French; "diplomats in Beijing" are not Chinese)
_PLACED_WHERE_THEY_ACT = frozenset({"OPP", "COP"})
_NAMED_PLACES_AND_THINGS = frozenset({"LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})
_QUANTITIES = lang.column_words("event_words", "role", "quantity")
_ETHNIC_WORDS = lang.column_words("event_words", "role", "ethnic_word")
_COUNTRY_NOUNS = lang.column_words("event_words", "role", "country_noun")
_STATE_NOUNS = lang.column_words("event_words", "role", "state_noun")
_REFERENCE_NOUNS = lang.words("event_reference_nouns")  # "decision", "move", "policy": acts a state makes
_ORGANISATION_NOUNS = lang.column_words("event_words", "role", "organisation_noun")
_RELATIONAL = lang.column_words("event_words", "role", "relational_noun")


@dataclass
class ArticleActors:
    """The article's entities indexed by character offset, and its main pair of countries."""

    article: Article
    entity_at: dict[int, Entity] = field(default_factory=dict)
    pair: tuple[Actor, Actor] | None = None
    # in-article role learning: (head lemma, sector) -> the country the text gave that role earlier
    # ("Somali militants stormed ...; the militants ..."); a role seen with two countries is forgotten
    learned: dict[tuple[str, str], str | None] = field(default_factory=dict)
    inferred: dict[int, Actor] = field(default_factory=dict)  # actors given a country by inference, by id
    # actors named by a nationality word on a noun that is no role, no state and no act ("the Brazilian
    # band", "French fans"), by id: as doers they are that country's people, not its state
    nationals: dict[int, Actor] = field(default_factory=dict)

    def learn(self, lemma: str, sector: str | None, country: str) -> None:
        if sector:
            key = (lemma, sector)
            self.learned[key] = country if self.learned.get(key, country) == country else None

    def recall(self, lemma: str, sector: str) -> str | None:
        return self.learned.get((lemma, sector))

    def mark_inferred(self, actor: Actor) -> Actor:
        self.inferred[id(actor)] = actor
        return actor

    def is_inferred(self, actor: Actor | None) -> bool:
        return actor is not None and self.inferred.get(id(actor)) is actor

    def as_doer(self, actor: Actor) -> Actor:
        """The actor as the doer of an act: a group a nationality word names ("the Brazilian band") is that
        country's civilians (BRACVL), not the state; everyone else as resolved."""
        if self.nationals.get(id(actor)) is actor and actor.country:
            return replace(actor, code=actor.country + "CVL")
        return actor

    @classmethod
    def build(cls, article: Article, doc) -> ArticleActors:
        index: dict[int, Entity] = {}
        for ent in article.entities:
            for m in ent.mentions:
                for pos in range(m.start, m.end):
                    index.setdefault(pos, ent)
        weight = _country_weights(article, doc, index)
        actors = cls(article, index, _main_pair(weight))
        actors._learn_roles(doc)
        return actors

    def _learn_roles(self, doc) -> None:
        """Every role noun the article gives a country by a modifier ("Somali militants", "Kenya's police",
        "the Chinese foreign ministry") or by naming the body ("Britain's Conservative Party"), so that a
        later bare "the militants", "the party" is placed the same way."""
        for tok in doc:
            if tok.pos_ not in ("NOUN", "PROPN"):
                continue
            role = _sector(tok.lemma_)
            if not role:
                continue
            for mod in tok.children:
                if mod.dep_ not in ("amod", "compound", "poss", "nmod") or _in_relation(mod) or stance_prefix(mod) \
                        or _patron(mod):
                    continue  # "anti-American protesters", "US-backed rebels" are not American
                ent = self.entity_at.get(mod.idx)
                country = ent.country if ent is not None and ent.type in _COUNTRY_TYPES else (
                    country_word(mod.text) if mod.text[:1].isupper() else None)
                if country:
                    self.learn(tok.lemma_.lower(), role, country)
            if role in _PLACED_WHERE_THEY_ACT and (country := self._place_of(tok)):
                self.learn(tok.lemma_.lower(), role, country)

    def _place_of(self, tok) -> str | None:
        """The country of the place a role noun is put in ("demonstrators inside the university in Hong
        Kong", "police in Nairobi"), or None."""
        frontier = [tok]
        for _ in range(2):
            pobjs = [p for t in frontier for prep in t.children if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPS
                     for p in prep.children if p.dep_ == "pobj"]
            for pobj in pobjs:
                ent = self.entity_at.get(pobj.idx)
                if ent is not None and ent.type in _PLACE_TYPES and ent.country:
                    return ent.country
            frontier = pobjs
        return None

    def recall_sector(self, sector: str) -> str | None:
        """The one country the article gave every role of a sector it placed ("the demonstrators in Hong
        Kong ... the protesters"), or None when it gave none or two."""
        countries = {country for (_, s), country in self.learned.items() if s == sector}
        return countries.pop() if len(countries) == 1 else None

    def entity_of(self, token) -> Entity | None:
        return self.entity_at.get(token.idx)

    def countries_in(self, sent) -> set[str]:
        """The countries a sentence names: its entities' countries and the country words in it; not its
        dateline ("BRUSSELS - European leaders gathered": where the story was filed)."""
        return {code for tok in sent if (code := self.country_at(tok)) is not None and not grammar.in_dateline(tok)}

    def country_at(self, tok) -> str | None:
        """The country a token names: its entity's, or a country word the recogniser missed."""
        ent = self.entity_at.get(tok.idx)
        if ent is not None and ent.type not in _NAMED_PLACES_AND_THINGS:
            return ent.country
        if ent is None and tok.text[:1].isupper() and tok.pos_ in ("PROPN", "ADJ", "NOUN") and not _in_relation(tok):
            return country_word(tok.text)
        return None


def _country_weights(article: Article, doc, entity_at: dict[int, Entity]) -> Counter[str]:
    """How often each country is referred to: entities with a country, and country words
    ("Ugandan", "Kenya") that the entity recogniser missed."""
    weight: Counter[str] = Counter()
    for ent in article.entities:
        country = ent.country or (place_country(ent.name) if ent.type in _COUNTRY_TYPES else None)
        if country:
            weight[country] += len(ent.mentions)
    for tok in doc:
        ent = entity_at.get(tok.idx)
        if ent is not None and (ent.country or ent.type in _COUNTRY_TYPES):
            continue  # counted above
        if tok.text[:1].isupper() and tok.pos_ in ("PROPN", "ADJ", "NOUN"):
            country = country_word(tok.text)
            if country:
                weight[country] += 1
    return weight


def _main_pair(weight: Counter[str]) -> tuple[Actor, Actor] | None:
    """The two countries the article is about: the most-mentioned countries among its entities."""
    top = [c for c, n in weight.most_common(2) if n >= 2]
    if len(top) < 2:
        return None
    return Actor(text=top[0], code=top[0], country=top[0]), Actor(text=top[1], code=top[1], country=top[1])


# sectors of actors that belong to a country even when the text does not name it
_DOMESTIC_SECTORS = frozenset({"GOV", "MIL", "JUD", "COP", "OPP", "REB", "LEG", "PTY", "CVL", "BUS", "LAB", "EDU",
                               "HLH", "REL", "MED", "SPY", "ETN"})


_INTERNATIONAL = re.compile(r"\b(international|world|global|united nations|transnational)\b", re.I)


def needs_country(actor: Actor, entity_type: str | None) -> bool:
    """An actor whose code is a bare sector ("GOV") or a person with no code at all; not a body that
    calls itself international ("International Labour Office")."""
    if actor.country or _INTERNATIONAL.search(actor.text or ""):
        return False
    if actor.code is None:
        return entity_type == "PERSON"
    return actor.code in _DOMESTIC_SECTORS


def with_country(actor: Actor, country: str) -> Actor:
    return replace(actor, country=country, code=country + (actor.code or ""))


def _inside(tok) -> bool:
    """Part of the phrase that names the actor: not a clause or an aside, and of the prepositions only
    those of membership and origin ("forces of/from/in Guinea", not "fighters near the border with Niger")."""
    if tok.dep_ in ("acl", "amod") and grammar.lemma_in(tok, _LOCATING):
        return True  # "a group based in Trinidad", "guerrillas operating in Macedonia", "loyal to"
    if tok.dep_ in _OUTSIDE or (tok.dep_ == "pcomp" and tok.pos_ in ("VERB", "AUX")):
        return False  # a clause, an aside, or a gerund clause ("his fear of being extradited from Sweden")
    return tok.dep_ != "prep" or tok.lower_ in _MEMBERSHIP_PREPS or grammar.lemma_in(tok.head, _LOCATING)


def _phrase_tokens(head) -> list:
    """The tokens of the noun phrase headed by ``head``, without relative clauses and asides."""
    out = [head]
    # (and never the dateline before it: "KHARTOUM (Reuters) - Sudan's army")
    # the head's own conjuncts are other members ("Trudeau and the New Zealand prime minister"), resolved
    # apart; a modifier's conjuncts ("the Russian and Syrian ministries") stay inside
    stack = [c for c in head.children if _inside(c) and c.dep_ != "conj"]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if _inside(c))
    kept = {t.i for t in out}
    # a preposition whose object was left out ("U.S. forces of [blocking aid]") is no part of the name
    out = [t for t in out if not (t.dep_ == "prep" and not any(c.i in kept for c in t.children))
           and not grammar.in_dateline(t)]
    return sorted(out, key=lambda t: t.i)


def _span(tokens) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def is_pair_phrase(head) -> bool:
    """ "both sides", "the two countries", "both governments"."""
    return head.lemma_.lower() in _PAIR_HEADS and any(c.lower_ in _PAIR_WORDS for c in head.children)


def _entity_actor(ent: Entity, text: str, start: int, end: int, sector: str | None) -> Actor:
    code = ent.code
    if ent.country and (not code or code == ent.country) and sector:
        code = ent.country + sector
    return Actor(text=text, start=start, end=end, entity=ent.id, code=code, country=ent.country)


class PhraseResolver:
    """Resolves noun-phrase heads of one article to Actors."""

    def __init__(self, actors: ArticleActors) -> None:
        self.actors = actors

    def resolve(self, head) -> list[Actor]:
        """Actors named by the phrase headed by ``head`` and by the phrases conjoined with it."""
        if is_pair_phrase(head) and self.actors.pair:
            return list(self.actors.pair)
        out: list[Actor] = []
        for member in [head, *head.conjuncts]:
            if member.pos_ in ("VERB", "AUX"):
                continue
            out.extend(self._member(member))
        return out

    def _member(self, head) -> list[Actor]:
        if grammar.in_dateline(head):
            return []  # "LONDON (AP) —": where the story was filed names no actor
        if _language(head):
            return []  # "supports English, Danish and French": languages, not peoples
        if _is_anaphor(head, _COUNTRY_NOUNS):  # "the country had admitted 1.4 million refugees"
            country = self._last_country_before(head)
            if country:
                start, end = head.left_edge.idx, head.idx + len(head.text)
                return [self.actors.mark_inferred(Actor(text=head.doc.text[start:end], start=start, end=end,
                                                        code=country, country=country))]
        if _is_anaphor(head, _ORGANISATION_NOUNS):  # "the Arab League ... an emergency meeting of the body"
            ent = self._last_organisation_before(head)
            if ent is not None:
                start, end = head.left_edge.idx, head.idx + len(head.text)
                return [self.actors.mark_inferred(_entity_actor(ent, head.doc.text[start:end], start, end, None))]
        if head.pos_ == "NOUN":
            # "the Somali group al-Shabaab", "the two states - Egypt and Jordan -": a common noun the
            # apposed names of known actors say who it is ("a member of parliament, Mohammed Mamoun": an
            # unknown name says less than the noun)
            named = [a for appos in head.children if appos.dep_ == "appos" and appos.pos_ == "PROPN"
                     for a in self.resolve(appos)]
            if named and all(a.country or (a.code or "").startswith(INTERNATIONAL) for a in named):
                return named
        outer = head
        if head.lemma_.lower() in _QUANTITIES:  # "thousands of workers", "members of the party"
            of = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                       for g in c.children if g.dep_ == "pobj"), None)
            if of is not None:
                head = of
        if head.lemma_.lower() in _RELATIONAL:
            # "several of Canada's allies, including the EU and the U.K.": the ones included, not Canada
            members = [a for tok in grammar.unique([outer, head]) for _, pobj in grammar.preps(tok, ("including", "like"))
                       for a in self.resolve(pobj)]
            if members:
                return members
        tokens = _phrase_tokens(head)
        if head.lemma_.lower() in _RELATIONAL:  # "his Chinese counterpart" is Chinese; "Canada's allies" are not Canadian
            related = {t.i for c in head.children if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of")
                       for t in c.subtree}
            tokens = [t for t in tokens if t.i not in related]
        start, end = _span(tokens)
        text = self.actors.article.text[start:end] if self.actors.article.text else head.doc.text[start:end]
        sector = _sector(" ".join(t.text for t in tokens))
        ent = self.actors.entity_of(head)
        if (ent is None or not (ent.code or ent.country)) and head.pos_ == "PROPN" and (igo := igo_code(text)):
            # the model named only part of an international body ("Economic Community" of West African States)
            return [Actor(text=text, start=start, end=end, entity=ent.id if ent else None, code=igo)]
        if ent is not None and ent.type in _NAMED_PLACES_AND_THINGS:
            ent = None
        if ent is not None and ent.type in _COUNTRY_TYPES:
            # a state's own name says nothing of a role ("the Democratic People's Republic of Korea")
            inside = next(((m.start, m.end) for m in ent.mentions if m.start <= head.idx < m.end), None)
            if inside is not None:
                sector = _sector(" ".join(t.text for t in tokens if not inside[0] <= t.idx < inside[1]))
        if ent is not None and ent.type == "NORP" and sector is None and _one_national(head):
            sector = "CVL"  # "the American", "the 48-year-old Australian": one person of that nationality
        if _ethnic(head) or (ent is not None and ent.type == "NORP" and any(_ethnic(t) for t in tokens)):
            # "ethnic Albanians", "ethnic Albanian guerrillas": a people, placed where it lives or acts
            ent, sector = None, sector or "ETN"
        if ent is not None and not ent.country and (home := alias_country(ent.name)):
            sector = ent.code if ent.code in _DOMESTIC_SECTORS else sector
            return [Actor(text=text, start=start, end=end, entity=ent.id, code=home + (sector or ""), country=home)]
        # an international body's own name may hold a region's word ("the Economic Community of West African States")
        if ent is not None and (ent.code or ent.country) and (ent.country or not _has_country_word(tokens, head)
                                                              or (ent.code or "").startswith(INTERNATIONAL)):
            return [_entity_actor(ent, text, start, end, sector)]
        # premodifiers first ("Israeli soldiers", "Taiwan's minister"), then what follows the head; a thing
        # that is only somewhere ("streets in Hong Kong", "a hotel in Nairobi") is a place, not an actor
        ordered = [t for t in tokens if t.i < head.i] + [head] + [t for t in tokens if t.i > head.i]
        if sector is None and head.pos_ == "NOUN" and ent is None:
            ordered = [t for t in ordered if not _located(t, head)]
        # a named body the tables do not know, placed by a word of its name or by a place in its phrase
        # ("Kenya Airways", "the American Writers Museum", "Illinois-based Pinstripes", "Monkey Wrench
        # Plumbing in Los Angeles"): that country's, but still the body, not the state (see
        # confidence.is_political); a demonym on a people stays theirs ("Bosnian Serbs", which the model may
        # call a person)
        body = ent if ent is not None and ent.type in ("ORG", "PERSON") and not (ent.code or ent.country) \
            and sector is None and not is_country_name(ent.name) else None  # "Benin", taken for a person
        found: list[Actor] = []
        seen_conj: set[int] = set()
        for tok in ordered:
            country, tok_ent = self._country_of(tok)
            if not country and not (tok_ent and tok_ent.code):
                continue
            if tok_ent is not None and tok_ent.code and not country:
                return [_entity_actor(tok_ent, text, start, end, None)]
            holder = body if body is not None and country and (
                body.type == "ORG" or is_country_name(tok.text)
                or not any(m.start <= tok.idx < m.end for m in body.mentions)) else tok_ent
            actor = Actor(text=text, start=start, end=end, entity=holder.id if holder else None,
                          code=country + (sector or "") if country else None, country=country)
            if country and head.pos_ == "NOUN":
                self.actors.learn(head.lemma_.lower(), sector, country)
            if country and sector is None and tok is not head and _plain_noun(head):
                self.actors.nationals[id(actor)] = actor  # "the Brazilian band": Brazilians, not Brazil
            if not found:
                found.append(actor)
                # "Hungarian and Romanian officials": the modifier's conjuncts are actors too
                for conj in tok.conjuncts:
                    c_country, c_ent = self._country_of(conj)
                    if c_country and conj.i not in seen_conj and conj.i < head.i:
                        seen_conj.add(conj.i)
                        found.append(Actor(text=text, start=start, end=end, entity=c_ent.id if c_ent else None,
                                           code=c_country + (sector or ""), country=c_country))
                break
        if found:
            return found
        if ent is None and sector is None:  # "two neighbours, Kenya and Uganda,": the apposition names them
            for appos in (c for c in head.children if c.dep_ == "appos"):
                named = [a for a in self.resolve(appos) if is_placed(a)]
                if named:
                    return named
        if ent is not None:
            return [Actor(text=text, start=start, end=end, entity=ent.id, code=ent.code or sector, country=None)]
        if sector == "ETN" and head.pos_ in ("NOUN", "PROPN"):  # "ethnic Turks": a people the text does not place
            return [Actor(text=text, start=start, end=end, code=sector)]
        role = _sector(head.text)
        if role:  # "opposition leader": the head is a role, its modifiers may refine it
            mods = [t.text for t in tokens if t.head == head and t.dep_ in ("compound", "amod") and t.i < head.i]
            phrase = " ".join([*mods, head.text])
            role = None if names_no_role(phrase) else _sector(phrase) or role  # "the responsible party"
        if role and head.pos_ in ("NOUN", "PROPN"):  # "riot police", "protesters": a role without a country
            titled = national_title([text])  # "the foreign secretary": an office only one state has
            if titled is not None:
                return [Actor(text=text, start=start, end=end, code=titled[0] + role, country=titled[0])]
            # "its minister": whose the pronoun says (the coder's antecedent), not the article's last minister
            owned = any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in head.children)
            country = self.actors.recall(head.lemma_.lower(), role) if head.pos_ == "NOUN" and not owned else None
            if country:  # "the militants", after "Somali militants": the role the article gave a country
                return [self.actors.mark_inferred(Actor(text=text, start=start, end=end, code=country + role,
                                                        country=country))]
            return [Actor(text=text, start=start, end=end, code=role)]
        return []

    def _last_country_before(self, tok, window: int = 80) -> str | None:
        """The country named last before ``tok``, within ``window`` tokens: what "the country" refers to."""
        doc = tok.doc
        for i in range(tok.i - 1, max(-1, tok.i - 1 - window), -1):
            country = self.actors.country_at(doc[i])
            if country:
                return country
        return None

    def _last_organisation_before(self, tok, window: int = 80) -> Entity | None:
        """The international organisation named last before ``tok``: what "the body", "the bloc" refer to."""
        doc = tok.doc
        for i in range(tok.i - 1, max(-1, tok.i - 1 - window), -1):
            ent = self.actors.entity_of(doc[i])
            if ent is not None and (ent.code or "").startswith("IGO"):
                return ent
        return None

    def _country_of(self, tok) -> tuple[str | None, Entity | None]:
        if grammar.in_dateline(tok):
            return None, None  # "BRUSSELS - European leaders gathered": where the story was filed
        if _ethnic(tok) or _patron(tok) or stance_prefix(tok):
            # "ethnic Albanian guerrillas operating in Macedonia": Macedonia's, not Albania's;
            # "US-backed rebels": backed by the US, not American; "anti-American protesters": against it
            return None, None
        ent = self.actors.entity_of(tok)
        if ent is not None and ent.type in _NAMED_PLACES_AND_THINGS:  # "the South China Sea" is not China
            return place_country(ent.name) or alias_country(ent.name), None
        if ent is not None and not ent.country and (home := alias_country(ent.name)):
            return home, ent
        if ent is not None:
            if ent.country:
                return ent.country, ent
            if ent.code:
                return None, ent
            if ent.type in _COUNTRY_TYPES:
                code = place_country(ent.name)
                if code:
                    return code, ent
            if ent.type == "PERSON":
                # a name is no demonym: a surname is no country ("Thomas Mann" is not Manx) and a first name
                # no country's root ("Russ"); a country the model took for a person keeps its name ("Benin"),
                # and a demonym before a noun its country ("Bosnian Serbs")
                words = ent.name.split()
                if len(words) == 1:
                    return country_code(tok.text), None
                if words[-1] == tok.text:
                    return None, None
        if tok.pos_ in ("PROPN", "ADJ", "NOUN") and tok.text[:1].isupper() and not _in_relation(tok):
            return country_word(tok.text), None
        return None, None


_RELATION_PREFIXES = lang.words("actors_relation_prefixes")
_PATRON_WORDS = lang.words("actors_patron_words")
_HYPHENS = ("-", "\u2010", "\u2011", "\u2013")


def _is_anaphor(head, nouns: frozenset[str]) -> bool:
    """A definite singular noun of ``nouns`` with nothing else to say which: "the country", "the nation",
    "the body"."""
    # a lower-case word the tagger calls a proper noun ("the bloc") is still a common one
    return (head.lemma_.lower() in nouns and (head.tag_ == "NN" or head.tag_ == "NNP" and head.text.islower())
            and [c.lower_ for c in head.children if c.dep_ not in ("punct",)] == ["the"])


def _language(head) -> bool:
    """A demonym standing alone as a singular noun, with no article, as an object or in a list of them:
    a language ("supports English, Danish and French", "translated into Arabic"). "The French", "the
    Americans" and "Chinese officials" are people; a country's own name is no language."""
    first = head
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    if first.dep_ not in ("dobj", "pobj", "appos") or head.tag_ not in ("NNP", "NN", "JJ"):
        return False
    if any(c.dep_ in ("det", "poss", "nummod") for c in head.children):
        return False
    if head.ent_type_ not in ("NORP", "LANGUAGE") or is_country_name(head.text) or is_capital(head.text):
        return False  # "Kenya", "Moscow", "Washington": places, not tongues
    return head.text[:1].isupper() and country_word(head.text) is not None


def _one_national(head) -> bool:
    """A demonym used as a singular noun with an article: "the American", "an Australian" (a person,
    not the state or the people: "the Americans", "America")."""
    return (head.pos_ in ("NOUN", "PROPN", "ADJ") and head.tag_ in ("NN", "NNP", "JJ")
            and any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in head.children))


def _ethnic(tok) -> bool:
    """A nationality word used for a people: "ethnic Albanians", "ethnic Albanian guerrillas"."""
    if any(c.lower_ in _ETHNIC_WORDS for c in tok.children):
        return True
    return tok.i > 0 and tok.doc[tok.i - 1].lower_ in _ETHNIC_WORDS


def _plain_noun(head) -> bool:
    """A common noun that names no role, no state ("the Chinese side") and no act ("the Israeli strikes",
    "the US decision", whose nationality is its doer's): "band", "team", "fans", "steel"."""
    return (head.pos_ == "NOUN" and _sector(head.lemma_) is None and _sector(head.text) is None
            and not grammar.lemma_in(head, _STATE_NOUNS) and not grammar.lemma_in(head, _REFERENCE_NOUNS) and not any(lexicon().candidates(w) for w in grammar.word_forms(head)))


def stance_prefix(tok) -> str | None:
    """ "anti" for the "American" of "anti-American", "pro" for "pro-Russian": a stance towards the country
    or role the word names, not the actor's own (None when the word has no such prefix)."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text in _HYPHENS and not doc[tok.i - 1].whitespace_ \
            and not doc[tok.i - 2].whitespace_ and doc[tok.i - 2].lower_ in STANCE_PREFIXES:
        return doc[tok.i - 2].lower_
    return None


def _patron(tok) -> bool:
    """A country word hyphenated to what it did for the actor: "US-backed", "Iran-funded", "Russian-speaking"."""
    doc = tok.doc
    return tok.i + 2 < len(doc) and doc[tok.i + 1].text in _HYPHENS and not tok.whitespace_ \
        and not doc[tok.i + 1].whitespace_ and grammar.lemma_in(doc[tok.i + 2], _PATRON_WORDS)


def _in_relation(tok) -> bool:
    """ "Sino-US", "US-China": a country word hyphenated into a relation names no actor's country."""
    doc = tok.doc
    for hyphen, other in ((tok.i - 1, tok.i - 2), (tok.i + 1, tok.i + 2)):
        if 0 <= other < len(doc) and doc[hyphen].text in _HYPHENS \
                and not doc[hyphen].whitespace_ and (doc[other].lower_ in _RELATION_PREFIXES or country_word(doc[other].text)):
            return True
    return False


def _located(tok, head) -> bool:
    """Inside a place phrase of ``head``: "in Hong Kong" of "streets in Hong Kong"."""
    while tok.i != head.i and tok.head.i != tok.i:  # spaCy makes a new Token object on each access: compare .i
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in _PLACE_PREPS:
            return True
        tok = tok.head
    return False


def _has_country_word(tokens, head) -> bool:
    return any(t.i != head.i and t.text[:1].isupper() and country_word(t.text) for t in tokens)


@lru_cache(maxsize=4096)
def _sector(text: str) -> str | None:
    return sector_code([text])


@lru_cache(maxsize=8192)
def country_word(word: str) -> str | None:
    """ISO3 of a country name or demonym, also the regular demonyms the country tables lack:
    "Rwandan" -> Rwanda, "Bosnian" -> Bosnia, "Ecuadorian" -> Ecuador, "Argentine" -> Argentina,
    "Serbs" -> Serbia, "Kyrgyz" -> Kyrgyzstan."""
    found = country_code(word)
    if found or len(word) < 4:
        return found
    bases = [word] + ([word[:-1]] if word.endswith("s") else [])
    for base in bases:
        # a demonym in -n drops it ("Bosnian", "Rwandan"); the ethnonyms that would take -ia ("Serb",
        # "Croat") are in the country tables, so "Roman" is not Romania's nor "Russ" Russia's
        candidates = [base[:-1] if base.endswith("n") else None, base[:-1] + "a" if base.endswith("e") else None,
                      base[:-3] if base.endswith("ian") else None, base + "stan", base + "istan"]
        for candidate in candidates:
            # the derived form must be a country's own name: "Plan" is not "PLA" (China's army)
            if candidate and len(candidate) >= 4 and is_country_name(candidate) and (found := country_code(candidate)):
                return found
    return None


_NUMBER = {r["word"]: (r["number"], r["gender"]) for r in _PRONOUNS if r["person"] == "3"}


def agrees_in_number(pronoun, noun) -> bool:
    """Does a plural noun stand for "they" ("officials", "Kenya and Uganda"), or a singular thing for "it"?
    (People and collective nouns are left undecided: "the government ... they".)"""
    number, gender = _NUMBER.get(pronoun.lower_, ("", ""))
    if number == "pl":
        return noun.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in noun.children)
    if number == "sg" and gender == "n":
        return noun.tag_ in ("NN", "NNP") and noun.ent_type_ != "PERSON" and not any(c.dep_ == "conj" for c in noun.children)
    return False


def disagrees_in_number(pronoun, noun) -> bool:
    """Can ``noun`` not be what ``pronoun`` stands for? "it", "he", "she" are never a plural noun or a
    list ("people demonstrated after it backed Clinton": "it" is not the people); "they" is never one
    named person."""
    number, _ = _NUMBER.get(pronoun.lower_, ("", ""))
    plural = noun.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in noun.children)
    if number == "sg":
        return plural
    if number == "pl":
        return not plural and noun.ent_type_ == "PERSON"
    return False


def is_personal_pronoun(tok) -> bool:
    return tok.lower_ in _PERSONAL


def is_second_person(tok) -> bool:
    """ "you", "your": the reader, outside a quote."""
    return tok.lower_ in _SECOND_PERSON


def is_first_person(tok) -> bool:
    """ "we", "our", "I"; not "US" (the country) nor "MY" in a heading."""
    return tok.lower_ in _FIRST_PERSON and (tok.text == "I" or not tok.text.isupper())


def is_relative_pronoun(tok) -> bool:
    return tok.lower_ in _RELATIVE and tok.tag_ in ("WP", "WDT", "WP$")
