"""The coder: CAMEO/PLOVER events from the dependency parse of each sentence.

One pass over the tokens finds the words of the lexicon (a dict look-up per token). Frames ("threatened
to", "agreed to", "urged X to", "denied") are read first, from the top of the sentence down, and take the
act they govern; the rest are acts of their own. Each event gets its source and target from the
grammar, a date, a place, a negation flag and the quote it was reported in. The main event of a
sentence (the one nearest the root of the parse) comes first.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from ... import lang
from ...lang import phrases
from ...model import Actor, Article, Entity, Event
from ..actors import INTERNATIONAL, is_country_name, place_country, sector_code
from ..names import name_gender
from . import compose, grammar
from .actors_in_sentence import (
    ArticleActors,
    PhraseResolver,
    agrees_in_number,
    country_word,
    disagrees_in_number,
    is_first_person,
    is_personal_pronoun,
    is_relative_pronoun,
    is_second_person,
    needs_country,
    stance_prefix,
    with_country,
)
from .codebook import lookup
from .confidence import ActEvidence, confidence, is_placed, is_political, sectors
from .dates import reference_date, resolve
from .lexicon import Lexicon, Pattern, lexicon

_TARGET_PREPS = tuple(sorted(lang.column_words("event_words", "role", "target_prep")))
_PLACE_PREPS = tuple(sorted(lang.column_words("event_words", "role", "place_prep")))
_CAUSE_PREPS = tuple(sorted(lang.column_words("event_words", "role", "cause_prep")))
_BEHEST_NOUNS = lang.column_words("event_words", "role", "behest_noun")
_AIMING_PREPS = lang.column_words("event_words", "role", "aiming_prep")
_PARTY_PREPS = tuple(sorted(lang.column_words("event_words", "role", "party_prep")))
_NOUN_SOURCE_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
_VERBAL_QUADS = (1, 3)
_NOUN_SEARCH_DEPS = frozenset({"prep", "pobj", "compound", "amod", "dobj", "pcomp", "conj"})
_MUTUAL_ROOTS = ("03", "04", "06")  # agreeing, meeting, cooperating: done with each other


def _is_mutual(code: str | None) -> bool:
    """Agreeing, meeting, cooperating, and signing an agreement (057): acts done with each other."""
    return bool(code) and (code[:2] in _MUTUAL_ROOTS or code.startswith("057"))
_NEVER_EVENTS = frozenset({"DET", "PUNCT", "ADP", "PRON", "CCONJ", "SCONJ", "NUM", "PART", "SPACE", "SYM", "X",
                           "INTJ", "ADV"})
_MAX_EVENTS_PER_TRIGGER = 4
# frames whose passive subject is the one who acts ("X is committed to", "X was prepared to"); under the
# others ("X was asked to", "X was accused of", "X was warned") the passive subject is the recipient
_SUBJECT_ACTS_FRAMES = frozenset({"intent", "prepare", "carry", "light"})
_PLAIN_FRAMES = frozenset({None, "carry", "light"})
_CONDITION_MARKS = lang.column_words("event_words", "role", "ultimatum_mark")
_REFERENCE_NOUNS = lang.words("event_reference_nouns")
_REFERRING_DETS = lang.column_words("event_words", "role", "referring_determiner")
# reactions to what someone else did: rejecting, disapproving of, praising, yielding to it
_REACTION_ROOTS = frozenset({"11", "12", "05", "08"})
_ACCEPTING_ROOTS = frozenset({"03"})  # "approved the request", "accepted the proposal": agreeing to another's act
# coercion, assault, fighting, mass violence: done by the state where they happen unless the text says
_FORCEFUL_ROOTS = frozenset({"17", "18", "19", "20"})
_HEADLINE_WORDS = 25
_TEASER = phrases.teaser(lang.words("furniture_leads"))
_FULL_STOPS = frozenset('.!?"\'\u201d\u2019')
_SENTENCE_END = frozenset('.!?"\'\u201d\u2019\u00bb)]:;\u2026')
_PRONOUNS = lang.table("pronouns")
# third-person pronouns that stand for a person (he, she) or for a group, a body or a state (they, it)
_PERSON_PRONOUNS = frozenset(r["word"] for r in _PRONOUNS if r["person"] == "3" and r["gender"] in ("m", "f"))
_PERSONAL_RELATIVES = frozenset(r["word"] for r in _PRONOUNS if r["kind"] == "relative" and r["gender"] == "mf")
_PLURAL_PRONOUNS = frozenset(r["word"] for r in _PRONOUNS if r["person"] == "3" and r["number"] == "pl")
_GROUP_PRONOUNS = frozenset(r["word"] for r in _PRONOUNS if r["person"] == "3" and r["kind"] != "relative"
                            and (r["gender"] == "n" or r["number"] == "pl"))
# organs of a state: placed in the one country their sentence names (a rebel or a protester may be foreign)
_STATE_SECTORS = frozenset({"GOV", "MIL", "JUD", "COP", "LEG", "SPY", "ELI"})
_DOMESTIC_ORGANS = frozenset({"JUD", "COP"})  # their acts on a state's officials are that state's own
# CAMEO 144 (obstruct passage, block) is a protest, done by civilians; the same act by a state is
# 191 (impose blockade, restrict movement), a coercion
_OBSTRUCT, _BLOCKADE = "144", "191"
_VISITS = ("042", "043")  # make a visit, host a visit
# moving, sending or standing down forces (military aid, de-escalation or intent to, a show of force):
# the forces moved are the doer's own, the means of the act and not its recipient ("pulled back troops")
_FORCE_MOVES = ("072", "087", "0356", "15")
_MEETINGS = "04"  # consult, visit, meet, mediate, negotiate
_INTENT_ROOT = "03"  # express intent to cooperate
_THREAT_ROOT = "13"  # threaten
_PROTEST_ROOT = "14"
_CUSTODY = ("173", "174")  # arrest or detain, expel or deport
_CUSTODY_APPEALS = frozenset({"02", "10", "11"})  # appeals, demands, disapproval
_ASKING = frozenset({"02", "10"})  # appeals and demands
_VERBAL_FRAMES = frozenset({"appeal", "demand", "threat", "allege", "refuse", "deny"})  # frames of verbal acts
_CUSTODY_NOUNS = lang.column_words("event_words", "role", "custody_noun")
_MUNITIONS = lang.column_words("event_words", "role", "munition_noun")
_FORCE_NOUNS = lang.column_words("event_words", "role", "force_noun")
_FORCE_SECTORS = frozenset({"MIL", "COP", "REB", "SPY"})
_MOBILIZE_ROOT = "15"  # CAMEO 15: exhibit military or police power
_PROBLEMS = lang.column_words("event_words", "role", "problem_noun")
_SPORTS = lang.column_words("event_words", "role", "sport_noun")
_SCORE = re.compile(r"^\d{1,3}[-\u2013:]\d{1,3}$")  # "2-1", "3–0": a game's score
# where a verbal act is done: "attacked the far right in a speech", "hit out at Kenya on Twitter"
_SPEECH_SETTINGS = lang.column_words("event_words", "role", "speech_setting")  # "in a speech", "on Twitter"
_NAMED_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_TOPIC_VERBS = lang.column_words("event_words", "role", "topic_verb")
_COMMENT_VERBS = lang.column_words("event_words", "role", "comment_verb")
_FALL_VERBS = lang.column_words("event_words", "role", "fall_verb")
_ACCORD_VERBS = lang.column_words("event_words", "role", "accord_verb")
_RECIPROCAL_VERBS = lang.column_words("event_words", "role", "reciprocal_verb")
_ANONYMITY_VERBS = lang.column_words("event_words", "role", "anonymity_verb")
_SUPPLY_VERBS = lang.column_words("event_words", "role", "supply_verb")
_SHOW_VERBS = lang.column_words("event_words", "role", "show_verb")
_ADJUNCT_PREPS = lang.column_words("event_words", "role", "adjunct_prep")

_STANCE_NOUNS = lang.column_words("event_words", "role", "stance_noun")
_UNARMED_SECTORS = lang.words("event_unarmed_sectors", lower=False)
_ANY_CAPTIVE = "*"
_ASPECT_VERBS = lang.column_words("event_words", "role", "aspect_verb")
_PRONOUN_GENDER = {r["word"]: r["gender"] for r in _PRONOUNS if r["gender"] in ("m", "f")}
_PERSON_REACH = 400  # characters before a sentence in which an object pronoun's person is sought
_ANTECEDENT_WINDOW = 4  # the persons a he/she may point back to
# and a threat of blockade (1381, a military threat) by people who are not a state is a threat to protest (133)
_THREATEN_BLOCKADE, _THREATEN_PROTEST = "1381", "133"
_PROTESTS = ("14", "133")  # acts that make whoever does them a protester: protest, and the threat of it
# verbal acts put to someone: appeals (02), demands (10), disapproval (11), rejection (12), threats (13)
_VERBAL_ROOTS = frozenset({"02", "10", "11", "12", "13"})
# acts aimed at someone, whose object may instead be a mere thing: praise and criticism (CAMEO 051 praise
# or endorse, 11 disapprove) of a thing with no author are opinions, a threat (13) to a thing ("threaten
# the viability of a solution") is the figurative sense, "endanger", and to release a thing ("released its
# annual report", "a new album") is to publish it, not to free anyone (0841)
_AIMED_AT_SOMEONE = ("051", "11", "13", "0841")
_VIOLENT_ROOTS = frozenset({"18", "19", "20"})  # assault, fight, mass violence
_JUDGING_VERBS = grammar.SPEECH_LEMMAS | lang.column_words("event_words", "role", "judging_verb")
_DISAPPROVAL = lang.words("event_disapproval_words")
_CRITICISE, _REJECT = "111", "120"
_CLAIM_NOUNS = lang.column_words("event_words", "role", "claim_noun")
_UNTRUE = lang.column_words("event_words", "role", "untrue_word")
HISTORY_YEARS = 5  # an act dated this many years or more before the article is background (is_history)
_HISTORY_PREPS = ("in", "during")
_YEAR_TOKEN = re.compile(r"\b(?:1[89]|20)\d\d\b")
_OF = re.compile(r"\s+(?:of|for|from|in|loyal to)\s+", re.I)


@dataclass
class Reading:
    """One coded act: where it sits in the parse and what it is."""

    head: object  # the token whose clause gives the source (the frame's head, or the act itself)
    act: object  # the token of the act, where the target is sought
    code: str | None
    negated: bool = False
    addressee: object | None = None  # "urged X to ...", "demanded that X ...": the target
    speaker: object | None = None  # "X said Y must ...": the source
    tokens: list = field(default_factory=list)
    frame: str | None = None  # the frame that governs the act, if any
    standalone: bool = False  # an event noun on its own ("US sanctions on China"): needs a source
    judged: object | None = None  # a judgement: the thing judged, whose author is the target


@dataclass(frozen=True)
class _ToldAct:
    """An act the article has told, for a later definite reference to it ("the talks", "the move")."""

    nouns: frozenset  # the lemmas of the nouns of its own words
    sources: tuple
    targets: tuple
    mutual: bool
    kind: str = ""  # what kind of act it was (_act_kind): "the deal" refers to an agreement told in other words


class SentenceCoder:
    def __init__(self, article: Article, lex: Lexicon, doc) -> None:
        self.article = article
        self.lex = lex
        self.actors = ArticleActors.build(article, doc)
        self.dates = [e for e in doc.ents if e.label_ in ("DATE", "TIME")]
        self.resolver = PhraseResolver(self.actors)
        self.ref = reference_date(article.published, article.fetched)
        self.article_date = self.ref.isoformat() if self.ref else None
        # the article's year: its date's, else the latest year it says something happened in
        self.year = self.ref.year if self.ref else _latest_past_year(self.dates)
        # the last source of each kind, for a pronoun subject that agrees with it: he/she a person,
        # they/it a group, a body or a state
        self.last_person: Actor | None = None
        self._phrase_nouns_at: dict[int, list] = {}  # by the reading's head token: _phrase_nouns
        self.people: list[Actor] = []  # every person or singular role remembered, in text order
        self.captors: dict[str, Actor] = {}  # captives' country (or _ANY_CAPTIVE) -> who holds them
        self.last_group: Actor | None = None
        self.last_members: tuple[Actor, ...] = ()  # the latest act's sources, when it had several: "they"
        self.recent_sources: list[Actor] = []  # every event's first source so far, in text order
        self._sentence_targets: set[str] = set()  # countries the current sentence's acts so far were done to
        self.told: list[_ToldAct] = []  # every act coded so far, in text order: for "the talks", "the move"
        self.entities = {e.id: e for e in article.entities}
        self.blocks = _blocks(article)

    # ---------------------------------------------------------------- finding acts
    def trigger(self, tok) -> Pattern | None:
        if tok.pos_ in _NEVER_EVENTS:
            return None
        lemma = next((w for w in grammar.word_forms(tok) if self.lex.candidates(w)), None)
        if lemma is None:
            return None
        return self.lex.best(lemma, tok.pos_, grammar.phrase_lemmas(tok), grammar.has_object(tok))

    def _judges_a_thing(self, act) -> bool:
        """The act's object is a thing: not a person, nor an act ("condemned the arrests", whose author
        the text may give elsewhere), nor a reference to one told before: "does not support forced
        relocations"."""
        obj = grammar.first_child(act, grammar.OBJECT_DEPS)
        if obj is None and act.pos_ in ("ADJ", "VERB", "AUX"):  # "were concerned about the cost"
            obj = next((pobj for _, pobj in grammar.preps(act, grammar.TOPIC_PREPS)), None)
        return obj is not None and obj.pos_ == "NOUN" and obj.ent_type_ == "" \
            and obj.lemma_.lower() not in _REFERENCE_NOUNS and self.trigger(obj) is None \
            and not grammar.lemma_in(obj, _CUSTODY_NOUNS)  # "released the hostages": people

    def readings(self, sent) -> list[Reading]:
        triggers = {tok.i: p for tok in sent if (p := self.trigger(tok)) is not None}
        demands = [tok for tok in sent if tok.i not in triggers and self._reported_demand(tok)]
        order = sorted([*triggers, *(t.i for t in demands)], key=lambda i: (grammar.depth(sent.doc[i]), i))
        consumed: set[int] = set()
        out: list[Reading] = []
        for i in order:
            if i in consumed:
                continue
            tok = sent.doc[i]
            out.extend(self._read(tok, triggers.get(i), triggers, consumed))
        out.extend(self._judgements(sent, triggers, consumed))
        _mark_reacted_to(out)
        return out

    def _judgements(self, sent, triggers: dict, consumed: set[int]) -> list[Reading]:
        """A speaker's negative judgement of what another actor did or holds, in so many words ("the
        ministry said the strikes were unacceptable", "the Arab League called it an adverse development",
        "Moscow viewed Washington's move as a violation"): criticism (CAMEO 111) of its author. Only a
        judgement of something the text attributes is coded; "said the situation was dangerous" is not."""
        out = []
        for verb in sent:
            if verb.i in consumed or verb.pos_ != "VERB" or not grammar.lemma_in(verb, _JUDGING_VERBS):
                continue
            for judged, predicate in _judged(verb):
                if predicate.i in triggers or grammar.is_negated(predicate) or grammar.is_negated(predicate.head):
                    continue
                consumed.add(verb.i)
                # a claim called false is denied, not criticised: "said the ministry's claim is patently false"
                denied = judged.lemma_.lower() in _CLAIM_NOUNS and (predicate.lemma_.lower() in _UNTRUE or any(
                    c.dep_ == "amod" and c.lemma_.lower() in _UNTRUE for c in predicate.children))  # "baseless lies"
                out.append(Reading(head=verb, act=verb, code=_REJECT if denied else _CRITICISE, tokens=[verb],
                                   judged=judged))
                break
        return out

    def _reported_demand(self, tok) -> bool:
        return tok.pos_ in ("VERB", "AUX") and grammar.demand_speaker(tok) is not None

    def _read(self, tok, pat: Pattern | None, triggers: dict, consumed: set[int]) -> list[Reading]:
        consumed.add(tok.i)
        frame = pat.frame if pat else None
        if pat is not None and frame is None:
            return self._act(tok, pat.code, standalone=tok.pos_ in ("NOUN", "PROPN"))
        if frame in ("object", "other"):
            return []
        if pat is None:  # "X said Y must ...": a demand whatever Y is
            return self._act(tok, None, standalone=False)
        if frame == "undergo":
            return self._undergone(tok, triggers, consumed)
        if frame in ("appeal", "demand") and (_asks_anonymity(tok) or grammar.asks_a_question(tok)):
            return []
        embedded = self._embedded(tok, frame, triggers, consumed)
        if frame in compose.COMPOSE and embedded is not None and embedded.code is None \
                and (other := self.trigger(embedded.act)) is not None and other.frame == "other":
            return []  # "promised to meet his goals", "vowed to host the race": a promise of no political act
        if frame == "intent" and embedded is None and self._supplies_a_thing(tok):
            return []  # "USAA offers life insurance": a sale, no pledge
        if frame == "refuse" and embedded is not None and embedded.code is None \
                and grammar.lemma_in(embedded.act, _COMMENT_VERBS):
            return []  # "declined to comment", "refused to say where": the press's no-comment, no rejection
        if frame == "refuse" and grammar.lemma_in(tok, _FALL_VERBS) and not any(
                c.dep_ in (*grammar.OBJECT_DEPS, "xcomp", "ccomp") for c in tok.children):
            return []  # "participation is declining", "exports declined by 5%": a fall, no refusal
        if frame == "seek" and (embedded is None or embedded.code is None) and any(c.dep_ == "xcomp" for c in tok.children):
            return []  # "seeks to improve its relationship with China": an aim, asked of no one
        emb_code = embedded.code if embedded else None
        # "did not hold talks", "held no talks"
        negated = grammar.is_negated(tok) or (embedded is not None and frame in ("carry", "light")
                                              and grammar.is_negated(embedded.act))
        frame = _dual(frame, embedded)
        if frame == "threat" and tok.pos_ in ("VERB", "AUX") and grammar.first_child(tok, grammar.OBJECT_DEPS) is not None \
                and any(c.dep_ == "xcomp" and grammar.is_to_clause(c) for c in tok.children):
            frame = "appeal"  # "warned voters to be wary", "warned Uganda to withdraw": urging someone, no threat
        if frame in ("carry", "light"):
            code, negated, _ = _modality(tok, emb_code or pat.code, negated)
        elif frame == "deny":
            code = pat.code
        elif frame == "intent" and negated:
            # "will not accept", "does not intend to": a refusal; "has not committed to", "did not promise":
            # a commitment not (yet) made, no event
            verb = tok.head if tok.pos_ == "ADJ" and tok.dep_ == "acomp" else tok  # "is not willing to"
            did = any(c.dep_ == "aux" and c.tag_ == "VBD" for c in verb.children)  # "did not offer": past
            if not (grammar.modals(verb) & grammar.INTENT_MODALS or verb.tag_ in ("VBZ", "VBP", "VB")
                    and not grammar.is_perfect(verb) and not did):
                return []
            if emb_code is None and tok.pos_ == "ADJ":
                return []  # "peacekeepers are not prepared for such operations": unready, refusing nothing
            code, negated = compose.refuse(emb_code), False
        elif frame in compose.COMPOSE:
            # a frame word with no code of its own ("fail", "hope") is an event only through a coded act:
            # "failed to reach an agreement" rejects, "failed to answer a question" does nothing
            # (a dual frame resolved by what it governs, "ordered X to appear", is a demand whatever X is)
            composes = embedded is not None and (emb_code is not None or pat.code is not None or frame != pat.frame)
            code = compose.COMPOSE[frame](emb_code) if composes else pat.code
            if frame == "intent" and code and code[:2] == _THREAT_ROOT and _agreed_together(tok):
                code = pat.code  # "Russia and Turkey agreed to set up joint patrols": their agreement
        else:
            code = pat.code
        if code is not None and frame in ("intent", "carry", "light") and _conditional(tok):
            code = compose.threat(code)  # "will withdraw unless ...": an ultimatum
        speaker = grammar.demand_speaker(tok)
        if code is not None and speaker is not None:
            code, negated = compose.demand(emb_code), False  # "X said Y must agree to ..."
        elif code is not None and grammar.exhorts_self(tok) and grammar.speech_governor(tok) is not None:
            code = compose.intent(code)  # "we must agree to ...": the speaker's own stated intent
        if code is None:
            return []
        reading = Reading(head=tok, act=embedded.act if embedded else tok, code=code, negated=negated,
                          tokens=[tok, *(embedded.tokens if embedded else [])], frame=frame)
        if speaker is not None:
            reading.speaker = speaker
            reading.addressee = grammar.first_child(tok, grammar.SUBJECT_DEPS)
        elif frame in ("demand", "appeal", "allege"):
            reading.addressee = self._addressee(tok, embedded)
        elif frame == "threat" and tok.pos_ in ("VERB", "AUX"):
            # "warned Kiev against joining NATO", "threatened Uganda with sanctions": the one warned
            warned = grammar.first_child(tok, grammar.OBJECT_DEPS)
            if warned is not None and self.resolver.resolve(warned):
                reading.addressee = warned
        out = [reading]
        # "denied shelling the town": the shelling, negated; "denied the accusations": the accusations
        # are the other side's act, not one of the denier's
        if frame == "deny" and embedded is not None and embedded.code is not None \
                and embedded.act.pos_ in ("VERB", "AUX"):
            embedded.head = tok
            embedded.negated = True
            out.append(embedded)
        return out

    def _supplies_a_thing(self, verb) -> bool:
        """ "offers life insurance", "offering build-your-own bars": a verb of supplying in the present
        whose object is a thing (no act, which would be embedded; no sum, "offered $5 million"; no actor) and which
        governs no clause ("offered to mediate")."""
        if not grammar.lemma_in(verb, _SUPPLY_VERBS) or verb.pos_ not in ("VERB", "AUX"):
            return False
        if verb.tag_ not in ("VBZ", "VBP", "VBG"):
            return False  # what is on offer is told in the present; "offered an amnesty" was an act
        if any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
            return False
        objects = list(grammar.children(verb, grammar.OBJECT_DEPS))
        # the object's own head says what is offered: "a fleet of German cars" is cars, not Germany
        # a count of things is still things ("offers 9 free courses"), a sum is not ("$5 million"); a thing
        # the parser calls an adjective ("offers organic and paid services") is one
        return bool(objects) and all(
            o.ent_type_ not in ("MONEY", "QUANTITY", "GPE", "NORP", "ORG", "PERSON")
            and not any(t.ent_type_ == "MONEY" or t.tag_ == "$" for t in o.subtree)
            and o.pos_ in ("NOUN", "ADJ") and sector_code([o.text]) is None
            for o in objects)

    def _undergone(self, verb, triggers: dict, consumed: set[int]) -> list[Reading]:
        """ "The United States faced Palestinian criticism", "Assange faces charges in the US", "the plan
        drew condemnation from Beijing": the subject undergoes the act its object names. The act's doer
        is the noun's own (its modifier, "by" or "from"); the subject is the target."""
        noun = self._embedded_noun(verb, triggers, consumed)
        if noun is None or noun.code is None or noun.act.pos_ not in ("NOUN", "PROPN"):
            return []
        subject = grammar.first_child(verb, ("nsubj",))
        code, negated, _ = _modality(verb, noun.code, grammar.is_negated(verb))
        if code is None:
            return []
        return [Reading(head=noun.act, act=noun.act, code=code, negated=negated, addressee=subject,
                        tokens=[verb, noun.act], frame="undergo")]

    def _act(self, tok, code: str | None, standalone: bool) -> list[Reading]:
        # "held no talks", "reached no agreement": an act whose object is "no ..." did not happen
        negated = grammar.is_negated(tok) or (tok.pos_ in ("VERB", "AUX") and any(
            grammar.is_negated(o) for o in grammar.children(tok, grammar.OBJECT_DEPS)))
        code, negated, speaker = _modality(tok, code, negated)
        if code is None:
            return []
        reading = Reading(head=tok, act=tok, code=code, negated=negated, tokens=[tok], standalone=standalone)
        if speaker is not None:
            reading.speaker = speaker
            reading.addressee = grammar.first_child(tok, grammar.SUBJECT_DEPS)
        return [reading]

    def _embedded(self, tok, frame: str, triggers: dict, consumed: set[int]) -> Reading | None:
        """The act a frame governs: its clause, or an event noun it takes as object.

        A clause with no coded act still counts (its code is None): it carries the addressee.
        """
        uncoded = None
        if frame != "light":
            for clause in _clauses(tok):
                reading = self._embedded_clause(clause, triggers, consumed)
                if reading.code is not None:
                    return reading
                uncoded = uncoded or reading
        noun = self._embedded_noun(tok, triggers, consumed)
        if noun is not None:
            return noun
        if frame != "light":
            for c in tok.children:
                if c.dep_ == "advcl" and _to_infinitive(c):  # "began a strike to protest"
                    reading = self._embedded_clause(c, triggers, consumed)
                    if reading.code is not None:
                        return reading
        return uncoded

    def _embedded_clause(self, verb, triggers: dict, consumed: set[int]) -> Reading:
        pat = triggers.get(verb.i)
        if verb.i not in consumed and (pat is not None or self._reported_demand(verb)):
            readings = self._read(verb, pat, triggers, consumed)
            if readings:
                return readings[0]
        noun = self._embedded_noun(verb, triggers, consumed)
        if noun is not None:
            noun.head = verb
            return noun
        return Reading(head=verb, act=verb, code=None, tokens=[verb])

    def _embedded_noun(self, tok, triggers: dict, consumed: set[int]) -> Reading | None:
        starts = [c for c in tok.children if c.dep_ in grammar.OBJECT_DEPS or c.dep_ in ("attr", "nsubjpass")]
        # "took part in talks"; not an adjunct of time or cause: "after the arrest of Meng, officials gave
        # a briefing" gives no arrest
        starts += [g for c in tok.children if c.dep_ == "prep" and not grammar.lemma_in(c, _ADJUNCT_PREPS)
                   for g in c.children if g.dep_ == "pobj"]
        for start in starts:
            frontier = [(start, 0)]
            while frontier:
                noun, d = frontier.pop(0)
                pat = triggers.get(noun.i)
                if pat is not None and noun.i not in consumed and noun.pos_ in ("NOUN", "PROPN"):
                    consumed.add(noun.i)
                    if pat.frame in (None, "object") and pat.code:
                        return Reading(head=tok, act=noun, code=pat.code, tokens=[noun])
                    if pat.frame in compose.COMPOSE:
                        inner = self._embedded_noun(noun, triggers, consumed)
                        if inner is None and not pat.code:
                            return None  # "issued a warning of grave dangers": a frame noun that governs no act
                        code = compose.COMPOSE[pat.frame](inner.code if inner else None)
                        return Reading(head=tok, act=inner.act if inner else noun, code=code, tokens=[noun])
                if d < 3:
                    frontier.extend((c, d + 1) for c in noun.children if c.dep_ in _NOUN_SEARCH_DEPS)
        return None

    def _addressee(self, tok, embedded: Reading | None):
        obj = grammar.first_child(tok, grammar.OBJECT_DEPS | grammar.RECIPIENT_DEPS)
        if obj is not None and (self.resolver.resolve(obj) or obj.lower_ in _PRONOUN_GENDER):
            return obj  # "urged Uganda to withdraw", "urged him to use his influence"
        for _, pobj in grammar.preps(tok, ("on", "to")):
            if self.resolver.resolve(pobj):
                return pobj
        if embedded is not None:
            for verb in grammar.unique([embedded.act, embedded.head]):
                if verb == tok:
                    continue
                subj = grammar.first_child(verb, grammar.SUBJECT_DEPS)
                if subj is not None:
                    return subj
            verb = embedded.act
            while verb.dep_ in ("xcomp", "ccomp", "conj") and verb.head != tok:
                verb = verb.head
            subj = grammar.first_child(verb, grammar.SUBJECT_DEPS)
            if subj is not None and verb != tok:
                return subj
        return None

    # ---------------------------------------------------------------- actors
    def sources(self, r: Reading) -> list[Actor]:
        if r.speaker is not None:
            subj = grammar.subject_of(r.speaker)
            return self._resolve_subject(subj, r.speaker) if subj is not None else []
        head = r.head
        if r.frame == "undergo":  # the act's own doer, or the state where it was done ("charges in the US")
            found = self._noun_source(head)
            verb = r.tokens[0]
            for _, pobj in [*grammar.preps(verb, ("from", "by")), *grammar.preps(head, ("in",)),
                            *grammar.preps(verb, ("in",))]:
                if found:
                    break
                found = [a for a in self.resolver.resolve(pobj) if is_placed(a)]
            return found
        if head.pos_ in ("NOUN", "PROPN"):
            found = self._noun_source(head)
            if found or head == r.act:
                return found
            for subj in grammar.subject_candidates(head.head):  # "X reiterated its demand that ..."
                found = self._resolve_subject(subj, head.head)
                if found:
                    return found
            return []
        if r.frame is None and grammar.is_reduced_passive(head):
            # "two Canadians detained in China": the noun is who was detained; the doer is the "by" phrase
            agent = grammar.agent_of(head)
            return self.resolver.resolve(agent) if agent is not None else []
        if grammar.is_passive(head) and not (r.frame in _SUBJECT_ACTS_FRAMES and grammar.agent_of(head) is None):
            agent = grammar.agent_of(head)  # "X was asked/accused/warned (by Y)": X is the target, Y the source
            if agent is not None:
                return self.resolver.resolve(agent)
            # "the Swedish investigation was shelved": an act ended is ended by whoever made it
            act = self._ended_act(r)
            return self._noun_source(act) if act is not None else []
        if grammar.is_passive(head):  # "X is committed to ...", "X is prepared to ...": X is the actor
            subj = grammar.first_child(head, grammar.PASSIVE_SUBJECT_DEPS)
            return self._resolve_subject(subj, head) if subj is not None else []
        # then the speaker the parse cut the act from: "the ministry said the sale was legal and urged ..."
        speech = self._misjoined_speech(head)
        # "the White House said Israel had the right to defend itself but urged both sides ...": joined to a
        # reported clause that tells no act, a verbal act is the speaker's
        verbs = (speech, head) if speech is not None and self.trigger(head.head) is None else (head, speech)
        for verb in verbs:
            pronoun = None  # a pronoun subject left unresolved: a subject above it stands for it only if they agree
            for subj in grammar.subject_candidates(verb) if verb is not None else ():
                if pronoun is not None and disagrees_in_number(pronoun, subj):
                    continue  # "protesters rallied after it endorsed the president": "it" is not they
                if is_second_person(subj):
                    return []  # "he believes the more you help the wealthy ...": whoever "you" is, not he
                found = self._resolve_subject(subj, verb)
                if found:
                    return found
                pronoun = subj if is_personal_pronoun(subj) else pronoun
        return []

    def _misjoined_speech(self, verb):
        """The verb of saying a verbal act was meant to join when the parse hung it on the reported clause
        instead ("the ministry said [the sale was legal and urged Beijing to ...]"): a verb of saying,
        asking, demanding, threatening or accusing, conjoined to the head of a clause that a verb of
        saying reports. None otherwise."""
        if verb.dep_ != "conj":
            return None
        pat = self.trigger(verb)
        if not (grammar.lemma_in(verb, _JUDGING_VERBS) or (pat is not None and pat.frame in _VERBAL_FRAMES)):
            return None
        clause = verb.head
        if clause.dep_ == "ccomp" and grammar.lemma_in(clause.head, grammar.SPEECH_LEMMAS):
            return clause.head
        return None

    def _authors_voice(self, r: Reading) -> bool:
        """An act whose subject is "I", "we" or "you" outside any quote: the writer's own (a blog, a press
        release: "I blame it on the weather", "we are delighted to partner") or the reader's, whom the
        writer addresses ("you'll visit the City Market"), not a reported actor's."""
        if r.head.pos_ not in ("VERB", "AUX") or r.speaker is not None:
            return False
        subj = grammar.first_child(r.head, grammar.SUBJECT_DEPS)
        return subj is not None and (is_first_person(subj) or is_second_person(subj)) and self._quote_of(subj.idx) is None

    def _ended_act(self, r: Reading):
        """The act a yield's passive subject names ("the investigation was dropped", "the sanctions were
        lifted"), or None: it is the thing given up, not a recipient."""
        if not (r.code or "").startswith("08") or not grammar.is_passive(r.head):
            return None
        subj = grammar.first_child(r.head, grammar.PASSIVE_SUBJECT_DEPS)
        return subj if subj is not None and self._act_noun(subj) is not None else None

    def _noun_source(self, noun) -> list[Actor]:
        agent = grammar.agent_of(noun)
        if agent is not None:
            return self.resolver.resolve(agent)
        for _, pobj in grammar.preps(noun, ("between", "among", "from")):  # "talks between X and Y", "aid from X"
            found = self.resolver.resolve(pobj)
            if found:
                return found
        for c in noun.children:
            if c.dep_ in _NOUN_SOURCE_DEPS and not is_personal_pronoun(c):
                found = self.resolver.resolve(c)
                if found:
                    return found
        return []

    def _resolve_subject(self, subj, verb) -> list[Actor]:
        if is_relative_pronoun(subj) and verb.dep_ == "relcl":
            subj = verb.head
            if subj.doc[verb.left_edge.i].lower_ in _PERSONAL_RELATIVES and subj.ent_type_ in ("GPE", "LOC", "FAC") \
                    and subj.dep_ == "pobj" and subj.head.head.pos_ == "NOUN":
                subj = subj.head.head  # "lawmakers in Seoul, who accused Yoon": "who" is the lawmakers, not Seoul
        if is_personal_pronoun(subj) or is_first_person(subj):
            ent = self.actors.entity_of(subj)
            if ent is not None and (ent.code or ent.country):
                return self.resolver.resolve(subj)
            if is_first_person(subj):
                quote = self._quote_of(subj.idx)
                if quote is not None:
                    speaker = self.article.quotes[quote]
                    found = self._speaker_actor(speaker.speaker_entity)
                    if found:
                        return [found]
            for anc in verb.ancestors:
                other = grammar.first_child(anc, grammar.SUBJECT_DEPS)
                if other is not None and other != subj and not is_personal_pronoun(other):
                    if disagrees_in_number(subj, other):
                        continue  # "people demonstrated outside the paper after it backed Clinton"
                    found = self.resolver.resolve(other)
                    if found or agrees_in_number(subj, other):
                        # "Proponents ... say they support": the subject it agrees with, actor or not; no
                        # skipping to someone named sentences before
                        return found
            if self.last_members and subj.lower_ in _PLURAL_PRONOUNS:
                return list(self.last_members)  # "Kenya and Uganda met on Monday. They agreed to ...": both
            earlier = self._antecedent(subj)
            return [earlier] if earlier else []
        return [self._owned_by_antecedent(a, subj) for a in self.resolver.resolve(subj)]

    def _owned_by_antecedent(self, actor: Actor, subj) -> Actor:
        """A role with no country whose phrase opens with a possessive pronoun takes the country of what
        the pronoun stands for: "Eritrea denied the accusation. Its information minister said ..." is
        Eritrea's minister (inferred)."""
        if actor.country or not actor.code or (actor.code or "").startswith(INTERNATIONAL):
            return actor
        owner = next((c for c in subj.children if c.dep_ == "poss" and c.tag_ == "PRP$"), None)
        if owner is None or owner.lower_ not in _GROUP_PRONOUNS | _PERSON_PRONOUNS:
            return actor
        earlier = self._antecedent(owner)
        if earlier is None or not earlier.country:
            return actor
        return self.actors.mark_inferred(with_country(actor, earlier.country))

    def _antecedent(self, pronoun) -> Actor | None:
        """The earlier source a pronoun agrees with: "he"/"she" the latest person of that gender (or of
        none known: "he" after Stephanie Grisham skips her), "they"/"it" a group."""
        if pronoun.lower_ in _PERSON_PRONOUNS:
            wanted = _PRONOUN_GENDER.get(pronoun.lower_)
            for actor in reversed(self.people[-_ANTECEDENT_WINDOW:]):
                if wanted is None or self._gender(actor) in (None, wanted):
                    return actor
            return None
        if pronoun.lower_ in _GROUP_PRONOUNS:
            group = self.last_group
            if group is not None and group.start is not None and group.end is not None and not group.entity:
                span = pronoun.doc.char_span(group.start, group.end, alignment_mode="expand")
                if span is not None and disagrees_in_number(pronoun, span.root):
                    return None  # "protesters ... it": "it" is not they
            return group
        return None

    def _person_before(self, pronoun, sources: list[Actor]) -> list[Actor]:
        """Whom an object "him" or "her" stands for: the latest named person before it, of that gender,
        who is not the subject of its own clause (an object pronoun is never the subject it follows:
        "Merkel spoke with Putin and urged him to ..." is Putin), within the sentence and the one before."""
        wanted = _PRONOUN_GENDER[pronoun.lower_]
        own = {a.entity for a in sources if a.entity}
        floor = pronoun.sent.start_char - _PERSON_REACH
        best: tuple[int, Entity, object] | None = None
        for ent in self.article.entities:
            if ent.type != "PERSON" or ent.id in own or not (ent.code or ent.country):
                continue
            if (name_gender(ent.name.split()[0]) or wanted) != wanted:
                continue
            for m in ent.mentions:
                if floor <= m.start and m.end <= pronoun.idx and (best is None or m.start > best[0]):
                    best = (m.start, ent, m)
        if best is None:
            return []
        _, ent, m = best
        return [self.actors.mark_inferred(Actor(text=m.text, start=m.start, end=m.end, entity=ent.id,
                                                code=ent.code, country=ent.country))]

    def _gender(self, actor: Actor) -> str | None:
        ent = self.entities.get(actor.entity) if actor.entity else None
        if ent is None or ent.type != "PERSON" or not ent.name:
            return None
        return name_gender(ent.name.split()[0])

    def _remember(self, actor: Actor) -> None:
        """A named person is a he/she; a state, a body or a plural role a they/it; a singular role
        ("Iran's foreign minister", "the ministry": not the name of the entity it mentions) may be either."""
        ent = self.entities.get(actor.entity) if actor.entity else None
        if ent is not None and (ent.type == "PERSON" or any(m.text == actor.text for m in ent.mentions)):
            if ent.type == "PERSON":
                self.last_person = actor
                self.people.append(actor)
            else:
                self.last_group = actor
            return
        if not (actor.text or "").endswith("s"):
            self.last_person = actor
            self.people.append(actor)
        self.last_group = actor

    def _carried(self, actor: Actor | None) -> bool:
        return actor is not None and (actor is self.last_person or actor is self.last_group)

    def _speaker_actor(self, entity_id: str | None) -> Actor | None:
        for ent in self.article.entities:
            if ent.id == entity_id and (ent.code or ent.country):
                return Actor(text=ent.name, entity=ent.id, code=ent.code, country=ent.country)
        return None

    def targets(self, r: Reading, sources: list[Actor]) -> list[Actor]:
        if r.judged is not None:
            return self._author_of(r.judged, sources)
        if r.frame == "undergo":  # who underwent it: the subject, or the author of the thing that did
            return self._author_of(r.addressee, sources) if r.addressee is not None else []
        if r.frame is None and grammar.is_reduced_passive(r.head) \
                and (modified := grammar.participle_noun(r.head)).pos_ not in ("VERB", "AUX"):
            found = self.resolver.resolve(modified)  # "two Canadians detained in China"
            if found:
                return found
        if r.code[:2] in _ASKING and r.act.pos_ in ("NOUN", "PROPN"):
            # "seeking Assange's extradition from the UK": what is asked for, asked of whoever holds it
            for _, pobj in grammar.preps(r.act, ("from",)):
                found = [a for a in self.resolver.resolve(pobj) if is_political(a, self.entities.get(a.entity or ""))]
                if found:
                    return found
        if r.addressee is not None:
            if r.addressee.lower_ in _PRONOUN_GENDER and r.addressee.dep_ in grammar.OBJECT_DEPS | grammar.RECIPIENT_DEPS:
                found = self._person_before(r.addressee, sources)
            elif is_personal_pronoun(r.addressee):
                found = self._resolve_subject(r.addressee, r.act)
            else:
                found = self.resolver.resolve(r.addressee)
            if found:
                return found
        weak: list[Actor] = []
        for tok in grammar.unique([r.act, *reversed(r.tokens), r.head]):
            for phrase in self._target_phrases(tok, r):
                if phrase.pos_ == "NOUN" and (grammar.lemma_in(phrase, _MUNITIONS) or any(
                        grammar.lemma_in(pobj, _MUNITIONS) for _, pobj in grammar.preps(phrase, ("of",)))):
                    continue  # "fired two missiles into the sea", "dozens of missiles": what is fired is no recipient
                if r.code.startswith(_FORCE_MOVES) and self._own_forces(phrase, sources):
                    continue  # "agreed to pull back their troops", "sent 500 soldiers to Somalia"
                # "the Swedish investigation was shelved": the doer named in it is no recipient of its act
                found = [a for a in self.resolver.resolve(phrase) if not any(_within(a, s) for s in sources)]
                if found and any(a.country or a.entity or (a.code or "").startswith(INTERNATIONAL) for a in found):
                    return found
                if not weak and not _own(phrase) and not r.code.startswith("15"):
                    weak = found  # "dozens of protesters": a role only, kept if nothing better comes
        if not weak and r.code.startswith("13"):
            return self._condition_subject(r)
        if not weak and (r.code[:2] in _REACTION_ROOTS or r.frame == "deny"):  # "denied the charge": its maker
            weak = self._party_of_told_act(r, sources) or self._referred_act_source(r, sources)
        if not weak:
            return self._party_of_told_act(r, sources)
        return weak

    def _fights_a_problem(self, r: Reading) -> bool:
        """A violent act (or one a frame governs) aimed at an ill, a hazard or a trend: its object, or
        what it is "against", is a problem noun ("fight corruption", "a campaign to fight poverty")."""
        own = self.trigger(r.act)
        if own is None or (own.code or "")[:2] not in _VIOLENT_ROOTS:
            return False
        phrase = {t.i for t in self._phrase_nouns(r)}
        aimed = [*grammar.children(r.act, grammar.OBJECT_DEPS), *(p for _, p in grammar.preps(r.act, ("against", "on")))]
        return any(o.i not in phrase and o.pos_ == "NOUN" and grammar.lemma_in(o, _PROBLEMS) for o in aimed)

    def _mobilises_no_force(self, r: Reading) -> bool:
        """A show of force (CAMEO 15) whose verb deploys or sends a thing that is no force: not armed or
        police forces, their craft or their weapons ("deploy AI for agencies", "deploy a new strategy")."""
        if not r.code.startswith(_MOBILIZE_ROOT) or r.frame not in (None, "carry") or r.act.pos_ not in ("VERB", "AUX"):
            return False  # "prepared to resume shelling the territory": a frame's act has its own object
        objects = list(grammar.children(r.act, grammar.OBJECT_DEPS))
        return bool(objects) and not any(
            o.like_num or o.ent_type_ in ("CARDINAL", "QUANTITY", "GPE", "NORP", "ORG", "PERSON")
            or grammar.lemma_in(o, _FORCE_NOUNS) or grammar.lemma_in(o, _MUNITIONS)
            or sector_code([o.text]) in _FORCE_SECTORS for o in objects)

    def _fires_someone(self, r: Reading) -> bool:
        """ "fired the finance minister": to fire a person, not at one, nor a weapon, is to dismiss them."""
        if r.act.pos_ != "VERB" or r.act.lemma_.lower() != "fire":
            return False
        objects = list(grammar.children(r.act, grammar.OBJECT_DEPS))
        return bool(objects) and not any(grammar.lemma_in(o, _MUNITIONS) for o in objects) \
            and all(self.resolver.resolve(o) or o.ent_type_ == "PERSON" for o in objects)

    def _own_forces(self, phrase, sources: list[Actor]) -> bool:
        """Forces of no other country than the doers' ("troops", "its soldiers", "Kenyan troops" moved by Kenya)."""
        found = self.resolver.resolve(phrase)
        own = {a.country for a in sources}
        return bool(found) and all((a.code or "")[-3:] == "MIL" and (a.country is None or a.country in own)
                                   for a in found)

    def _party_of_told_act(self, r: Reading, sources: list[Actor]) -> list[Actor]:
        """The other party of an act told before that the act refers back to by a definite noun naming
        no actor ("Washington and the Taliban held talks ... Trump scuttled the talks": the Taliban;
        "an investigation against Assange ... the investigation was shelved": Assange). The referent is
        the latest told act with that noun; its parties, other than the doer's own side, are the target:
        for a reaction to it (criticising, rejecting), its doers; for ending or pursuing it, its recipients;
        for an act done with each other ("the talks"), both."""
        own = {a.country for a in sources if a.country}
        # criticising or rejecting an act is aimed at its doers; ending or pursuing it, at its recipients
        reaction = r.code[:2] in _REACTION_ROOTS - {"08"} or r.frame == "deny"
        for noun in self._referring_nouns(r, own):
            found = self._told_parties(noun, sources, reaction)
            if found:
                return found
        return []

    def _told_parties(self, noun, sources: list[Actor], reaction: bool) -> list[Actor]:
        """The parties of the latest told act a referring noun names: one whose own words hold the noun
        ("held talks ... scuttled the talks"), or one of the kind of act the noun is ("Japan and South Korea
        agreed to restore ties ... Washington welcomed the agreement"); for an act done with each other,
        all its parties but the doer's own side."""
        own = {a.country for a in sources if a.country}
        lemma = noun.lemma_.lower()
        pat = self.trigger(noun) if noun.pos_ == "NOUN" else None
        kind = _act_kind(pat.code) if pat is not None and pat.code else ""
        for told in reversed(self.told):  # of the readings of one act, the one that names its parties
            if lemma not in told.nouns and not (kind and kind == told.kind):
                continue
            if told.mutual:
                parties = (*told.sources, *told.targets)
            else:
                parties = told.sources if reaction else told.targets
            found: list[Actor] = []
            for a in parties:  # a state, or an international body ("ECOWAS gave the junta a week ... the junta
                # rejected the ultimatum")
                if (a.country and a.country not in own and all(a.country != f.country for f in found)
                        or not a.country and is_placed(a) and all(a.code != f.code for f in found)) \
                        and not any(_self_dyad(a, s, self.entities) for s in sources):
                    found.append(a)
            if found:
                return [self.actors.mark_inferred(replace(a)) for a in (found if told.mutual else found[:1])]
        return []

    def _referring_nouns(self, r: Reading, own: set) -> Iterator:
        """The act's nouns that refer back ("the talks", "these negotiations", "its investigation", "the
        Swedish investigation"): its object or its passive subject, with a referring determiner or a
        possessive pronoun, naming no actor but the doer's own side (countries ``own``)."""
        for tok in grammar.unique([r.act, r.head]):
            nouns = [*grammar.children(tok, grammar.OBJECT_DEPS)]
            if grammar.is_passive(tok):
                nouns += grammar.children(tok, grammar.PASSIVE_SUBJECT_DEPS)
            for noun in nouns:
                if noun.pos_ != "NOUN" or any(a.country not in own for a in self.resolver.resolve(noun)):
                    continue
                if any(c.dep_ == "det" and c.lower_ in _REFERRING_DETS or c.dep_ == "poss" and is_personal_pronoun(c)
                       for c in noun.children):
                    yield noun

    def _author_of(self, thing, sources: list[Actor]) -> list[Actor]:
        """Whose the judged thing is: an actor it names ("Washington's move", "the Israeli strikes"), or,
        for an act told before ("the decision", "it"), the latest other source; none otherwise."""
        found = [a for a in self.resolver.resolve(thing) if is_placed(a)]
        if found:
            return found
        if thing.lemma_.lower() in _REFERENCE_NOUNS or thing.lower_ in ("it", "this", "that"):
            told = self._told_parties(thing, sources, reaction=True) if thing.pos_ == "NOUN" else []
            return told or self._latest_other_source(sources, before=thing.idx)
        return []

    def _latest_other_source(self, sources: list[Actor], before: int | None = None) -> list[Actor]:
        """The latest earlier source with a country that is none of ``sources`` (inferred): the author
        of an act the text refers back to, told before the words that refer to it (``before``: "said the
        claims were baseless and that its forces had not fired" refers to no one named after "the claims")."""
        own = {(a.code, a.country) for a in sources}
        for earlier in reversed(self.recent_sources):
            if before is not None and earlier.start is not None and earlier.start > before:
                continue
            if (earlier.code, earlier.country) in own or not earlier.country \
                    or any(_self_dyad(a, earlier, self.entities) for a in sources):
                continue  # "Ethiopia rejected ...; the Ethiopian government denied the charge": no one faces itself
            return [self.actors.mark_inferred(replace(earlier))]
        return []

    def _referred_act_source(self, r: Reading, sources: list[Actor]) -> list[Actor]:
        """The target of a reaction to an act told before: "the Pentagon rejected these accusations",
        "the US welcomed the decision" react to whoever made them, the latest other source."""
        for tok in grammar.unique([r.act, r.head]):
            objects = list(grammar.children(tok, grammar.OBJECT_DEPS))
            objects += [pobj for _, pobj in grammar.preps(tok, ("to", "over", "about", "at", "against", "on"))]
            for obj in objects:
                if obj.lemma_.lower() not in _REFERENCE_NOUNS:
                    continue
                if not any(c.dep_ == "det" and c.lower_ in _REFERRING_DETS for c in obj.children):
                    continue
                found = self._latest_other_source(sources, before=obj.idx)
                if found:
                    return found
        return []

    def _condition_subject(self, r: Reading) -> list[Actor]:
        """A threat's target is whom its condition is put to: "warned that Washington would take action
        if China did not stop ..." threatens China."""
        for tok in grammar.unique([r.act, r.head, *r.tokens]):
            for clause in tok.subtree:
                if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITION_MARKS
                                                  for m in clause.children):
                    subj = grammar.first_child(clause, grammar.SUBJECT_DEPS)
                    if subj is not None and not is_personal_pronoun(subj):
                        found = self.resolver.resolve(subj)
                        if found:
                            return found
        return []

    def _target_phrases(self, tok, r: Reading) -> Iterator:
        """Phrases that may name the recipient of the act headed by ``tok``, most likely first."""
        if tok.pos_ in ("VERB", "AUX", "ADJ") and grammar.is_passive(tok) and (r.head == tok or tok == r.act):
            ended = self._ended_act(r)
            if ended is not None:  # "the sanctions on Iran were lifted": eased on Iran
                yield from (pobj for _, pobj in grammar.preps(ended, _TARGET_PREPS))
                yield from _opposed(ended)
            else:
                yield from grammar.children(tok, grammar.PASSIVE_SUBJECT_DEPS)
        for rec in grammar.children(tok, grammar.RECIPIENT_DEPS):  # "gave X aid"; "sent aid to X" (dative "to")
            yield from (rec.children if rec.pos_ == "ADP" else (rec,))
        own = {t.i for t in r.tokens}
        phrase = {t.i for t in self._phrase_nouns(r)}  # "took to the streets of X": the streets are the act
        # what parties agree, talk or cooperate "on", "about", "over" is their topic, not a party
        target_preps = tuple(p for p in _TARGET_PREPS if p not in grammar.TOPIC_PREPS) if self._mutual_act(r) else _TARGET_PREPS
        objects = [o for o in grammar.children(tok, grammar.OBJECT_DEPS) if not is_relative_pronoun(o)]
        topic = grammar.lemma_in(tok, _TOPIC_VERBS)
        if topic:
            # "they discussed China's use of the death penalty": what is discussed is no party; the one it
            # is discussed with is, wherever the parse hangs "with" ("discussed the border with Uganda")
            yield from (pobj for o in objects for _, pobj in grammar.preps(o, ("with",)))
            objects = []
        if tok.i == r.act.i and not objects and (antecedent := grammar.relative_object(tok)) is not None:
            objects = [antecedent]  # "the proposal, which Tanzania had praised": the proposal
        for obj in objects:
            if obj.i not in own and self._reacted_to(obj, r):
                yield from self._doers(obj)
                continue
            if obj.i not in own and obj.i not in phrase:
                yield obj
            elif obj.i in phrase:  # "rejected a US proposal" (the lexicon's "reject proposal"): its author
                yield from (c for c in obj.children if c.dep_ in ("amod", "compound", "poss"))
            for _, pobj in grammar.preps(obj, target_preps + (() if obj.i in phrase else ("of",))):
                yield pobj
            yield from _authors(obj)  # "criticized statements made by X", "X's remarks"
            yield from _opposed(obj)  # "dropped an investigation into allegations made against X"
        if tok.i == r.act.i and tok.pos_ == "NOUN":
            yield from _opposed(tok)  # "dropped an investigation into allegations against X"
            # "announced a suspension of flights with Venezuela", "a ban on arms sales to Riyadh": what the act
            # is done to names the other party
            for _, done_to in grammar.preps(tok, ("of", "on")):
                yield from (pobj for _, pobj in grammar.preps(done_to, _PARTY_PREPS))
        # an asked-for or governed event noun names its party with "of": "called for a meeting of the Arab League"
        governed = tok.i == r.act.i and r.act.i != r.head.i and tok.pos_ == "NOUN"
        preps = target_preps + (("of",) if governed else ())
        if topic:
            preps = ("with",)  # "discussed the case with Ottawa"; not "discussed the penalty's use on X"
        if tok.pos_ in ("VERB", "AUX") and (objects or any(grammar.children(tok, grammar.PASSIVE_SUBJECT_DEPS))):
            # "praised the film for its portrayal of Taipei", "was criticised for its handling": with the
            # one acted on named, "for" gives the reason, not another recipient
            preps = tuple(p for p in preps if p != "for")
        for prep, pobj in grammar.preps(tok, preps):
            if pobj.i in own or pobj.i in phrase:  # "went on strike", "took to the streets": no recipient
                continue
            if prep.lower_ in _AIMING_PREPS and grammar.lemma_in(pobj, _BEHEST_NOUNS):
                continue  # "arrested the executive at Washington's request": on whose asking, not at whom
            if self._reacted_to(pobj, r):  # "concerned about the detention of X in China"
                yield from self._doers(pobj)
            else:
                yield pobj
                yield from _authors(pobj)  # "pleased with the agreement signed by X", "angry at X's remarks"

    def _mutual_act(self, r: Reading) -> bool:
        """The act, or the act a frame governs, is one done with each other: agreeing, meeting,
        cooperating ("reached an agreement", "failed to reach an agreement", "held talks")."""
        if _is_mutual(r.code):
            return True
        pat = self.trigger(r.act) if r.act.i != r.head.i else None
        return pat is not None and _is_mutual(pat.code)

    def _phrase_nouns(self, r: Reading) -> list:
        """The nouns the act's own lexicon phrase names that name no actor ("took to the streets", "lodged
        a protest"; not "trained forces", "admitted refugees"): part of the act, neither its recipient nor
        another act."""
        if r.head.i not in self._phrase_nouns_at:  # asked for each token and noun a reading looks at
            own = self.trigger(r.head)
            near = [t for c in r.head.children for t in (c, *c.children)] if own is not None and own.needs else []
            self._phrase_nouns_at[r.head.i] = [
                t for t in near if t.pos_ == "NOUN" and any(f in own.needs for f in grammar.word_forms(t))
                and sector_code([t.lemma_]) is None and sector_code([t.text]) is None and self.actors.entity_of(t) is None]
        return self._phrase_nouns_at[r.head.i]

    def _reacted_to(self, noun, r: Reading) -> bool:
        """An event noun naming another act that the reading reacts to: "criticised the detention" is
        aimed at the detainer ("imposed sanctions on X" is the sanction itself, its recipient the target;
        "called for a meeting of X" asks X)."""
        if (r.code or "")[:2] not in _REACTION_ROOTS:  # "called for a meeting of the Arab League": asked of it
            return False
        if any(noun.i == t.i for t in self._phrase_nouns(r)):
            return False  # "lodged a protest with X": the noun is the reading's own phrase ("lodge protest")
        if (r.code or "").startswith("08") and not _authors(noun):
            return False  # "dropped the investigation into X", "lifted the sanctions on X": its own act, eased on X
        pat = self._act_noun(noun)
        return pat is not None and pat.code[:2] != (r.code or "")[:2]

    def _act_noun(self, tok) -> Pattern | None:
        """The lexicon's act for an event noun ("detention", "arrest", "decision"), or None."""
        if tok.pos_ != "NOUN":
            return None
        pat = self.trigger(tok)
        return pat if pat is not None and pat.frame is None and pat.code else None

    def _doers(self, noun) -> Iterator:
        """Who did the act an event noun names: its possessor or "by X" ("China's detention of ...",
        "the arrest by police"); for a coercive or violent act, also the state of the place it happened
        in ("the detention of two Canadians in China"). Its victims ("of two Canadians") are not it;
        a nationality on it is its doer's ("the Ugandan attack", "Israeli strikes")."""
        yield from _authors(noun)
        yield from (c for c in noun.children if c.dep_ in ("amod", "compound") and not is_personal_pronoun(c))
        pat = self._act_noun(noun)
        if pat is not None and pat.code[:2] in _FORCEFUL_ROOTS:
            # the place may hang on the victims in the parse ("the detention of [citizens in China]")
            for tok in noun.subtree:
                if tok.dep_ == "prep" and tok.lower_ in _PLACE_PREPS:
                    for place in tok.children:
                        if place.dep_ == "pobj" and place.ent_type_ == "GPE":
                            yield place

    def _in_headline(self, sent) -> bool:
        """A headline or a title states no event of its own (ARTICLE-EVENTS guidelines): a heading
        paragraph, a teaser for another story ("WATCH: ..."), or a short paragraph that ends without a
        sentence's closing punctuation."""
        for start, end, kind in self.blocks:
            if start <= sent.start_char < end:
                if kind == "heading":
                    return True
                block = self.article.text[start:end].strip() if self.article.text else ""
                if _TEASER.match(block):  # "READ MORE: China slams ...": another story's headline
                    return True
                if bool(block) and len(block.split()) <= _HEADLINE_WORDS and block[-1] not in _SENTENCE_END:
                    return True
                # the page's first line, a title (over its standfirst in one block, or on its own: "Lawmaker
                # urges retaliation on Russia;\nMember of House panel says ..."): a line with no full stop
                text = self.article.text or ""
                first = text.split("\n", 1)[0]
                return start == 0 and sent.start_char < len(first) and 0 < len(first.split()) <= _HEADLINE_WORDS \
                    and first.rstrip()[-1] not in _FULL_STOPS
        return False

    def _placed(self, actors: list[Actor], place: str, sent) -> list[Actor]:
        """Actors named only by their role get the country of the place the sentence gives the act;
        an actor the text does not place gets no country (no guess from the rest of the article). A named
        person is placed so only when the sentence names no other country: people travel, and a leader who
        meets a host "in Beijing" next to a word of their own country is not Chinese."""
        out = []
        alone = self.actors.countries_in(sent) <= {place}
        for actor in actors:
            ent = self.entities.get(actor.entity) if actor.entity else None
            placeable = needs_country(actor, ent.type if ent else None) and (alone or not self._named_person(actor))
            out.append(with_country(actor, place) if placeable else actor)
        return out

    def _placed_by_sentence(self, sources: list[Actor], targets: list[Actor], sent, inferred: set[int],
                            head) -> list[Actor]:
        """An organ of a state with no country ("the vice-president", "police") takes the one country its
        own sentence names besides the other side's (when that is a state, not one of its own groups);
        with none or several, it stays without a country. A named person is placed so only when the
        act's own clause names that country and no other ("President Bouteflika threatened a curfew in
        Algiers"), not by the country left once the other side's is set aside ("Trudeau and Ardern
        discussed the detention of two Canadians in China") nor by one in an adjunct ("scuttled the
        talks, citing Taliban violence"): a person's country is their own, not their topic's.
        The actors placed so are added to ``inferred`` (a lower confidence)."""
        todo = [a for a in sources if a.code in _STATE_SECTORS and not a.country]
        if not todo:
            return sources
        # the other side: a state, or an organ of one ("met the Kenyan ambassador"), except for courts and
        # police, whose acts on officials are their own state's ("a judge opened investigations against
        # Chilean officials"); a domestic group is no other side
        states = {t.country for t in targets if t.country and t.code == t.country}
        organs = {t.country for t in targets if t.country and sectors(t.code, t.country) in _STATE_SECTORS}
        # not a country another act of the sentence was done to ("protesters attacked the French embassy
        # before being dispersed by police": the police are not French)
        every = self.actors.countries_in(sent) - self._sentence_targets
        clause = self._clause_countries(head, sent) if any(self._named_person(a) for a in todo) else every
        out = []
        for actor in sources:
            named = every - states - (set() if actor.code in _DOMESTIC_ORGANS else organs)
            # a person: only when the act's own clause names that one country
            if actor in todo and len(named) == 1 and (clause == named or not self._named_person(actor)):
                actor = with_country(actor, next(iter(named)))
                inferred.add(id(actor))
            out.append(actor)
        return out

    def _alleged(self, r: Reading) -> bool:
        """The act lies inside what an accusation alleges, below the act the accusation itself names
        ("accused Eritrea of shelling the town, killing four civilians": the killing is alleged, not told;
        the lexicon's allege frame already keeps the shelling from being coded as done)."""
        t = r.head
        for _ in range(8):
            head = t.head
            if head == t:
                return False
            if t.dep_ == "pcomp" and head.pos_ == "ADP" and head.head != r.head:
                pat = self.trigger(head.head)
                if pat is not None and pat.frame == "allege":
                    return True
            if t.dep_ in ("ccomp", "parataxis") and grammar.lemma_in(head, grammar.SPEECH_LEMMAS):
                return False
            t = head
        return False

    def _asks_someone_unplaced(self, r: Reading) -> bool:
        """An appeal that names whom it asks, though no country can be told for them ("encouraged European
        nations to bolster defence spending"): it is not put to the other side of the article. What is
        asked for is no addressee ("urged more talks")."""
        if r.head.pos_ not in ("VERB", "AUX"):
            return False
        obj = grammar.first_child(r.head, grammar.OBJECT_DEPS | grammar.RECIPIENT_DEPS)
        if r.code[:2] not in _ASKING:
            # "the army accused the RSF of looting": whom an accusation or a rejection names by name is its
            # target, known or not, never the article's other side
            return obj is not None and (obj.pos_ == "PROPN" or obj.ent_type_ in _NAMED_TYPES)
        return obj is not None and obj.pos_ in ("NOUN", "PROPN") \
            and not any(self.lex.candidates(w) for w in grammar.word_forms(obj))

    def _opposed(self, r: Reading, sources: list[Actor]) -> list[Actor]:
        """What a protest is against, when its doers or the act itself are "anti-" it (PLOVER: "protests
        against the recipient"): "anti-American protesters" protest against the United States,
        "anti-government protests" in Hong Kong against the government of the protesters' country."""
        doc = r.act.doc
        spans = [range(a.start, a.end) for a in sources if a.start is not None and a.end is not None]
        words = [t for t in doc[r.act.sent.start:r.act.sent.end]
                 if stance_prefix(t) == "anti" and (t.head == r.act or any(t.idx in span for span in spans))]
        out: list[Actor] = []
        for word in words:
            country = self.actors.country_at(word) or country_word(word.text)
            if country:
                out.append(Actor(text=word.text, start=word.idx, end=word.idx + len(word.text), code=country,
                                 country=country))
            elif sector_code([word.text]) == "GOV":
                home = next((a.country for a in sources if a.country), None)
                out.append(Actor(text=word.text, start=word.idx, end=word.idx + len(word.text),
                                 code=(home or "") + "GOV", country=home))
        return out

    def _other_side(self, sources: list[Actor], sent, inferred: set[int]) -> list[Actor]:
        """The addressee a verbal act leaves implicit: when the article is about two countries and one of
        them speaks ("Ottawa said it was very concerned", "Beijing expressed strong dissatisfaction"),
        in a sentence that names no third country, its appeal, accusation, rejection or threat is put to
        the other. Marked inferred (a lower confidence)."""
        pair = self.actors.pair
        if not pair or len(sources) != 1 or not sources[0].country:
            return []
        if sectors(sources[0].code, sources[0].country) not in (_STATE_SECTORS - _DOMESTIC_ORGANS) | {""}:
            return []  # police, courts, parties and protesters speak to those at home, not to the other state
        sides = {pair[0].country, pair[1].country}
        if sources[0].country not in sides or not self.actors.countries_in(sent) <= sides:
            return []
        other = pair[1] if sources[0].country == pair[0].country else pair[0]
        actor = replace(other)
        inferred.add(id(actor))
        return [actor]

    def _captors_of(self, r: Reading, targets: list[Actor], sources: list[Actor]) -> list[Actor]:
        """An appeal for the release of people held, or criticism of their detention, is put to whoever
        holds them, as an earlier sentence told ("detained by Chinese authorities" ... "called for the
        Canadians' release"): the captor replaces the captives as the target (inferred)."""
        if not self.captors or r.code[:2] not in _CUSTODY_APPEALS:
            return targets
        phrase = [t for tok in grammar.unique([r.act, r.head]) for t in tok.subtree]
        # "the release of", "the detainees", and the act itself: "the case of two Canadians detained in China"
        if not any(t.lemma_.lower() in _CUSTODY_NOUNS or t.pos_ == "VERB" and t.i != r.act.i
                   and (p := self.trigger(t)) is not None and (p.code or "").startswith(_CUSTODY) for t in phrase):
            return targets
        held = [t for t in targets if not t.country or t.country in self.captors]
        if targets and len(held) < len(targets):
            return targets  # a target that is no captive: the text named whom it is put to
        captives = {t.country for t in targets if t.country} or {c for tok in phrase if (c := self.actors.country_at(tok))}
        captor = next((self.captors[c] for c in captives if c in self.captors), self.captors.get(_ANY_CAPTIVE))
        if captor is None or any((captor.code, captor.country) == (a.code, a.country) for a in sources):
            return targets
        return [self.actors.mark_inferred(replace(captor))]

    def _doer_is_no_actor(self, r: Reading) -> bool:
        """The act's own clause names its doer, and the doer is nobody the resolver knows: a common noun
        with no role ("fans", "customers"), not an event noun ("the protests began") nor a pronoun."""
        if r.frame == "undergo":
            return False
        subj = grammar.first_child(r.head, ("nsubj",))
        return (subj is not None and subj.pos_ in ("NOUN", "PROPN") and not self.resolver.resolve(subj)
                and self._act_noun(subj) is None and self.actors.entity_of(subj) is None)

    def _protesters(self, r: Reading) -> list[Actor]:
        """The unnamed doers of a protest the text places: protesters of the country of its place, or of
        the country the article gave its protesters ("Hong Kong protesters ... the protests began")."""
        country = self.location(r) or self.actors.recall_sector("OPP")
        if not country:
            return []
        return [self.actors.mark_inferred(Actor(text="protesters", code=country + "OPP", country=country))]

    def _is_people(self, actor: Actor) -> bool:
        """A people or some of its members, named by nationality alone ("Canadians", "Chinese travellers",
        "the American"), not a state or anyone with a role."""
        ent = self.entities.get(actor.entity) if actor.entity else None
        return ent is not None and ent.type == "NORP" and bool(actor.country) and actor.code in (actor.country, actor.country + "CVL")

    def _is_state(self, actor: Actor) -> bool:
        """A state ("Russia", named as a country) or one of its organs: an actor whose head noun, the last
        word before "of", is a state sector ("the Syrian regime", "police"; not "supporters of the
        former president")."""
        ent = self.entities.get(actor.entity) if actor.entity else None
        if ent is not None and ent.type == "GPE" and actor.country and actor.code == actor.country:
            return True
        words = _OF.split(actor.text or "", maxsplit=1)[0].split()
        return bool(words) and sector_code([words[-1].lower()]) in _STATE_SECTORS

    def _clause_countries(self, head, sent) -> set[str]:
        """The countries named in the act's own clause, not in its adjuncts ("scuttled the talks, citing
        Taliban violence": none) nor in the rest of the sentence."""
        clause = head
        while clause.pos_ not in ("VERB", "AUX") and clause.head != clause:
            clause = clause.head
        skip: set[int] = set()
        for c in clause.children:
            if c.dep_ in ("advcl", "parataxis", "relcl", "conj", "cc"):
                skip.update(t.i for t in c.subtree)
        tokens = [t for t in clause.subtree if t.i not in skip]
        return {code for t in tokens if (code := self.actors.country_at(t)) is not None}

    def _named_person(self, actor: Actor) -> bool:
        """Whether any member of ``actor`` is a person the text names (not a bare role)."""
        ent = self.entities.get(actor.entity) if actor.entity else None
        return ent is not None and ent.type == "PERSON"

    def location(self, r: Reading) -> str | None:
        """The country of the place the sentence gives for the act: "in Beijing", "in the capital of Chad",
        also through the act's object when the place hangs on it ("blocked streets in Hong Kong") or
        through a subject that is an event rather than an actor ("a bombing near Samarra killed ...")."""
        heads = grammar.unique([r.act, r.head])
        if _asserted_by_aspect(r.act):  # "protests escalated in Santiago": the place is the verb's
            heads.append(r.act.head)
        deps = (*grammar.OBJECT_DEPS, "nsubj")  # and the event that did it: "a bombing near Samarra killed ..."
        objects = [o for t in heads for o in grammar.children(t, deps)
                   if o.pos_ == "NOUN" and sector_code([o.lemma_]) is None and self.actors.entity_of(o) is None]
        objects += [pobj for o in objects for _, pobj in grammar.preps(o, ("of",))]  # "dozens of targets in Gaza"
        # the act's own phrase may name its place: "took to the streets of Santiago"
        # "at" before a state names whom the act is aimed at ("fired rockets at southern Israel"), not where
        places = [pobj for tok in heads + objects for prep, pobj in grammar.preps(tok, _PLACE_PREPS)
                  if not (prep.lower_ in _AIMING_PREPS and self._names_a_state(pobj))]
        for pobj in [*places, *self._phrase_nouns(r)]:
            for place in _place_tokens(pobj):
                ent = self.actors.entity_of(place)
                if ent is not None and ent.type in ("GPE", "LOC", "FAC"):
                    code = ent.country or place_country(ent.name)
                    if code:
                        return code
                elif place.text[:1].isupper():
                    name = " ".join(t.text for t in place.subtree if t.dep_ in ("compound",) or t == place)
                    code = place_country(name) or country_word(place.text)
                    if code:
                        return code
        return None

    def _doers_of_told(self, r: Reading) -> list[Actor]:
        """Who did a violent act told with no doer, when the sentence names it as a told act ("12
        Palestinians were killed in the strikes", "wounded in the attack"): the doers of the latest told
        act of that kind (inferred)."""
        if not grammar.is_passive(r.head):
            return []
        for _, pobj in grammar.preps(r.head, _CAUSE_PREPS):
            if pobj.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in _REFERRING_DETS for c in pobj.children):
                found = self._told_parties(pobj, [], reaction=True)
                if found:
                    return found
        return []

    def _strikes_a_thing(self, r: Reading) -> bool:
        """The act's object is a thing, no actor and nothing fired: "struck dozens of targets", "bombed a
        market", "shelled the town"."""
        obj = grammar.first_child(r.act, grammar.OBJECT_DEPS) if r.act.pos_ in ("VERB", "AUX") else None
        if obj is None or obj.pos_ != "NOUN" or grammar.lemma_in(obj, _MUNITIONS):
            return False
        things = [obj, *(pobj for _, pobj in grammar.preps(obj, ("of",)))]  # "dozens of targets"
        return not any(self.resolver.resolve(t) for t in things) and not grammar.lemma_in(things[-1], _MUNITIONS)

    def _names_a_state(self, phrase) -> bool:
        """The phrase is a state by name ("Israel", "southern Israel"), not a place within one."""
        ent = self.actors.entity_of(phrase)
        return ent is not None and bool(ent.country) and ent.code == ent.country and is_country_name(ent.name)

    def is_history(self, r: Reading, when: str | None) -> bool:
        """An act the text dates years before the article ("seized the territories in the 1967 war",
        "returned the territory in 1997"): background the article recalls, not the news it reports."""
        if self.year is None:
            return False
        years = [int(when[:4])] if when and when[:4].isdigit() and when != self.article_date else []
        heads = grammar.unique([r.act, r.head])
        # a participle clause with no subject of its own shares the act's time, and the parse often hangs
        # the act's date on it ("seized the territories, seen as ..., in the 1967 war")
        heads += [c for h in heads for c in h.children if c.dep_ == "advcl" and c.tag_ in ("VBN", "VBG")
                  and grammar.first_child(c, grammar.SUBJECT_DEPS) is None]
        # "in 1773, when American colonists protested ...": a clause that describes a year happened in it
        years += [int(h.head.text) for h in heads if h.dep_ == "relcl" and re.fullmatch(r"1\d\d\d|20\d\d", h.head.text)]
        for tok in heads:
            for _, pobj in grammar.preps(tok, _HISTORY_PREPS):
                years += [int(t.text) for t in pobj.subtree if t.like_num and _YEAR_TOKEN.fullmatch(t.text)]
        return bool(years) and max(years) <= self.year - HISTORY_YEARS

    def event_date(self, r: Reading) -> str | None:
        clause_heads = {r.head.i, r.act.i}
        sent = r.head.sent
        for ent in self.dates:
            if not sent.start <= ent.start < sent.end:
                continue
            tok = ent.root
            for _ in range(4):
                if tok.i in clause_heads:
                    named = resolve(ent.text, self.ref)
                    if named:
                        return named
                    break
                if tok.pos_ in ("VERB", "AUX") and tok.i not in clause_heads or tok.head == tok:
                    break
                tok = tok.head
        return self.article_date

    def _quote_of(self, offset: int) -> int | None:
        for i, q in enumerate(self.article.quotes):
            if q.start <= offset < q.end:
                return i
        return None

    # ---------------------------------------------------------------- events
    def code_sentence(self, sent) -> list[Event]:
        events: list[Event] = []
        self._sentence_targets = set()
        headline = self._in_headline(sent)
        for r in self.readings(sent):
            info = lookup(r.code)
            if info is None or info.plover is None:
                continue
            sources = [self.actors.as_doer(a) for a in self.sources(r)]
            if not sources and info.code.startswith(_PROTEST_ROOT) and not self._doer_is_no_actor(r) \
                    and (protesters := self._protesters(r)):
                # "the protests in Hong Kong began in June": its protesters; "fans took to the streets of
                # Madrid" names doers who are no protesters
                sources = protesters
            if not sources and r.code[:2] in _VIOLENT_ROOTS:
                sources = self._doers_of_told(r)  # "Israeli aircraft struck Gaza ... 12 were killed in the strikes"
            if (r.standalone or info.code.startswith(_INTENT_ROOT)) and not sources:
                continue  # a lone event noun, or an intent nobody states, asserts nothing
            if r.frame == "threat" and sources and r.act.pos_ == "NOUN" and r.act.i != r.head.i:
                # "warned of an attack by Somali militants": another's act forecast, not threatened
                named = [*_authors(r.act), *(c for c in r.act.children if c.dep_ in ("amod", "compound"))]
                doers = [a for t in named for a in self.resolver.resolve(t) if a.country]
                if doers and not {a.country for a in doers} & {a.country for a in sources if a.country}:
                    continue
            if r.frame == "threat" and sources and (subject := _warning_subject(r.head)) is not None:
                # a threat is what the warner (or its own state) will do; "warned that the economy would
                # shrink", "that voters could be misled" forecast what others will do
                own = {a.country for a in sources if a.country}
                if not any(a.country in own for a in self.resolver.resolve(subject) if a.country):
                    continue
            targets = self.targets(r, sources)
            # "police and soldiers shot ...": no member of the doers' own phrase is their target
            targets = [t for t in targets if not any(_within(t, a) or _within(a, t) for a in sources)]
            if (not sources and not targets) or (r.judged is not None and not (
                    targets and sources and is_political(sources[0], self.entities.get(sources[0].entity or "")))):
                continue  # a judgement of something nobody in the text did, or by no political actor, is an opinion
            if r.code.startswith(_VISITS) and all(self._is_people(a) for a in sources):
                # "Chinese travellers visited Canada": people travel; a visit is a state's or an official's,
                # and one with no visitor named ("the market can be visited") is no one's
                continue
            if _shows_something(r):
                continue  # "researchers demonstrated its growing role", "to demonstrate that the idea works"
            if self._mobilises_no_force(r):
                continue  # "the government has begun to deploy private AI": no show of force
            if self._fights_a_problem(r):
                continue  # "vowed to fight corruption", "Brazil is battling a surge in dengue cases": no force used
            if _in_a_game(r) or self._fires_someone(r):
                continue  # "Kenya beat Uganda 2-1 in the final"; "the president fired the finance minister"
            if r.code[:2] in _VIOLENT_ROOTS and sources and (_in_speech(r) or all(_speaks_only(a) for a in sources)):
                # "the Labour Party attacked the government", "lawmakers fought over the budget": parties,
                # legislators, the press, courts and companies use no armed force (CAMEO 18-20 need it), and
                # an attack "in a speech", "on Twitter" is made with words; such an attack on someone is a
                # verbal one, and a fight with no one named is no event
                if not targets:
                    continue
                info = lookup(_CRITICISE) or info
            if r.code.startswith(_OBSTRUCT) and sources and all(self._is_state(a) for a in sources):
                info = lookup(_BLOCKADE) or info  # a state that blocks roads or access imposes a blockade
            elif r.code == _THREATEN_BLOCKADE and sources and not any(self._is_state(a) for a in sources):
                info = lookup(_THREATEN_PROTEST) or info  # farmers who say they will blockade a city
            place = self.location(r)
            inferred: set[int] = set()
            if place and r.code.startswith(_MEETINGS):
                pass  # "leaders gathered in Brussels for talks": where people meet says nothing of whose they are
            elif place:  # "riot police arrested students in Nairobi": roles placed by the act's own place
                sources, targets = self._placed(sources, place, sent), self._placed(targets, place, sent)
            else:  # "Vice-President Awori declined to resign despite pressure by the Kenya Anti-Corruption ..."
                sources = self._placed_by_sentence(sources, targets, sent, inferred, r.head)
            if not sources and place and r.code.startswith(_CUSTODY):
                # "two Canadians detained in China": only a state arrests, detains or expels, and the one
                # that did is the state where it was done
                sources = [Actor(text="authorities", code=place + "GOV", country=place)]
                inferred.add(id(sources[0]))
            if not sources and place and r.code[:2] in _VIOLENT_ROOTS:
                # "a roadside bombing near Samarra killed a soldier": an attacker the text does not name
                # is an unidentified armed actor of the country where it struck (as ICEWS codes them)
                sources = [Actor(text="unidentified attackers", code=place + "UAF", country=place)]
                inferred.add(id(sources[0]))
            pair = self.actors.pair
            targets = self._captors_of(r, targets, sources)
            self._sentence_targets |= {t.country for t in targets if t.country}
            if not targets and r.code.startswith(_PROTESTS):
                targets = self._opposed(r, sources)  # "anti-American protesters", "anti-government protests"
            if not targets and sources and r.code[:2] in _VERBAL_ROOTS and r.frame != "undergo" and r.judged is None \
                    and not self._asks_someone_unplaced(r):
                targets = self._other_side(sources, sent, inferred)
            if not targets and r.code.startswith(_AIMED_AT_SOMEONE) and r.act.i == r.head.i \
                    and (own := self.trigger(r.head)) is not None and own.code == r.code and self._judges_a_thing(r.act):
                continue  # "does not support forced relocations": an opinion of a thing nobody in the text did
            both_sides = bool(pair) and len(sources) == 2 and sources[0] is pair[0] and sources[1] is pair[1]
            if not targets and place and r.code[:2] in _VIOLENT_ROOTS and self._strikes_a_thing(r) and sources \
                    and all(a.country and a.country != place for a in sources):
                # "Israeli aircraft struck targets in the Gaza Strip", "jets bombed a market in northern Yemen":
                # what is struck there is the country's (as CAMEO and ICEWS code an attack on a place)
                targets = [Actor(text=place, code=place, country=place)]
                inferred.add(id(targets[0]))
            if len(sources) == 1 and not targets and place and sources[0].country and place != sources[0].country \
                    and r.code.startswith(_VISITS):
                targets = [Actor(text=place, code=place, country=place)]  # "arrived in Baghdad": a visit's host
            if not targets and r.code.startswith(_VISITS):
                continue  # "visiting a child-care centre in Quispamsis, Trudeau said": no host, no other country
            if not sources and self._authors_voice(r):
                continue  # "I blame it on the weather": the writer's own act, outside any quote
            when = self.event_date(r)
            quote = self._quote_of(r.head.idx)
            reciprocal = _reciprocal(r)
            if reciprocal and len(sources) >= 2:
                targets = []  # "Johnson and Corbyn attacked each other's policies": each the other's target
            # "Ethiopia and Egypt failed to reach an agreement": each the other's
            mutual = both_sides or reciprocal or self._mutual_act(r)
            mood = "headline" if headline else grammar.mood(r.head, plain=r.frame in _PLAIN_FRAMES,
                                                            judgement=r.judged is not None)
            if mood is None and self._alleged(r):
                mood = "alleged"  # "accused Eritrea of shelling the town, killing four": what is alleged
            if mood is None and _generic_present(r, info.quad_class, quote is not None
                                                 and self.article.quotes[quote].kind == "direct"):
                mood = "habitual"  # "the agency investigates reports of fraud": what it does, not what it did
            # "the protests escalated", "fighting broke out": an aspect verb asserts its subject event
            asserted_noun = _asserted_by_aspect(r.act)
            act = ActEvidence(mood=mood, frame=r.frame, standalone=r.standalone and not asserted_noun,
                              noun=r.act.pos_ in ("NOUN", "PROPN"), finite=grammar.is_finite(r.head),
                              history=self.is_history(r, when),
                              infinitive=r.act.pos_ in ("VERB", "AUX") and any(c.dep_ == "xcomp" for c in r.act.children))
            for src, tgt in _dyads(sources, targets, mutual, self.entities):
                start, end = _extent(r, src, tgt, sent)
                score = confidence(act, src, self.entities.get(src.entity) if src else None,
                                   tgt, self.entities.get(tgt.entity) if tgt else None,
                                   plover=info.plover, protest=info.code.startswith(_PROTESTS),
                                   inferred=src is not None and (self._carried(src) or id(src) in inferred
                                                                 or self.actors.is_inferred(src)),
                                   target_inferred=self.actors.is_inferred(tgt) or id(tgt) in inferred)
                if info.code.startswith(_CUSTODY) and src is not None and src.country and tgt is not None \
                        and tgt.country and tgt.country != src.country and score >= 0.5:
                    self.captors[tgt.country] = self.captors[_ANY_CAPTIVE] = src  # who holds whom
                events.append(Event(
                    start=start, end=end, text=self.article.text[start:end] if self.article.text else sent.doc.text[start:end],
                    source=src, target=tgt, cameo=info.code, plover=info.plover, quad_class=info.quad_class,
                    goldstein=info.goldstein, date=when, location=place, negated=r.negated, quote=quote,
                    confidence=score,
                ))
            if sources and sources[0].code:
                self._remember(sources[0])
                # the sources of the latest act that had several, while no single one came after them
                self.last_members = tuple(sources) if len(sources) > 1 else ()
                self.recent_sources.append(sources[0])
            if sources:
                # "held talks": "talk"; and the act's own verb, which its noun names ("struck ... the strikes")
                nouns = frozenset(t.lemma_.lower() for t in grammar.unique([r.act, r.head, *r.tokens, *self._phrase_nouns(r)])
                                  if t.pos_ == "NOUN" or t.i == r.act.i and t.pos_ == "VERB")
                self.told.append(_ToldAct(nouns, tuple(sources), tuple(targets), mutual, _act_kind(info.code)))
        return events


def _modality(tok, code: str | None, negated: bool) -> tuple[str | None, bool, object | None]:
    """(code, negated, speaker) of an act under its modal: "will X" is an intent, "won't X" a refusal,
    and "X must ..." reported by a speaker that speaker's demand."""
    mods = grammar.modals(tok)
    if mods & grammar.INTENT_MODALS and not grammar.is_perfect(tok):
        if negated:
            return compose.refuse(code), False, None
        if _conditional(tok):
            return compose.threat(code), False, None
        # "will conduct a review": a plan with no coded act states no intent to cooperate with anyone
        return (compose.intent(code) if code is not None else None), False, None
    if mods & grammar.DEMAND_MODALS:
        speaker = grammar.demand_speaker(tok)
        if speaker is not None:
            return compose.demand(code), False, speaker
        if grammar.exhorts_self(tok) and grammar.speech_governor(tok) is not None:
            # "we must withdraw", the minister said: the speaker's own intent, no demand on anyone
            return (compose.intent(code) if code is not None else None), False, None
    return code, negated, None


def _generic_present(r: Reading, quad_class: int | None, quoted: bool) -> bool:
    """A material act (aid, cooperation, coercion, force: quad classes 2 and 4) told in the simple present
    outside a direct quote describes what the doer does as a rule ("the agency investigates reports of fraud",
    "police arrest drug dealers"); a verbal act in the present is made by saying it ("China opposes the
    move"), and news tells what happened in the past or the perfect."""
    head = r.head
    return (quad_class in (2, 4) or (r.code or "").startswith("09")) and not quoted and r.frame is None \
        and head.pos_ in ("VERB", "AUX") and head.tag_ in ("VBZ", "VBP") and not grammar.modals(head) \
        and not any(c.dep_ in ("aux", "auxpass") for c in head.children)


def _agreed_together(verb) -> bool:
    """A verb of agreeing whose subjects are joined ("Putin and Erdogan agreed to ...") or that names a
    partner ("agreed with Ankara to ..."): an agreement between them."""
    if not grammar.lemma_in(verb, _ACCORD_VERBS):
        return False
    subject = grammar.first_child(verb, grammar.SUBJECT_DEPS)
    together = subject is not None and (bool(subject.conjuncts) or subject.lower_ in _PLURAL_PRONOUNS)
    return together or any(grammar.preps(verb, ("with",)))


def _act_kind(code: str | None) -> str:
    """The kind of act a code is, for a noun that refers back to one: an agreement (an intent to
    cooperate, 03, or a signed accord, 057), else its PLOVER category."""
    if not code:
        return ""
    if code[:2] == "03" or code.startswith("057"):
        return "agreement"
    info = lookup(code)
    return info.plover if info is not None and info.plover else ""


def _warning_subject(verb):
    """The subject of a warning's reported clause when it is named by a noun ("warned that voters could
    be misled", "that the Chinese government will not sit on its hands"); None for a pronoun or a
    possessed noun ("that it would close the strait", "that its forces would respond")."""
    for clause in verb.children:
        if clause.dep_ != "ccomp":
            continue
        subj = grammar.first_child(clause, ("nsubj", "nsubjpass"))
        if subj is None or subj.pos_ == "PRON" or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subj.children):
            return None
        return subj
    return None


def _within(inner: Actor, outer: Actor) -> bool:
    """Whether ``inner``'s words are part of ``outer``'s phrase."""
    return (inner.start is not None and outer.start is not None and outer.end is not None
            and outer.start <= inner.start and (inner.end or inner.start) <= outer.end)


def _disapproving(tok) -> bool:
    """A word of negative judgement, or a noun one qualifies ("an extremely adverse development", "a
    measure contradicting international law")."""
    return tok.lemma_.lower() in _DISAPPROVAL or (tok.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ in ("amod", "acl") and c.lemma_.lower() in _DISAPPROVAL for c in tok.children))


def _judged(verb) -> Iterator[tuple[object, object]]:
    """(the thing judged, the judging word) of a verb of saying or judging: "called it a mistake",
    "described the sanctions as interference", "said the strikes were unacceptable", "considers the
    activity illegal"."""
    obj = grammar.first_child(verb, grammar.OBJECT_DEPS)
    if obj is not None:
        for c in verb.children:
            if c.dep_ in ("oprd", "xcomp", "ccomp") and _disapproving(c):
                yield obj, c
        # "described the sanctions as interference": "as" on the verb, or, as parsed as often, on its object
        for _, pobj in [*grammar.preps(verb, ("as",)), *grammar.preps(obj, ("as",))]:
            if _disapproving(pobj):
                yield obj, pobj
    # the reported clause, or the content of a stance the verb states ("reiterated its position that
    # the checkpoints are illegal")
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    clauses += [c for o in grammar.children(verb, grammar.OBJECT_DEPS) if o.lemma_.lower() in _STANCE_NOUNS
                for c in o.children if c.dep_ in ("acl", "ccomp") and grammar.first_child(c, ("mark",)) is not None]
    for clause in clauses:
        subj = grammar.first_child(clause, ("nsubj", "nsubjpass"))
        if subj is None:
            continue
        if _disapproving(clause):  # "considers [the activity illegal]"
            yield subj, clause
        for c in clause.children:
            if c.dep_ in ("acomp", "attr", "oprd") and _disapproving(c):
                yield subj, c


def _latest_past_year(dates) -> int | None:
    """The latest year named by a date the text puts in the past ("was re-opened in 2019", "in 2016 it
    had signed"): a lower bound for an undated article's own year. Years of future or planned acts ("by
    2030") do not count."""
    years = []
    for ent in dates:
        tok = ent.root
        for _ in range(4):
            if tok.pos_ in ("VERB", "AUX") or tok.head == tok:
                break
            tok = tok.head
        if tok.tag_ in ("VBD", "VBN") and not grammar.modals(tok):
            years += [int(m) for m in _YEAR_TOKEN.findall(ent.text)]
    return max(years) if years else None


def _place_tokens(pobj) -> list:
    """The place noun and the places it is "of" or "near": "the capital city of Algiers"."""
    out = [pobj]
    for _, inner in grammar.preps(pobj, ("of", "in", "near")):
        out.append(inner)
    return out


def _in_a_game(r: Reading) -> bool:
    """A violent act done in a game: "in the final", "during the match", or with a score on the verb
    ("beat Uganda 2-1"; not a count of its victims, "killed 3-4 people")."""
    if (r.code or "")[:2] not in _VIOLENT_ROOTS:
        return False
    return (r.act.pos_ in ("VERB", "AUX") and any(_is_score(c) for c in r.act.children)) or any(grammar.lemma_in(pobj, _SPORTS) for _, pobj in grammar.preps(r.act, ("in", "at", "during")))


def _is_score(tok) -> bool:
    """ "2-1", "3–0": a number, a dash or colon and a number (one token or the three the tokenizer makes)."""
    doc = tok.doc
    return bool(_SCORE.match(tok.text)) or (tok.like_num and tok.i + 2 < len(doc)
                                            and doc[tok.i + 1].text in ("-", "\u2013", ":") and doc[tok.i + 2].like_num)


def _in_speech(r: Reading) -> bool:
    """The act itself is done "in a speech", "in an interview", "on Twitter": a verbal one ("said in a
    statement they attacked ..." tells of the saying, not of the attack)."""
    return any(pobj.lemma_.lower() in _SPEECH_SETTINGS or pobj.lower_ in _SPEECH_SETTINGS
               for _, pobj in grammar.preps(r.act, ("in", "on", "during", "at")))


def _speaks_only(actor: Actor) -> bool:
    """An actor whose sector uses words, not armed force: a party, a legislature, the press, a court...,
    or a non-governmental organisation the tables name ("NGOHRIAMN", Amnesty International)."""
    role = sectors(actor.code, actor.country)
    return bool(role) and role[:3] in _UNARMED_SECTORS or ((actor.code or "").startswith("NGO") and len(actor.code) > 3)


def _asserted_by_aspect(act) -> bool:
    """ "the protests escalated", "fighting broke out": an aspect verb asserts the event its subject names."""
    return act.dep_ in ("nsubj", "nsubjpass") and grammar.lemma_in(act.head, _ASPECT_VERBS)


def _shows_something(r: Reading) -> bool:
    """A verb of protest that shows its object or its clause: "demonstrated its role", "demonstrate that
    an idea works" (one who demonstrates with nothing shown protests: "thousands demonstrated in Nairobi")."""
    return r.act.pos_ in ("VERB", "AUX") and grammar.lemma_in(r.act, _SHOW_VERBS) and any(
        c.dep_ in ("dobj", "ccomp", "xcomp") for c in r.act.children)


def _asks_anonymity(verb) -> bool:
    """ "asked not to be identified", "requested not to be named": a source's request to the reporter."""
    return any(c.dep_ in ("xcomp", "ccomp") and grammar.lemma_in(c, _ANONYMITY_VERBS) and grammar.is_passive(c)
               and grammar.is_negated(c) for c in verb.children)


def _own(phrase) -> bool:
    """ "its troops", "their forces": the actor's own people, not a recipient."""
    return any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our") for c in phrase.children)


def _opposed(noun) -> Iterator:
    """Whom "against" names deeper in a noun's phrase: "an investigation into an allegation made against
    X", "the charges brought against X" (the preposition marks the other side). Not inside a clause of
    its own ("two men who had protested against X": their act, not the noun's)."""
    def walk(tok):
        for child in tok.children:
            if child.dep_ in ("relcl", "ccomp", "advcl") or grammar.first_child(child, grammar.SUBJECT_DEPS):
                continue
            if child.dep_ == "prep" and child.lower_ == "against" and tok != noun:
                yield from (c for c in child.children if c.dep_ == "pobj")
            yield from walk(child)
    yield from walk(noun)


def _authors(noun) -> list:
    """Who a thing belongs to or was made by: "X's statement", "remarks by X", "statements made by X"."""
    out = [c for c in noun.children if c.dep_ == "poss"]
    by = grammar.agent_of(noun)
    if by is not None:
        out.append(by)
    for c in noun.children:
        if c.dep_ == "acl" and (agent := grammar.agent_of(c)) is not None:
            out.append(agent)
    return out


def _conditional(tok) -> bool:
    """ "... unless ...": the act is held over the other side as a condition."""
    return any(c.dep_ == "advcl" and any(m.lower_ == "unless" for m in c.children if m.dep_ == "mark")
               for c in tok.children)


def _looks_english(doc) -> bool:
    """Language detection errs on short texts: English function words decide ("the", "of", "has")."""
    words = [t for t in doc if t.is_alpha]
    return bool(words) and sum(t.is_stop for t in words) / len(words) >= 0.25


def _dual(frame: str, embedded: Reading | None) -> str:
    """Frames whose meaning depends on what they govern: a clause or an event noun."""
    clause = embedded is not None and embedded.act.pos_ in ("VERB", "AUX")
    if frame == "seek":
        return "carry" if clause else "appeal"
    if frame == "order":
        return "demand" if clause else "carry"
    return frame


def _clauses(tok) -> list:
    """The clauses a frame word governs: complements, and verbs after a preposition ("committed to opening")."""
    out = []
    noun = tok.pos_ in ("NOUN", "PROPN")
    for c in tok.children:
        if c.dep_ in grammar.EMBEDDED_DEPS or (noun and c.dep_ == "acl" and c.pos_ in ("VERB", "AUX")):
            out.append(c)  # "demanded that X ...", "its demand that X ..."
        elif c.dep_ == "prep" and not grammar.lemma_in(c, _ADJUNCT_PREPS):
            # not a clause with a subject of its own: "resumed talks, with Tehran insisting that ..." is an
            # aside on the talks, not what was resumed
            out.extend(g for g in c.children if g.dep_ in ("pcomp", "pobj") and g.pos_ in ("VERB", "AUX")
                       and grammar.first_child(g, grammar.SUBJECT_DEPS) is None)
    out.extend(grammar.for_to_clauses(tok))  # "called for the African Union to mediate"
    if noun and not out and tok.dep_ in grammar.OBJECT_DEPS:
        # "reiterated its demand today that Israel ease ...": a that-clause after the object noun is the
        # noun's content, though the parser hangs it on the verb
        out.extend(c for c in tok.head.children if c.dep_ == "ccomp" and c.i > tok.i
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children))
    return out


def _to_infinitive(tok) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)



def _same(a: Actor, b: Actor) -> bool:
    """The same actor: the same entity, or the same phrase coded the same way."""
    if a.entity is not None and a.entity == b.entity:
        return True
    return a.start is not None and (a.start, a.code, a.country) == (b.start, b.code, b.country)


def _dyads(sources: list[Actor], targets: list[Actor], mutual: bool,
           entities: dict) -> list[tuple[Actor | None, Actor | None]]:
    """One event per source and target. Several sources of a mutual act with no other recipient
    ("X and Y held talks", "both sides agreed") face each other, in both directions. An actor never
    faces itself (see :func:`_self_dyad`)."""
    if mutual and len(sources) >= 2:
        # "Trudeau and Ardern discussed the detentions": what they discussed is no party to it
        targets = [t for t in targets if is_political(t, entities.get(t.entity) if t.entity else None)]
    if mutual and len(sources) >= 2 and not targets:
        facing = [(a, b) for a in sources for b in sources if a is not b and not _self_dyad(a, b, entities)]
        if facing:
            return facing[:_MAX_EVENTS_PER_TRIGGER]
    out: list[tuple[Actor | None, Actor | None]] = []
    for src in sources or [None]:
        for tgt in targets or [None]:
            if src is not None and tgt is not None and _self_dyad(src, tgt, entities):
                continue
            out.append((src, tgt))
    if out:
        return out[:_MAX_EVENTS_PER_TRIGGER]
    return [(sources[0], None)] if sources else []


def _self_dyad(a: Actor, b: Actor, entities: dict) -> bool:
    """The same actor on both sides: the same entity or phrase, or the same code where one side is no
    named person or organisation of its own ("China ... China", "the president ... the foreign minister",
    both USAGOV), or a state and one of its own ("he" as USAGOV warning "U.S. sanctions"). Two named
    people of one country and role may face each other ("Johnson and Corbyn"), and so may two parts of
    one country ("the Afghan government freed Taliban prisoners")."""
    if _same(a, b):
        return True
    if a.country and a.country == b.country and a.country in (a.code, b.code):
        return True
    if not a.code or a.code != b.code:
        return False
    named = [entities.get(x.entity) for x in (a, b)]
    return not all(e is not None and e.type in ("PERSON", "ORG") for e in named) or named[0] is named[1]


def _extent(r: Reading, src: Actor | None, tgt: Actor | None, sent) -> tuple[int, int]:
    starts = [t.idx for t in r.tokens] + [r.head.idx]
    ends = [t.idx + len(t.text) for t in r.tokens]
    for actor in (src, tgt):
        if actor is not None and actor.start is not None and sent.start_char <= actor.start < sent.end_char:
            starts.append(actor.start)
            ends.append(actor.end or actor.start)
    return max(min(starts), sent.start_char), min(max(ends), sent.end_char)


def code_events(doc, article: Article) -> list[Event]:
    """Events of the article, sentence by sentence; the main event of a sentence first.

    The lexicon is English: an article in another language gets no events rather than wrong ones."""
    if article.language and not article.language.lower().startswith("en") and not _looks_english(doc):
        return []
    coder = SentenceCoder(article, lexicon(), doc)
    events: list[Event] = []
    for sent in doc.sents:
        try:
            events.extend(_one_per_dyad(coder.code_sentence(sent)))
        except (IndexError, KeyError, ValueError, RecursionError) as exc:  # an unusual parse: keep the rest
            article.warnings.append(f"events: sentence at {sent.start_char} not coded ({type(exc).__name__}: {exc})")
    for event in events:
        event.id = event_id(article.id, event)
    return events


def _reciprocal(r: Reading) -> bool:
    """ "each other", "one another" as the act's object or its object's possessor; or a verb of exchange
    whose act it is ("exchanged fire", "traded accusations")."""
    verbs = [r.head, *((r.head.head,) if r.head.dep_ in grammar.OBJECT_DEPS else ())]
    if any(v.pos_ in ("VERB", "AUX") and grammar.lemma_in(v, _RECIPROCAL_VERBS) for v in verbs):
        return True
    for tok in grammar.unique([r.act, r.head]):
        for obj in [*grammar.children(tok, grammar.OBJECT_DEPS), *(p for _, p in grammar.preps(tok, _TARGET_PREPS))]:
            for t in (obj, *obj.children):
                if t.lower_ == "other" and any(c.lower_ == "each" for c in t.children) or \
                        t.lower_ == "another" and any(c.lower_ == "one" for c in t.children):
                    return True
                if t.lower_ in ("each", "one") and t.head.lower_ in ("other", "another"):
                    return True
    return False


def _blocks(article: Article) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the article's paragraphs; for text given as it is (no paragraphs), its
    blank-line separated blocks."""
    if article.paragraphs:
        return [(p.start, p.end, p.kind) for p in article.paragraphs]
    out, start = [], 0
    for part in article.text.split("\n\n"):
        out.append((start, start + len(part), "body"))
        start += len(part) + 2
    return out


def _side_key(actor: Actor | None) -> tuple:
    """Who a side is, for one event per dyad: its code when that names a country (the guidelines code
    actors, so "Turkish President Recep Tayyip Erdogan", read as two phrases, is one TURGOV), else the
    phrase itself ("protesters", "the FBI")."""
    if actor is None:
        return (None,)
    return (actor.code,) if actor.country and actor.code else (actor.entity, actor.code, actor.country, actor.text)


def _one_per_dyad(events: list[Event]) -> list[Event]:
    """One event per (sentence, source, category, target): the most confident reading of each, in
    sentence order (ARTICLE-EVENTS guidelines); none with no target where the same source has one of
    that category with a target."""
    # "Germany's chancellor met Macron in Paris to discuss prices": the act with no recipient found is
    # the same act as the one of that doer and category whose recipient was found
    # (as surely: a doubtful reading with a recipient does not replace a sure one without)
    aimed: dict[tuple, float] = {}
    for e in events:
        if e.target is not None and e.source is not None:
            key = (_side_key(e.source), e.plover)
            aimed[key] = max(aimed.get(key, 0.0), e.confidence or 0.0)
    events = [e for e in events if e.target is not None
              or aimed.get((_side_key(e.source), e.plover), -1.0) < (e.confidence or 0.0)]
    # "detained two Canadians, Michael Spavor, a businessman, and ...": a member the text gives no country
    # is one of the placed target, not another recipient
    placed = {(_side_key(e.source), e.plover) for e in events if e.target is not None and e.target.country}
    events = [e for e in events if e.target is None or e.target.country or (e.target.code or "").startswith(INTERNATIONAL)
              or (_side_key(e.source), e.plover) not in placed]
    best: dict[tuple, Event] = {}
    for e in events:
        key = (_side_key(e.source), e.plover, _side_key(e.target))
        if key not in best or (e.confidence or 0) > (best[key].confidence or 0):
            best[key] = e
    keep = {id(e) for e in best.values()}
    return [e for e in events if id(e) in keep]


def event_id(article_id: str, e: Event) -> str:
    """Stable: the same article, span, code and actors give the same id on every run."""
    parts = [article_id, str(e.start), str(e.end), e.cameo or "",
             *((a.code or "", a.text or "") if a else ("", "") for a in (e.source, e.target))]
    flat = "|".join(p if isinstance(p, str) else "/".join(p) for p in parts)
    return hashlib.sha1(flat.encode("utf-8")).hexdigest()[:16]


def _mark_reacted_to(readings: list[Reading]) -> None:
    """An act named as the object of a reaction to it ("welcomed the Swedish move to drop the case",
    "approved an extradition request from the US") is referred to, not told: the sentence asserts the
    reaction, and the act counts as a lone event noun (its own sentence, if any, tells it)."""
    reactions = [r for r in readings if r.code and r.code[:2] in _REACTION_ROOTS | _ACCEPTING_ROOTS]
    for reaction in reactions:
        objects = {o.i for tok in grammar.unique([reaction.act, reaction.head])
                   for o in grammar.children(tok, grammar.OBJECT_DEPS)}
        for r in readings:
            if r is not reaction and r.head.i in objects and r.head.pos_ in ("NOUN", "PROPN"):
                r.standalone = True
