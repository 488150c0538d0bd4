"""Who a speaker phrase refers to: a named entity, a pronoun, a role, or a misspelt surname.

``SpeakerResolver`` indexes the mentions of the article's entities by offset and
answers, for the words before "said", which entity they name. Mentions it
resolves (pronouns, "the mayor", "Mittel") are added to the entity, so the
record shows them. Resolution is local and linear: it looks back from the
speaker to the most recent fitting mention, never over the whole document.
"""

from __future__ import annotations

import bisect
import hashlib
import re

from ..model import Entity, Span
from .actors import actor_code
from .names import GENDER_BY_TITLE, fold, is_variant, split_title, surname

PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_GROUP_PRONOUNS = {"they", "we", "it", "i", "you", "them", "us"}
_SPEAKER_TYPES = ("PERSON", "ORG", "NORP", "GPE")
_VARIANT_WINDOW = 2500
_ROLE_HEADS = re.compile(r"[^\W\d_]+", re.UNICODE)


class SpeakerResolver:
    """Entity look-ups for the speakers of one article."""

    def __init__(self, entities: list[Entity], quoted: list[tuple[int, int]]) -> None:
        self.entities = entities
        self.by_id = {e.id: e for e in entities}
        self.quoted = quoted  # sorted (start, end) of quoted words: mentions there are not antecedents
        self._quoted_starts = [s for s, _ in quoted]
        self.gender: dict[str, str] = {}
        self.roles: dict[str, list[str]] = {}  # role word -> person ids
        self._persons: list[tuple[int, str]] = []  # (mention start, entity id), sorted
        for e in entities:
            if e.type == "PERSON":
                for m in e.mentions:
                    if not self._in_quote(m.start):
                        self._persons.append((m.start, e.id))
                for d in e.descriptors:
                    words = [fold(w) for w in _ROLE_HEADS.findall(d)]
                    for w in words:
                        self.roles.setdefault(w, []).append(e.id)
                    for w in words:
                        if w in GENDER_BY_TITLE:
                            self.gender.setdefault(e.id, GENDER_BY_TITLE[w])
                            break
        self._persons.sort()
        self._named = sorted(
            (m.start, m.end, e.id) for e in entities if e.type in _SPEAKER_TYPES for m in e.mentions
        )
        self._role_entities: dict[str, Entity] = {}

    # -- public -------------------------------------------------------------------
    def resolve(self, doc, span) -> Entity | None:
        """The entity the speaker phrase ``span`` (a spaCy Span) refers to, or None."""
        named = self._named_in(span)
        root = span.root
        if named is not None and (named.type == "PERSON" or root.ent_type_ or root.pos_ == "PROPN"):
            return named
        lower = root.lower_
        if len(span) == 1 and lower in PRONOUN_GENDER:
            return self._pronoun(span.start_char, PRONOUN_GENDER[lower], span)
        if lower in _GROUP_PRONOUNS:
            return None
        if root.pos_ == "PROPN":
            person = self._surname(root.text, span.start_char)
            if person is not None:
                self._add(person, span.start_char, span.end_char, span.text)
                return person
        if root.pos_ == "NOUN":
            person = self._role(root, span)
            if person is not None:
                return person
            if named is not None:
                return self._role_entity(span, root, named)
        return named

    # -- kinds of speaker -------------------------------------------------------------
    def _named_in(self, span) -> Entity | None:
        best: Entity | None = None
        i = bisect.bisect_left(self._named, (span.start_char, 0, ""))
        while i < len(self._named) and self._named[i][0] < span.end_char:
            _, end, eid = self._named[i]
            entity = self.by_id[eid]
            if end <= span.end_char and (best is None or _rank(entity) < _rank(best)):
                best = entity
            i += 1
        return best

    def _pronoun(self, pos: int, gender: str, span) -> Entity | None:
        i = bisect.bisect_left(self._persons, (pos, ""))
        for _, eid in reversed(self._persons[max(0, i - 40) : i]):
            known = self.gender.get(eid)
            if known is None or known == gender:
                self.gender[eid] = gender
                person = self.by_id[eid]
                self._add(person, span.start_char, span.end_char, span.text)
                return person
        return None

    def _surname(self, word: str, pos: int) -> Entity | None:
        word_key = fold(word)
        exact, slips = [], []
        for e in self.entities:
            if e.type != "PERSON":
                continue
            words = split_title(e.name)[1]
            if len(words) < 2:
                continue
            last_seen = max((m.start for m in e.mentions if m.start < pos), default=None)
            if last_seen is None:
                continue
            if fold(surname(words)) == word_key:
                exact.append((last_seen, e))
            elif pos - last_seen <= _VARIANT_WINDOW and is_variant(word, surname(words)):
                slips.append((last_seen, e))
        for pool in (exact, slips):
            if pool:
                return max(pool, key=lambda p: p[0])[1]
        return None

    def _role(self, root, span) -> Entity | None:
        owners = {eid for eid in self.roles.get(root.lemma_.lower(), ()) if self._seen_before(eid, span.start_char)}
        owners |= {eid for eid in self.roles.get(root.lower_, ()) if self._seen_before(eid, span.start_char)}
        if len(owners) == 1 and any(c.lower_ == "the" for c in root.lefts):
            person = self.by_id[owners.pop()]
            self._add(person, span.start_char, span.end_char, span.text)
            return person
        return None

    def _role_entity(self, span, root, org: Entity) -> Entity:
        """An unnamed person known by role and organisation ("the spokesperson of the Foreign Ministry")."""
        key = f"{root.lemma_.lower()}|{org.id}"
        entity = self._role_entities.get(key)
        text = span.text
        name = text[4:] if text.lower().startswith(("the ", "a ")) and text[1] != " " else text
        if text.lower().startswith("a "):
            name = text[2:]
        if entity is None:
            code, country = actor_code(name, "PERSON", [name])
            eid = hashlib.sha1(f"PERSON:{name}".encode()).hexdigest()[:10]
            entity = Entity(id=eid, name=name, type="PERSON", code=code, country=country, descriptors=[name])
            self._role_entities[key] = entity
            self.entities.append(entity)
            self.by_id[eid] = entity
        self._add(entity, span.start_char, span.end_char, text)
        return entity

    # -- helpers ----------------------------------------------------------------------
    def _seen_before(self, eid: str, pos: int) -> bool:
        return any(m.start < pos for m in self.by_id[eid].mentions)

    def _in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self._quoted_starts, pos) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]

    def _add(self, entity: Entity, start: int, end: int, text: str) -> None:
        if any(m.start == start and m.end == end for m in entity.mentions):
            return
        bisect.insort(entity.mentions, Span(start, end, text), key=lambda m: m.start)
        if entity.type == "PERSON" and not self._in_quote(start):
            bisect.insort(self._persons, (start, entity.id))


def _rank(entity: Entity) -> int:
    return _SPEAKER_TYPES.index(entity.type)
