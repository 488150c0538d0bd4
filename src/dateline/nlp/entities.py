"""Entities: spaCy's named entities grouped into one entry per real-world entity.

One pass over ``doc.ents`` in text order builds the groups:

- PERSON: a full name opens a group; a surname or a given name alone joins the
  most recently mentioned group that has it; a surname one or two letters off a
  name introduced shortly before ("Mittel" after "Rana Mitter") joins it too; two
  full names that differ in the given name stay two people ("Erik" and "Melker
  Karlsson"). Titles ("President", "Mr") are split off the name into descriptors.
- ORG: one group per name, "the" and possessives aside; an acronym joins the
  organisation whose initials it spells.
- GPE/NORP: one group per country (ISO3 from :mod:`.actors`), other places by name.

Descriptors come from the words before a name in its noun phrase ("US Secretary
of State Blinken") and from appositions ("Rana Mitter, a professor of ..."). A
role noun with "the" ("the mayor") becomes a mention of the one person whose
descriptors have that role. Codes come from :func:`.actors.actor_code`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from ..model import Article, Entity, Span
from .actors import (
    INTERNATIONAL,
    actor_code,
    armed_group_code,
    country_code,
    is_country_name,
    known_person,
    place_country,
    sector_code,
    titled_person,
)
from .events.dates import reference_date
from .names import GENDER_BY_TITLE, fold, is_variant, name_gender, split_title, surname

KEEP = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"}
# Labels spaCy's small model often gives a lone surname; such a mention joins a known person.
_SURNAME_SLIPS = {"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"}
_ACRONYM_SKIP = {"of", "the", "and", "for", "de", "du", "la", "&", "on", "in"}
_PREMOD_DEPS = {"compound", "amod", "nmod", "npadvmod", "nummod", "poss"}
_NAME_CASE = re.compile(r"[A-Z](?:[a-z]|['\u2019][A-Z][a-z])")
_VARIANT_WINDOW = 2500  # characters after a person's last mention within which a misspelt surname joins it
_MAX_DESCRIPTOR_TOKENS = 20


@dataclass
class Group:
    """An entity under construction."""

    type: str
    name: str
    words: list[str] = field(default_factory=list)  # PERSON: the name words, titles aside
    mentions: list[Span] = field(default_factory=list)
    descriptors: list[str] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)  # role nouns (lemmas) of the descriptors
    gender: str | None = None
    last: int = 0  # offset of the last mention

    def add(self, start: int, end: int, text: str) -> None:
        if not any(m.start == start and m.end == end for m in self.mentions):
            self.mentions.append(Span(start, end, text))
        self.last = max(self.last, start)

    def describe(self, text: str, role: str | None) -> None:
        text = text.strip(" ,;:-\u2013\u2014")
        if text and text.lower() not in {d.lower() for d in self.descriptors}:
            self.descriptors.append(text)
        if role:
            self.roles.add(role)
            self.gender = self.gender or GENDER_BY_TITLE.get(role)


class Grouper:
    """Builds the groups of one document, mention by mention, in text order."""

    def __init__(self) -> None:
        self.groups: list[Group] = []
        self.by_key: dict[tuple[str, str], Group] = {}

    # -- persons ------------------------------------------------------------------
    def person(self, words: list[str], start: int) -> Group:
        key = tuple(fold(w) for w in words)
        people = [g for g in self.groups if g.type == "PERSON"]
        if len(words) > 1:
            return self._full_name(words, key, people)
        word = key[0]
        by_surname = [g for g in people if len(g.words) > 1 and fold(surname(g.words)) == word]
        by_given = [g for g in people if len(g.words) > 1 and fold(g.words[0]) == word]
        alone = [g for g in people if len(g.words) == 1 and fold(g.words[0]) == word]
        for pool in (by_surname, by_given, alone):
            if pool:
                return max(pool, key=lambda g: g.last)
        slips = [
            g for g in people
            if start - g.last <= _VARIANT_WINDOW and is_variant(words[0], surname(g.words))
        ]
        if slips:
            return max(slips, key=lambda g: g.last)
        return self._new("PERSON", words[0], words)

    def _full_name(self, words: list[str], key: tuple[str, ...], people: list[Group]) -> Group:
        for g in people:
            if tuple(fold(w) for w in g.words) == key:
                return g
        last, given = key[-1], key[0]
        for g in sorted(people, key=lambda g: -g.last):
            gkey = [fold(w) for w in g.words]
            if len(gkey) == 1 and gkey[0] in (last, given):
                g.words, g.name = list(words), " ".join(words)  # the full name arrives after the short one
                return g
            if len(gkey) > 1 and gkey[-1] == last and _same_given(gkey[0], given):
                if len(words) > len(g.words):
                    g.words, g.name = list(words), " ".join(words)
                return g
        return self._new("PERSON", " ".join(words), words)

    def known_surname(self, text: str, start: int) -> Group | None:
        """The person a lone capitalised word refers to, when it is a known surname or a slip of one."""
        word = fold(text)
        people = [g for g in self.groups if g.type == "PERSON" and g.words]
        exact = [g for g in people if fold(surname(g.words)) == word]
        if exact:
            return max(exact, key=lambda g: g.last)
        slips = [
            g for g in people
            if len(g.words) > 1 and abs(start - g.mentions[0].start) <= _VARIANT_WINDOW and is_variant(text, surname(g.words))
        ]
        if slips:
            return max(slips, key=lambda g: g.last)
        return None

    # -- everything else ----------------------------------------------------------
    def other(self, label: str, text: str) -> Group:
        key_text = _plain(text)
        # "US", "U.S." and "the United States" are one country ("Washington" is a city);
        # "Chinese" and "Chinese's" one people
        if label == "NORP" or (label == "GPE" and is_country_name(key_text)):
            key = (label, country_code(key_text) or key_text.lower())
        else:
            key = (label, key_text.lower())
        group = self.by_key.get(key)
        if group is None and label == "ORG":
            group = self._acronym_match(key_text)
        if group is None:
            group = self._new(label, key_text)
            self.by_key[key] = group
        elif len(key_text) > len(group.name) and not key_text.isupper() and (label != "NORP"):
            group.name = key_text  # the fullest form names the group: "United States" over "US"
        return group

    def _acronym_match(self, text: str) -> Group | None:
        orgs = [g for g in self.groups if g.type == "ORG"]
        if text.isupper() and 2 <= len(text) <= 8:
            for g in orgs:
                if _initials(g.name) == text:
                    return g
        initials = _initials(text)
        if len(initials) >= 2:
            for g in orgs:
                if g.name == initials:
                    g.name = text
                    return g
        return None

    def _new(self, label: str, name: str, words: list[str] | None = None) -> Group:
        group = Group(label, name, list(words or []))
        self.groups.append(group)
        return group


def _same_given(a: str, b: str) -> bool:
    """Two given names that may be one: equal, or one is the other's initial."""
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _initials(text: str) -> str:
    return "".join(w[0] for w in text.split() if w and w[0].isupper() and w.lower() not in _ACRONYM_SKIP)


def _plain(text: str) -> str:
    """An entity's text without a leading "the" and a trailing possessive."""
    text = text.strip()
    if text.lower().startswith("the "):
        text = text[4:]
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
            break
    return text.strip()


# -- descriptors ---------------------------------------------------------------------
def _descriptor_span(doc, start: int, end: int):
    """Trim determiners and punctuation off a token range; None if no noun is left."""
    while start < end and (doc[start].dep_ in ("det", "punct", "cc") or doc[start].pos_ in ("DET", "PUNCT")):
        start += 1
    while end > start and doc[end - 1].pos_ == "PUNCT":
        end -= 1
    if end - start == 0 or end - start > _MAX_DESCRIPTOR_TOKENS:
        return None
    span = doc[start:end]
    if not any(t.pos_ in ("NOUN", "PROPN") for t in span) or any(t.ent_type_ == "PERSON" for t in span):
        return None
    return span


def _premodifier(doc, ent):
    """ "US Secretary of State" of "US Secretary of State Blinken": the words before the name in its phrase."""
    root = ent.root
    office = root.head.head
    if root.dep_ == "pobj" and root.head.lower_ == "to" and office.pos_ == "NOUN" and office.i < ent.start \
            and sector_code([office.lower_]) is not None:
        # "China's ambassador to Britain Liu Xiaoming" parses the host as the name's compound: the title
        # is the whole phrase before the name, host included (actors.actor_code gives the host no say)
        return _descriptor_span(doc, root.head.head.left_edge.i, ent.start)
    lefts = [c for c in root.lefts if c.i < ent.start and c.dep_ in _PREMOD_DEPS and c.dep_ != "poss"]
    if not lefts:
        return None
    lo = min(c.left_edge.i for c in lefts)
    before = doc[lo - 1] if lo > 0 else None
    if before is not None and before.lower_ == "to" and before.dep_ == "prep" and before.head.i < lo \
            and before.head.pos_ == "NOUN" and sector_code([before.head.lower_]) is not None:
        # the same phrase parsed with the host as the name's compound and "to" left without its object
        # ("China's ambassador to Britain Liu Xiaming"): the host belongs to the title, not to the name
        return _descriptor_span(doc, before.head.left_edge.i, ent.start)
    return _descriptor_span(doc, lo, ent.start)


def _appositions(doc, ent):
    """ "a professor of ..." of "Rana Mitter, a professor of ...,": appositions either side of the name."""
    root = ent.root
    out = []
    for child in root.rights:
        if child.dep_ == "appos" and child.i >= ent.end:
            span = _descriptor_span(doc, child.left_edge.i, _appos_end(child))
            if span is not None:
                out.append(span)
    if root.dep_ == "appos" and root.head.i < ent.start and root.head.pos_ == "NOUN":
        head = root.head
        span = _descriptor_span(doc, head.left_edge.i, head.i + 1)
        if span is not None:
            out.append(span)
    return out


def _appos_end(token) -> int:
    """End of an apposition: its subtree, cut before a relative clause or a comma-led addition."""
    end = token.i + 1
    for t in token.subtree:
        if t.i < token.i:
            continue
        if t.dep_ in ("relcl", "acl") and t.head.i == token.i:
            break
        if t.text == "," and t.i > token.i:
            break
        end = t.i + 1
    return end


def _role(span) -> str | None:
    root = span.root
    return root.lemma_.lower() if root.pos_ in ("NOUN", "PROPN") else None


# -- the whole document ---------------------------------------------------------------
def extract_entities(doc, article: Article) -> list[Entity]:
    grouper = Grouper()
    # persons first: spaCy's small model often labels a lone surname ORG or GPE before
    # (or after) the full name appears as PERSON, so the full names must be known
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            _add_person(grouper, doc, ent)
    for ent in doc.ents:
        label = ent.label_
        if label == "PERSON":
            continue
        if label in _SURNAME_SLIPS and len(ent) == 1 and _name_cased(ent[0]) and country_code(ent.text) is None:
            text = _plain(ent.text)
            person = grouper.known_surname(text, ent.start_char)
            if person is not None:
                person.add(ent.start_char, ent.start_char + len(text), text)
                pre = _premodifier(doc, ent)  # "Australian-born Assange", with the name mislabelled
                if pre is not None:
                    person.describe(pre.text, _role(pre))
                continue
        if _misread_person(ent):
            _add_person(grouper, doc, ent)
            continue
        if label in KEEP:
            _add_other(grouper, ent)
    _surname_mentions(grouper, doc)
    _role_mentions(grouper, doc)
    return _finish(grouper, reference_date(article.published, article.fetched))


def _surname_mentions(grouper: Grouper, doc) -> None:
    """ "King and Weeks were abducted" after "American Kevin King": a capitalised proper noun the model
    left unlabelled, standing alone (not the head word of a longer name or a title before one, "King
    Charles"), is the person named earlier whose family name it is exactly."""
    people = [g for g in grouper.groups if g.type == "PERSON" and len(g.words) > 1]
    if not people:
        return
    surnames = {fold(surname(g.words)) for g in people}
    for token in doc:
        if token.ent_type_ or token.pos_ != "PROPN" or not _name_cased(token) or fold(token.text) not in surnames:
            continue
        if token.dep_ == "compound" or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.lefts):
            continue
        person = grouper.known_surname(token.text, token.idx)
        if person is not None and person.mentions and person.mentions[0].start < token.idx:
            person.add(token.idx, token.idx + len(token.text), token.text)


def _name_cased(token) -> bool:
    """Written as a name: a capital, then a small letter ("Jones", also "McDavid" and "DeBoer", which
    spaCy's ``is_title`` rejects for the inner capital), or an O'/D' prefix ("O'Neil"); "NATO" is not."""
    return _NAME_CASE.match(token.text) is not None


def _misread_person(ent) -> bool:
    """A person's name that the model labelled a place or an organisation ("Helen Park said").

    Two or three capitalised proper nouns, opening with a common given name, that are
    the subject of a verb and name no known place.
    """
    if ent.label_ not in ("GPE", "LOC", "ORG", "FAC", "NORP") or not 2 <= len(ent) <= 3:
        return False
    if not all(t.pos_ == "PROPN" and _name_cased(t) for t in ent):
        return False
    if ent.root.dep_ not in ("nsubj", "nsubjpass") or place_country(ent.text) is not None:
        return False
    return name_gender(ent[0].text) is not None


def _add_person(grouper: Grouper, doc, ent) -> None:
    titles, words = split_title(ent.text)
    if not words or not any(w[0].isupper() for w in words):
        return
    group = grouper.person(words, ent.start_char)
    text = _plain(ent.text)
    group.add(ent.start_char, ent.start_char + len(text), text)
    if titles:
        title = " ".join(titles)
        pre = _premodifier(doc, ent)
        group.describe(f"{pre.text} {title}" if pre is not None else title, fold(titles[-1]))
    else:
        pre = _premodifier(doc, ent)
        if pre is not None:
            group.describe(pre.text, _role(pre))
    for span in _appositions(doc, ent):
        group.describe(span.text, _role(span))


def _add_other(grouper: Grouper, ent) -> None:
    text = _plain(ent.text)
    if not text:
        return
    # a country is one entity whatever the model labels it ("China" as GPE here, ORG there)
    label = "GPE" if ent.label_ in ("ORG", "LOC", "FAC") and is_country_name(text) else ent.label_
    group = grouper.other(label, text)
    offset = ent.text.find(text)
    start = ent.start_char + max(offset, 0)
    group.add(start, start + len(text), text)


def _role_mentions(grouper: Grouper, doc) -> None:
    """ "the mayor" after "Mayor Jane Roe": a role noun with "the" names the one person with that role."""
    by_role: dict[str, list[Group]] = {}
    for g in grouper.groups:
        if g.type == "PERSON":
            for role in g.roles:
                by_role.setdefault(role, []).append(g)
    if not by_role:
        return
    text = doc.text
    for token in doc:
        if token.pos_ != "NOUN" or token.ent_type_ or token.lemma_.lower() not in by_role:
            continue
        if token.tag_ in ("NNS", "NNPS"):
            continue
        dets = [c for c in token.lefts if c.dep_ == "det"]
        if len(dets) != 1 or dets[0].lower_ != "the":
            continue
        owners = [g for g in by_role[token.lemma_.lower()] if g.mentions and g.mentions[0].start < token.idx]
        if len(owners) == 1:
            start = dets[0].idx
            end = token.idx + len(token.text)
            owners[0].add(start, end, text[start:end])


def _finish(grouper: Grouper, on=None) -> list[Entity]:
    """Entities with their codes. A person the text does not place may be a known one (the known-persons
    dictionary, by full name, with the role held on the article's date); a place known only as a
    province or state is placed in its country only when the article names that country too ("Durham"
    in an article about England, not one about North Carolina)."""
    entities: list[Entity] = []
    seen: set[str] = set()
    named = {country_code(g.name) for g in grouper.groups if g.type in ("GPE", "NORP") and country_code(g.name)}
    for g in grouper.groups:
        if not g.mentions:
            continue
        g.mentions.sort(key=lambda m: m.start)
        eid = hashlib.sha1(f"{g.type}:{g.name}".encode()).hexdigest()[:10]
        n = 2
        while eid in seen:
            eid = hashlib.sha1(f"{g.type}:{g.name}:{n}".encode()).hexdigest()[:10]
            n += 1
        seen.add(eid)
        code, country = actor_code(g.name, g.type, g.descriptors)
        if g.type == "PERSON" and country is None and not (code or "").startswith(INTERNATIONAL):
            # a full name, or a surname with the title of an office its holder held that day
            known = known_person(g.name, on) or (titled_person(g.name, code, on) if code else None) \
                or (armed_group_code(g.name) if not code else None)  # "Boko Haram" taken for a person
            if known is not None and code and known[1] and not known[0].startswith(INTERNATIONAL):
                # the text's own role wins over the dictionary's: "opposition leader Raila Odinga" is
                # KENOPP whatever office the known-persons table remembers; the table gives the country
                code, country = known[1] + code, known[1]
            elif known is not None:
                code, country = known
        if country is None and g.type in ("GPE", "LOC", "FAC") and (place := place_country(g.name)) in named:
            country = place
        elif code and country is None and g.type == "GPE" and code == place_country(g.name) \
                and country_code(g.name) is None and code not in named:
            code = None  # a province's name alone: no evidence for its country
        entities.append(
            Entity(
                id=eid,
                name=g.name,
                type=g.type,
                code=code,
                country=country,
                descriptors=g.descriptors,
                mentions=g.mentions,
            )
        )
    return entities
