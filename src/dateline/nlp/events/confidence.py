"""How sure the coder is of an event: a number from 0 to 1 built from its evidence.

``confidence = act × source × target``, each factor read off one kind of evidence, so that an event is
only as trustworthy as its weakest part:

- the act: asserted by a verb or a frame (1.0); a stated intent, "will" (0.85); an event noun a verb
  asserts, "held talks" (0.9); an event noun standing alone, "Palestinian criticism", "US sanctions on
  Iran" (0.45: a noun names an event without saying it happened); an act the sentence does not assert,
  under "if", "might", a wish, in a question or in a headline (0.2).
- the source (ARTICLE-EVENTS: "the source must be a political actor"): a state, an intergovernmental or
  non-governmental organisation, an actor with a political role, or anyone who protests (the act makes
  them protesters): 1.0, or 0.95 from a country word on a role ("Israeli soldiers"); a political role
  with no country, "the minister" (0.7); a pronoun carried from an earlier sentence, or a role placed
  by inference (0.75); no source at all, a passive with no "by" (0.6 when the target is political and
  placed: a country, an IGO or NGO, or, for a coercion or a sanction, anyone of a named country, "the
  Australian was evicted"; and the act's clause has a tense; 0.3 for a gerund or a
  participle); a national with no political role, "American Kevin King" (0.45);
  anyone else, a company, a school, a person with no role, acting on a political target ("acting
  politically", 0.5) or not (0.2).
- the target: none (1.0 for the acts that need no one on the other side: a protest, a mobilisation, an
  assault on no one named, and a commitment, refusal, threat or denial about the doer's own conduct,
  "agreed to reopen the border", "refused to resign"; 0.5 for every other act, done with, to or at
  someone by its nature, an accusation, a demand, a meeting, aid (the PLOVER manual requires a
  recipient for COOPERATE, AID and SANCTION): with no one found on the other side, either the target is
  there and the coder did not resolve it, so the dyad is wrong, or the verb is not used as that act),
  or a political actor (1.0); an actor with a country or a role (0.9), but 0.45 for an appeal
  to civilians ("urged voters to", "urged its citizens to reconsider travel": an appeal to no one who
  acts politically); anything else the parse offered (0.75); times 0.85 when the target is inferred
  (the author of an act told before, reacted to as "these accusations", "the decision").
- history: an act the text dates five years or more before the article ("seized the territories in the
  1967 war") is background the article recalls, not news it reports: the act factor times 0.45.

The default output keeps events at or above ``settings.event_min_confidence`` (see config.py);
``--all-events`` keeps them all, each with its score.
"""

from __future__ import annotations

from dataclasses import dataclass

from ... import lang
from ...model import Actor, Entity
from ..actors import INTERNATIONAL, alias_country, is_country_name

POLITICAL_SECTORS = lang.words("event_political_sectors", lower=False)

ASSERTED, INTENT, LIGHT_NOUN, LONE_NOUN, UNASSERTED = 1.0, 0.85, 0.9, 0.45, 0.2
# frames (lexicon.FRAMES) whose act is the doer's own future or past conduct: "agreed to", "threatened to",
# "refused to", "sought to", "prepared to", "denied"
_OWN_CONDUCT_FRAMES = frozenset({"intent", "threat", "refuse", "seek", "prepare", "deny"})
HISTORY = 0.45
INFERRED_TARGET = 0.85


@dataclass(frozen=True)
class ActEvidence:
    """How the sentence gives the act."""

    mood: str | None  # grammar.mood(): None when asserted
    frame: str | None
    standalone: bool  # an event noun on its own
    noun: bool  # the act is a noun
    finite: bool = True  # the act's clause has a tense (grammar.is_finite)
    history: bool = False  # dated years before the article (Coder.is_history)
    infinitive: bool = False  # the act's verb takes a to-infinitive of its doer's own: "declined to resign"

    @property
    def own_conduct(self) -> bool:
        """A commitment, refusal, threat or denial about the doer's own conduct ("agreed to reopen the
        border", "vowed to fight on", "refused to resign"): an act that needs no one on the other side."""
        return self.infinitive or self.frame in _OWN_CONDUCT_FRAMES

    def factor(self) -> float:
        if self.mood is not None:
            return UNASSERTED
        if self.standalone:
            base = LONE_NOUN
        elif self.frame == "intent":
            base = INTENT
        elif self.noun:
            base = LIGHT_NOUN
        else:
            base = ASSERTED
        return base * HISTORY if self.history else base


def sectors(code: str | None, country: str | None) -> str:
    """The role part of an actor code: "USAGOV" -> "GOV", "IGOUNO" -> "IGO", "CHN" -> ""."""
    if not code:
        return ""
    if code.startswith(INTERNATIONAL):
        return code[:3]
    if country and code.startswith(country):
        return code[len(country):]
    return code


def is_placed(actor: Actor | None) -> bool:
    """An actor the text places: one with a country, or a named international organisation ("IGOUNO",
    "NGOHRI"; a bare "NGO" from "the foundation" or "the association" is no one in particular)."""
    if actor is None:
        return False
    code = actor.code or ""
    return bool(actor.country or (code.startswith(INTERNATIONAL) and len(code) > 3))


def is_political(actor: Actor | None, entity: Entity | None) -> bool:
    """A state, an IGO/NGO, or an actor whose role is political (its code's sector)."""
    if actor is None:
        return False
    role = sectors(actor.code, actor.country)
    if any(role[i:i + 3] in POLITICAL_SECTORS for i in range(0, len(role), 3)):
        return True
    if actor.country and not role:
        # a bare country code: the state itself, unless it is a person's nationality or the home of a
        # named body of no known role ("Kenya Airways", "Illinois-based Pinstripes"); a country the
        # model labelled as an organisation is still the state
        if entity is None:
            return True
        if entity.type == "PERSON":
            return False
        return entity.type != "ORG" or is_country_name(entity.name) or alias_country(entity.name) is not None
    return False


def source_factor(actor: Actor | None, entity: Entity | None, *, inferred: bool, target_political: bool,
                  protest: bool = False, finite: bool = True) -> float:
    if actor is None:
        # only a clause with a tense asserts an act whose doer it leaves out ("X was evicted"); a gerund
        # or a participle with no doer names a kind of act ("vital to preventing trafficking")
        return (0.6 if finite else 0.3) if target_political else 0.2
    if is_political(actor, entity) or (protest and (actor.country or actor.code)):
        # people who demonstrate, strike or boycott are protesters: the act makes them political
        if inferred:
            return 0.75
        if actor.country:
            return 1.0 if entity is not None else 0.95
        if len(actor.code or "") > 3 and actor.code.startswith(INTERNATIONAL):
            return 1.0  # a named international organisation: no country to give
        return 0.7
    if actor.country and entity is not None and entity.type == "PERSON":
        return 0.45
    return 0.5 if target_political else 0.2


# acts that need no one on the other side (PLOVER: a protest, a mobilisation, an attack with no victim named)
_UNDIRECTED = frozenset({"PROTEST", "MOBILIZE", "ASSAULT"})
_STATE_ACTS = frozenset({"COERCE", "SANCTION"})
_PUBLIC = frozenset({"CVL"})  # civilians: "voters", "citizens", "Chinese citizens"
PUBLIC_APPEAL = 0.45
UNADDRESSED = 0.5  # a directed act with no one found on the other side ("the council met", "X accused")


def target_factor(actor: Actor | None, entity: Entity | None, plover: str | None = None,
                  own_conduct: bool = False) -> float:
    if actor is None:
        return 1.0 if plover in _UNDIRECTED or own_conduct else UNADDRESSED
    if is_political(actor, entity):
        return 1.0
    if plover == "REQUEST" and sectors(actor.code, actor.country) in _PUBLIC:
        return PUBLIC_APPEAL  # "urged voters to ...", "urged its citizens to reconsider travel": no one's act
    if actor.country or actor.code:
        return 0.9
    return 0.75


def confidence(act: ActEvidence, source: Actor | None, source_entity: Entity | None, target: Actor | None,
               target_entity: Entity | None, *, plover: str | None = None, inferred: bool = False,
               target_inferred: bool = False, protest: bool | None = None) -> float:
    """``protest``: the act makes its doer a protester (by default, when it is a PROTEST)."""
    # a source-less act ("X was accused") needs a target the text places: a country, an IGO or NGO; or,
    # for what only a state does to people (arrest, expel, sentence: COERCE, SANCTION), anyone it places
    target_political = is_placed(target) and (is_political(target, target_entity) or plover in _STATE_ACTS)
    score = (act.factor() * source_factor(source, source_entity, inferred=inferred, target_political=target_political,
                                          protest=plover == "PROTEST" if protest is None else protest,
                                          finite=act.finite)
             * target_factor(target, target_entity, plover, act.own_conduct) * (INFERRED_TARGET if target_inferred else 1.0))
    return round(score, 3)
