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

from .. import lang
from ..model import Entity, Span
from .actors import actor_code
from .names import GENDER_BY_TITLE, TITLES, fold, is_variant, name_gender, split_title, surname

PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_GROUP_PRONOUNS = {"they", "we", "it", "i", "you", "them", "us"}
_SPEAKER_TYPES = ("PERSON", "ORG", "NORP", "GPE")
# Head nouns of a definite description that stands for an organisation or a place ("the company
# said"), and of documents that speak for their issuer ("a statement said"): lang/en data.
_SPEAKER_NOUNS = lang.mapping("quote_speaker_nouns", "noun", "type")
ORG_NOUNS = frozenset(n for n, t in _SPEAKER_NOUNS.items() if t == "ORG")
PLACE_NOUNS = frozenset(n for n, t in _SPEAKER_NOUNS.items() if t == "GPE")
DOCUMENT_NOUNS = lang.words("quote_document_nouns")
PERSON_NOUNS = lang.words("quote_person_nouns")
_PERSON_SUFFIXES = ("ist", "ian", "man", "woman", "person")


def is_person_noun(lemma: str) -> bool:
    """Does this head noun name a person by role ("spokesperson", "defenceman", "economist")?"""
    lemma = lemma.lower()
    return lemma in PERSON_NOUNS or lemma in TITLES or (len(lemma) > 5 and lemma.endswith(_PERSON_SUFFIXES))


_THEY_SENTENCES = 2  # sentences before a "they" in which its plural antecedent is looked for
_VARIANT_WINDOW = 2500
_SUBJECT_REACH = 1200  # characters back within which a subject is preferred to a nearer non-subject
_ROLE_HEADS = re.compile(r"[^\W\d_]+", re.UNICODE)
_ROLE_STOPS = frozenset("of at for in with from on to and who which".split())
_LEADING_DET = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


class SpeakerResolver:
    """Entity look-ups for the speakers of one article."""

    def __init__(self, doc, entities: list[Entity], quoted: list[tuple[int, int]],
                 excluded: set[str] | frozenset[str] = frozenset()) -> None:
        self.entities = entities
        self.excluded = excluded  # ids of people never taken as antecedents (the page's authors)
        self.by_id = {e.id: e for e in entities}
        self.quoted = quoted  # sorted (start, end) of quoted words: mentions there are not antecedents
        self._quoted_starts = [s for s, _ in quoted]
        self.gender: dict[str, str] = {}  # from the text: titles, pronouns resolved
        self.name_gender: dict[str, str] = {}  # from given names: a prior the text overrides
        self.last_speaker: str | None = None
        self.roles: dict[str, list[str]] = {}  # role word -> person ids
        # (mention start, entity id, is a subject or speaker), sorted: antecedents of pronouns
        self._persons: list[tuple[int, str, bool]] = []
        for e in entities:
            if e.type == "PERSON" and e.id not in excluded:
                for m in e.mentions:
                    if not self._in_quote(m.start):
                        self._persons.append((m.start, e.id, _is_subject(doc, m)))
                for d in e.descriptors:
                    words = [fold(w) for w in _ROLE_HEADS.findall(d)]
                    head = _role_head(words)
                    if head:
                        self.roles.setdefault(head, []).append(e.id)
                    for w in words:
                        if w in GENDER_BY_TITLE:
                            self.gender.setdefault(e.id, GENDER_BY_TITLE[w])
                            break
                words = split_title(e.name)[1]
                if len(words) > 1:
                    guess = name_gender(words[0])
                    if guess:
                        self.name_gender[e.id] = guess
        self._persons.sort()
        self._named = sorted(
            (m.start, m.end, e.id) for e in entities if e.type in _SPEAKER_TYPES for m in e.mentions
        )
        self._antecedents = [n for n in self._named if n[2] not in excluded]
        self._role_entities: dict[str, Entity] = {}

    # -- public -------------------------------------------------------------------
    def resolve(self, doc, span, speech: bool = False) -> Entity | None:
        """The entity the speaker phrase ``span`` (a spaCy Span) refers to, or None. ``speech``: the
        phrase is the subject of a verb of saying (someone, not something, says)."""
        named = self._named_in(span)
        root = span.root
        if (named is not None and named.type != "PERSON" and root.pos_ == "NOUN" and is_person_noun(root.lemma_)
                and not any(t.pos_ == "PROPN" for t in span)):
            named = None  # "the rookie defenceman" tagged an organisation: common nouns, a role, no name
        if named is not None and named.type != "PERSON" and len(span) == 1 and root.text[:1].isupper():
            # "Torres said" after "Ana Torres", tagged an organisation here: the person's surname
            person = self._surname(root.text, span.start_char)
            if person is not None:
                self._add(person, span.start_char, span.end_char, span.text)
                return person
        if named is not None and named.type == "PERSON" and root.pos_ == "NOUN" and not root.ent_type_ and any(
            c.dep_ == "poss" for c in root.children
        ):
            # "Campbell's partner", "Wise's dad": someone else than the person named; known only by a role
            return self._role(root, span, owned=True)
        if named is not None and named.type == "ORG" and _titled_name(span.text):
            # "Hereditary Chief Na'moks said", tagged an organisation: a person with a title
            person = self._unnamed_person(span)
            if person is not None:
                self._add(person, span.start_char, span.end_char, span.text)
                return person
        if named is not None and (named.type == "PERSON" or root.ent_type_ or root.pos_ == "PROPN"):
            return named
        lower = root.lower_
        if len(span) == 1 and lower in PRONOUN_GENDER:
            return self._pronoun(span.start_char, PRONOUN_GENDER[lower], span)
        if lower == "they" and len(span) == 1:
            return self._plural(span)
        if lower in _GROUP_PRONOUNS:
            return None
        # a lone capitalised word the tagger missed ("Torres's claim", "MORALES:") may still be a surname
        if root.pos_ == "PROPN" or (len(span) == 1 and root.text[:1].isupper() and len(root.text) > 1):
            person = self._surname(root.text, span.start_char)
            if person is None and named is None:
                person = self._unnamed_person(span)
            if person is not None:
                self._add(person, span.start_char, span.end_char, span.text)
                return person
        if root.pos_ == "NOUN":
            if root.lemma_.lower() in DOCUMENT_NOUNS:  # "a statement from the ministry said"
                return named or self._issuer(doc, root, span)
            person = self._role(root, span)
            if person is not None:
                return person
            if (named is not None and root.tag_ != "NNS" and not any(t.dep_ == "cc" for t in span)
                    and is_person_noun(root.lemma_)):
                # one unnamed person by role ("the ministry's spokesperson"); a group is not one person
                return self._role_entity(span, root, named)
            if root.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in root.lefts):
                return self._definite(root, span, speech)
        return named

    def _plural(self, span) -> Entity | None:
        """ "they": the entity named in the nearest plural subject before it, in its sentence or the two
        before ("Republican senators are eager ..., and they say"; "its owners Ann Roe and Bo Lee said
        ... “...,” they said"); a plural subject naming no one leaves "they" unresolved."""
        doc = span.doc
        sent = span[0].sent
        lo = sent.start
        for _ in range(_THEY_SENTENCES):
            if lo == 0:
                break
            lo = doc[lo - 1].sent.start
        for tok in reversed(doc[lo : span.start]):
            if tok.dep_ not in ("nsubj", "nsubjpass") or self._in_quote(tok.idx):
                continue
            if tok.pos_ == "PRON":
                if tok.lower_ == "they":
                    continue  # an earlier "they" of the same chain: its antecedent lies further back
                return None  # "he", "it", "we": the subject changed to someone else
            if tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children):
                # "its owners, Ann Roe and Bo Lee,": the names in apposition, else the whole phrase
                head = next((c for c in tok.children if c.dep_ == "appos"), tok)
                phrase = doc[head.left_edge.i : head.right_edge.i + 1]
                named = self._named_in(phrase)
                return named if named is not None and named.id not in self.excluded else None
        return None

    def _issuer(self, doc, root, span) -> Entity | None:
        """ "the union's release", "a release sent from the union", "a statement": who issued the
        document (its owner, the one it is from or by, else the last organisation)."""
        for child in root.children:
            if child.dep_ == "poss" and child.pos_ in ("NOUN", "PROPN"):
                return self.resolve(doc, doc[child.left_edge.i : child.i + 1])
        for tok in root.subtree:
            if tok.dep_ == "pobj" and tok.head.lower_ in ("from", "by") and tok.ent_type_ in ("ORG", "PERSON", "GPE"):
                issuer = self._named_in(doc[tok.left_edge.i : tok.right_edge.i + 1])
                if issuer is not None:
                    return issuer
        return self._last_named(("ORG",), span.start_char)

    def _definite(self, root, span, speech: bool = False) -> Entity | None:
        """ "the company" -> the last organisation named; "the city" -> the last place; "the veteran" -> the last person.

        With ``speech``, an epithet the writer gives someone already named ("says the bow-tied
        maverick": a noun with an adjective, saying) is a person too.
        """
        lemma = root.lemma_.lower()
        if lemma in ORG_NOUNS or lemma in PLACE_NOUNS:
            # "the city" -> "City of Surrey", "the ministry" -> "Ministry of Health": an organisation
            # named by that noun first, else the last organisation (or place) named
            own = self._last_named(("ORG",), span.start_char, word=lemma)
            if own is None and any(t.ent_type_ in ("NORP", "GPE") for t in span if t.i != root.i):
                # "the Canadian government", "the U.S. military": that country's institution, not the
                # organisation named last; the phrase itself names the speaker
                return None
            return own or self._last_named(("ORG",) if lemma in ORG_NOUNS else ("GPE",), span.start_char)
        epithet = speech and lemma not in DOCUMENT_NOUNS and any(c.dep_ == "amod" for c in root.lefts)
        if not is_person_noun(lemma) and not epithet:
            return None  # "the record", "the plan": not someone
        pick = self._antecedent(span.start_char, None, use_names=False)
        if pick is None or _introduced_since(root, pick[0]) or _introduced_unnamed(root, span.start_char):
            return None
        person = self.by_id[pick[1]]
        self._add(person, span.start_char, span.end_char, span.text)
        return person

    def _last_named(self, types: tuple[str, ...], pos: int, word: str | None = None) -> Entity | None:
        """The entity of these types named last before ``pos`` (outside quotes); with ``word``, only
        one whose name has that word."""
        i = bisect.bisect_left(self._antecedents, (pos, 0, ""))
        for start, _, eid in reversed(self._antecedents[max(0, i - 60) : i]):
            entity = self.by_id[eid]
            if entity.type in types and not self._in_quote(start) and (
                word is None or word in (w.lower() for w in _ROLE_HEADS.findall(entity.name))
            ):
                return entity
        return None

    # -- kinds of speaker -------------------------------------------------------------
    def _named_in(self, span) -> Entity | None:
        """The entity the phrase names: the one at its head word ("then-Surrey mayoral candidate *Doug
        McCallum*": the words before the head describe it), else the likeliest speaker type in it."""
        best: Entity | None = None
        head = span.root.idx
        i = bisect.bisect_left(self._named, (span.start_char, 0, ""))
        while i < len(self._named) and self._named[i][0] < span.end_char:
            start, end, eid = self._named[i]
            entity = self.by_id[eid]
            if end <= span.end_char:
                if start <= head < end:
                    return entity
                if best is None or _rank(entity) < _rank(best):
                    best = entity
            i += 1
        return best

    def _pronoun(self, pos: int, gender: str, span) -> Entity | None:
        pick = self._antecedent(pos, gender, use_names=False)
        if pick is None or pick[1] != self.last_speaker or self._rival_since(pick, pos, gender):
            pick = self._antecedent(pos, gender, use_names=True)
        if pick is None:
            return None
        eid = pick[1]
        self.gender[eid] = gender
        person = self.by_id[eid]
        self._add(person, span.start_char, span.end_char, span.text, subject=True)
        return person

    def _rival_since(self, pick: tuple[int, str, bool], pos: int, gender: str) -> bool:
        """Was another person of the pronoun's gender (by name too) mentioned after ``pick``?"""
        lo = bisect.bisect_right(self._persons, pick)
        hi = bisect.bisect_left(self._persons, (pos, "", False))
        for _, eid, _ in self._persons[lo:hi]:
            if eid != pick[1] and (self.gender.get(eid) or self.name_gender.get(eid)) in (None, gender):
                return True
        return False

    def _antecedent(self, pos: int, gender: str | None, use_names: bool) -> tuple[int, str, bool] | None:
        """The last person mention before ``pos`` of a fitting gender, subjects within reach first.

        The gender a given name suggests is used only when the plain choice is not
        the last speaker: "he added" after a quote goes on with its speaker.
        """
        i = bisect.bisect_left(self._persons, (pos, "", False))

        def fits(eid: str) -> bool:
            known = self.gender.get(eid) or (self.name_gender.get(eid) if use_names else None)
            return gender is None or known in (None, gender)

        window = [p for p in self._persons[max(0, i - 40) : i] if fits(p[1])]
        recent = [p for p in window if pos - p[0] <= _SUBJECT_REACH]
        subjects = [p for p in recent if p[2]]
        return (subjects or recent or window or [None])[-1]

    def _surname(self, word: str, pos: int) -> Entity | None:
        word_key = fold(word)
        exact, slips = [], []
        for e in self.entities:
            if e.type != "PERSON" or e.id in self.excluded:
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

    def _role(self, root, span, owned: bool = False) -> Entity | None:
        """The one person seen before whose descriptor has this role noun ("the minister"; with
        ``owned``, "Campbell's partner": a role of someone named)."""
        owners = {eid for eid in self.roles.get(root.lemma_.lower(), ()) if self._seen_before(eid, span.start_char)}
        owners |= {eid for eid in self.roles.get(root.lower_, ()) if self._seen_before(eid, span.start_char)}
        if len(owners) == 1 and (owned or any(c.lower_ == "the" for c in root.lefts)):
            person = self.by_id[owners.pop()]
            self._add(person, span.start_char, span.end_char, span.text)
            return person
        return None

    def _unnamed_person(self, span) -> Entity | None:
        """A speaker whose name the model did not label ("Mayor Ana Torres said"): a person from the words."""
        # "Hereditary Chief Na'moks", "Senate Majority Leader Ann Roe": the name after the last title
        titles, words, cut = _title_split(span.text)
        # one word is a name only after a title ("Chief Na'moks said"); a lone capitalised word may be anything
        if not (1 < len(words) <= 4 or len(words) == 1 and titles) or not all(w[:1].isupper() for w in words):
            return None
        name_tokens = [t for t in span if t.is_alpha or "'" in t.text or "\u2019" in t.text][-len(words):]
        if not all(t.pos_ == "PROPN" or fold(t.text) in TITLES for t in (name_tokens if cut else span)):
            return None
        name = " ".join(words)
        for e in self.entities:
            if e.type == "PERSON" and e.name == name:
                return e
        descriptors = [" ".join(titles)] if titles else []
        code, country = actor_code(name, "PERSON", descriptors)
        eid = hashlib.sha1(f"PERSON:{name}".encode()).hexdigest()[:10]
        if eid in self.by_id:
            return self.by_id[eid]
        entity = Entity(id=eid, name=name, type="PERSON", code=code, country=country, descriptors=descriptors)
        self.entities.append(entity)
        self.by_id[eid] = entity
        if titles and fold(titles[-1]) in GENDER_BY_TITLE:
            self.gender[eid] = GENDER_BY_TITLE[fold(titles[-1])]
        return entity

    def _role_entity(self, span, root, org: Entity) -> Entity:
        """An unnamed person known by role and organisation ("the spokesperson of the Foreign Ministry")."""
        key = f"{root.lemma_.lower()}|{org.id}"
        entity = self._role_entities.get(key)
        text = span.text
        name = _LEADING_DET.sub("", text) or text
        eid = hashlib.sha1(f"PERSON:{name}".encode()).hexdigest()[:10]
        entity = entity or self.by_id.get(eid)
        if entity is None:
            code, country = actor_code(name, "PERSON", [name])
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

    def _add(self, entity: Entity, start: int, end: int, text: str, subject: bool = True) -> None:
        """Record a mention found through a speaker; speakers are subjects, so good antecedents."""
        if any(m.start == start and m.end == end for m in entity.mentions):
            return
        bisect.insort(entity.mentions, Span(start, end, text), key=lambda m: m.start)
        if entity.type == "PERSON" and not self._in_quote(start):
            bisect.insort(self._persons, (start, entity.id, subject))

    def speaker_seen(self, entity: Entity, start: int, end: int) -> None:
        """A named speaker is the likeliest antecedent of the next "he"/"she": mark its mention a subject."""
        if entity.type != "PERSON":
            return
        self.last_speaker = entity.id
        i = bisect.bisect_left(self._persons, (start, "", False))
        while i < len(self._persons) and self._persons[i][0] < end:
            if self._persons[i][1] == entity.id:
                self._persons[i] = (self._persons[i][0], entity.id, True)
            i += 1


def _introduced_since(root, pos: int) -> bool:
    """Was an unnamed someone of this role introduced after ``pos`` ("*a justice official* said ... the
    official added")? Then "the official" is that one, not the person named before."""
    doc = root.doc
    for tok in reversed(doc[: root.i]):
        if tok.idx < pos:
            return False
        if tok.lemma_ == root.lemma_ and tok.pos_ == "NOUN" and any(c.lower_ in ("a", "an") for c in tok.lefts):
            return True
    return False


_INTRODUCTION_REACH = 3000  # characters back in which "a justice official" introduces "the official"


def _introduced_unnamed(root, pos: int) -> bool:
    """Was someone of this role introduced without a name before ("*A justice official* said ...",
    later "the justice official told ...")? The definite noun takes up that one: the same head
    noun, first with "a", then with "the" (unless the introduction names the person: "a lawyer,
    Ann Roe,")."""
    doc = root.doc
    for tok in reversed(doc[: root.i]):
        if tok.idx < pos - _INTRODUCTION_REACH:
            return False
        if tok.lemma_ == root.lemma_ and tok.pos_ == "NOUN" and any(c.lower_ in ("a", "an") for c in tok.lefts):
            return not any(c.dep_ in ("appos", "compound") and c.ent_type_ == "PERSON" for c in tok.children)
    return False


def _title_split(text: str) -> tuple[list[str], list[str], bool]:
    """:func:`split_title`, also past words before the last title ("Hereditary Chief Na'moks" ->
    ["Hereditary", "Chief"], ["Na'moks"]); the flag says the title was found that way."""
    titles, words = split_title(text)
    cut = max((k for k, w in enumerate(words[:-1]) if fold(w) in TITLES), default=None)
    if cut is not None and not titles:
        return words[: cut + 1], words[cut + 1 :], True
    return titles, words, False


def _titled_name(text: str) -> bool:
    """Do capitalised words follow a title ("Hereditary Chief Na'moks", "Sen. Ann Roe")?"""
    titles, words, _ = _title_split(text)
    return bool(titles and words) and all(w[:1].isupper() for w in words)


def _role_head(words: list[str]) -> str | None:
    """The role noun of a descriptor: its last word before a preposition.

    "US Secretary of State" -> "secretary"; "professor of economics at ..." -> "professor";
    "European Central Bank President" -> "president".
    """
    head = None
    for w in words:
        if w in _ROLE_STOPS:
            break
        head = w
    return head


def _is_subject(doc, mention: Span) -> bool:
    """Is the mention the subject of a verb (itself, or through a title or apposition it heads)?"""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok = span.root
    for _ in range(3):
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return True
        if tok.dep_ in ("compound", "appos", "flat", "conj") and tok.head is not tok:
            tok = tok.head
        else:
            return False
    return False


def _rank(entity: Entity) -> int:
    return _SPEAKER_TYPES.index(entity.type)
