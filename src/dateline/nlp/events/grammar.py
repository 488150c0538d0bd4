"""Reading the dependency parse: phrases, subjects, objects, negation and modality of a head word."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ... import lang
from ...paragraphs import DATELINE_DASHES
from ..actors import place_country

# dependents that open another clause or an aside: a pattern's words are not sought beyond them
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "conj", "parataxis", "appos", "ccomp", "xcomp", "nsubj", "aux", "auxpass",
                          "csubj", "mark", "punct", "cc"})
_PHRASE_DEPTH = 4
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
RECIPIENT_DEPS = frozenset({"dative", "iobj"})
EMBEDDED_DEPS = frozenset({"xcomp", "ccomp", "pcomp"})
INTENT_MODALS = lang.column_words("event_words", "role", "intent_modal")
DEMAND_MODALS = lang.column_words("event_words", "role", "demand_modal")
SPEECH_LEMMAS = lang.column_words("event_words", "role", "speech_verb")
_NEGATIVE_DETERMINERS = lang.column_words("event_words", "role", "negative_determiner")
_INQUIRY_VERBS = lang.column_words("event_words", "role", "inquiry_verb")
_QUESTION_WORDS = lang.column_words("event_words", "role", "question_word")
_ABOUT_PREPS = lang.column_words("event_words", "role", "about_prep")
_AVOID_VERBS = lang.column_words("event_words", "role", "avoid_verb")
_OBLIGATION_VERBS = lang.column_words("event_words", "role", "obligation_verb")
_PREVENT_VERBS = lang.column_words("event_words", "role", "prevent_verb")
_OPEN_QUESTION_WORDS = lang.column_words("event_words", "role", "open_question_word")
_QUESTION_NOUNS = lang.column_words("event_words", "role", "question_noun")
TOPIC_PREPS = lang.column_words("event_words", "role", "topic_prep")
_IMPLICATIVE_VERBS = lang.column_words("event_words", "role", "implicative_verb")
_ADDITIVE_WORDS = lang.column_words("event_words", "role", "additive_word")


def for_to_clauses(tok) -> list:
    """The "for X to Y" clauses a word governs, which the parser hangs on it as an adverbial clause with
    "for" as its mark: "called for the African Union to mediate"."""
    return [c for c in tok.children if c.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]


def phrase_lemmas(head) -> frozenset[str]:
    """Lemmas (and lower-cased words) of the head's own phrase, up to a few arcs deep; the "for" of a
    "for X to Y" clause counts ("call for X to Y" is "call for")."""
    out: set[str] = {"for"} if for_to_clauses(head) else set()
    frontier = [(c, 1) for c in head.children if c.dep_ not in _CLAUSE_DEPS]
    while frontier:
        tok, depth = frontier.pop()
        out.add(tok.lemma_.lower())
        out.add(tok.lower_)
        if depth < _PHRASE_DEPTH:
            frontier.extend((c, depth + 1) for c in tok.children if c.dep_ not in _CLAUSE_DEPS)
    return frozenset(out)


def children(tok, deps: frozenset[str]) -> Iterator:
    return (c for c in tok.children if c.dep_ in deps)


def first_child(tok, deps: frozenset[str]):
    return next(children(tok, deps), None)


def has_object(tok) -> bool:
    return any(c.dep_ in OBJECT_DEPS for c in tok.children)


def is_negated(tok) -> bool:
    """ "did not ...", "never ...", and the auxiliaries' negation ("won't"); for an event noun, "no"
    ("made no apology", "no agreement was reached"); for a verb, a negated subject ("neither Kenya nor
    Uganda sent troops", "not the army nor the rebels are blocking", "no country sent troops")."""
    if any((c.dep_ == "neg" and not _additive(c)) or (c.dep_ == "det" and c.lower_ == "no" and tok.pos_ in ("NOUN", "PROPN"))
           for c in tok.children):
        return True
    if tok.pos_ == "ADJ" and tok.dep_ == "acomp" and tok.head != tok:
        return is_negated(tok.head)  # "are not prepared to", "is not willing to": the copula's negation
    if _avoided(tok):
        return True  # "refrained from criticising Beijing", "avoided meeting", "stopped short of condemning"
    return tok.pos_ in ("VERB", "AUX") and any(
        d.dep_ == "neg" or (d.dep_ in ("det", "preconj") and d.lower_ in _NEGATIVE_DETERMINERS)
        or (d.dep_ == "cc" and d.lower_ == "nor")
        for s in tok.children if s.dep_ in SUBJECT_DEPS for d in s.children)


def _additive(neg) -> bool:
    """ "not just", "not only": the "not" adds to what follows rather than denying it ("he's not just
    concerned as a minister, he's also concerned as a father")."""
    nxt = neg.nbor(1) if neg.i + 1 < len(neg.doc) else None
    return nxt is not None and nxt.lower_ in _ADDITIVE_WORDS


def modals(tok) -> set[str]:
    """The modal auxiliaries of a verb; a conjoined verb with no auxiliary of its own shares its first
    conjunct's ("should have experts and offer services", "will meet Uganda and sign a deal")."""
    own = {c.lower_ for c in tok.children if c.dep_ == "aux" and c.tag_ == "MD"}
    if own or tok.dep_ != "conj" or tok.head == tok or tok.head.pos_ not in ("VERB", "AUX") \
            or any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in tok.children):
        return own
    return modals(tok.head)


def is_passive(tok) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in tok.children)


def agent_of(tok):
    """The "by X" of a passive verb (or of a noun: "an attack by rebels")."""
    for c in tok.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            obj = first_child(c, frozenset({"pobj"}))
            if obj is not None:
                return obj
    return None


def subject_candidates(verb) -> Iterator:
    """Subjects that may govern ``verb``, nearest first: its own, then up xcomp/conj/participle chains
    ("agreed to share" -> the subject of "agreed"; "a statement demanding" -> the statement, then the
    subject of the verb that issued it). A reported clause (ccomp) is not climbed out of, nor is a clause
    with a subject of its own that names something: "the position that settlements are illegal and
    threaten peace" has settlements as the subject of "threaten", not the position's holder."""
    steps = 0
    while verb is not None and steps < 6:
        # "KUALA LUMPUR, Malaysia — Malaysia's royal families will meet": the dateline is no subject
        subj = next((c for c in children(verb, SUBJECT_DEPS) if not in_dateline(c)), None)
        if subj is not None:
            yield subj
            if subj.pos_ in ("NOUN", "PROPN") and subj.dep_ != "expl":
                return
        if verb.dep_ in ("relcl", "acl"):
            yield verb.head
            verb = verb.head.head if verb.head.dep_ in OBJECT_DEPS else None
        elif _object_controlled(verb) and (obj := first_child(verb.head, OBJECT_DEPS)) is not None:
            yield obj  # "trained Somali soldiers to fight al-Shabaab": the soldiers fight
            return
        elif verb.dep_ == "pcomp" and verb.head.lower_ == "for" and (obj := first_child(verb.head.head, OBJECT_DEPS)) is not None:
            # "criticised Uganda for attacking the post", "arrested him for protesting": who is blamed,
            # praised or punished for the act is its doer (object control), not the one who blames
            yield obj
            return
        elif verb.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp", "attr") and verb.head != verb:
            verb = verb.head
            if verb.pos_ == "ADP":  # "committed to opening" -> the head of the preposition
                verb = verb.head
        else:
            return
        steps += 1




def in_dateline(tok) -> bool:
    """Whether ``tok`` is in the dateline that opens a paragraph: a place in capitals, perhaps with its
    country and an agency, up to a dash ("KUALA LUMPUR, Malaysia —", "LONDON (AP) —")."""
    sent = tok.sent
    first = sent[0]
    if not (first.i == 0 or "\n" in tok.doc[first.i - 1].text or "\n" in tok.doc[first.i - 1].whitespace_) \
            or not (first.text.isupper() and len(first.text) > 1):
        return False
    dash = next((t.i for t in sent[:10] if t.text in DATELINE_DASHES), None)
    if dash is None or tok.i >= dash:
        return False
    # only names and their punctuation before the dash ("NATO said the alliance would meet Russia — ..."
    # is a sentence), and a place among them ("NATO — the alliance — will meet" is no dateline)
    head = tok.doc[first.i:dash]
    if not all(t.is_punct or t.text[:1].isupper() for t in head):
        return False
    parts = [p.strip() for p in re.split(r"[,(]", head.text.replace(")", "")) if p.strip()]
    return any(place_country(p) for p in parts)


def _avoided(tok) -> bool:
    """An act a verb of avoiding keeps from being done: its complement ("avoided criticising China") or
    the gerund after its preposition ("refrained from criticising", "stopped short of condemning")."""
    if tok.tag_ != "VBG" or tok.head == tok:
        return False
    governor = tok.head
    if tok.dep_ == "pcomp" and governor.pos_ == "ADP" and governor.head != governor:
        governor = governor.head.head if governor.head.pos_ == "ADV" else governor.head  # "stopped short of"
    elif tok.dep_ not in ("xcomp", "dobj"):
        return False
    return lemma_in(governor, _AVOID_VERBS) or (governor.lemma_.lower() == "stop" and tok.dep_ == "pcomp"
                                                and any(c.lower_ == "short" for c in governor.children))


def relative_object(verb):
    """The noun that a relative pronoun object stands for, when ``verb`` (or the relative clause whose
    verbs chain to it) has one: "the proposal, which Tanzania had praised", "the negotiations, which the
    US stands ready to support" (the pronoun parsed as the object of "stands"). None otherwise."""
    steps = 0
    while verb is not None and steps < 4:
        if any(c.dep_ in OBJECT_DEPS and c.tag_ in ("WDT", "WP") for c in verb.children) and verb.dep_ == "relcl":
            return verb.head
        if verb.dep_ == "relcl" or verb.dep_ not in ("xcomp", "acomp", "conj") or verb.head == verb:
            return None
        verb, steps = verb.head, steps + 1
    return None


_SUFFIXES = (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("es", ""), ("s", ""))


def word_forms(tok) -> Iterator[str]:
    """The lemma, then the word and its plain de-inflections: the small model's lemmatizer slips
    ("staged" -> "stag"), and a missed event costs more than a few dict look-ups."""
    yield tok.lemma_.lower()
    word = tok.lower_
    yield word
    if tok.pos_ in ("VERB", "AUX"):
        for suffix, repl in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                yield word[: -len(suffix)] + repl
    elif tok.pos_ == "NOUN" and word.endswith("s") and not word.endswith("ss"):
        yield word[:-1]


def lemma_in(tok, words) -> bool:
    """Whether any of ``tok``'s word forms is one of ``words``: "hoped" is "hope" although the small
    model's lemmatizer says "hop"."""
    return any(form in words for form in word_forms(tok))


def unique(tokens) -> list:
    """The tokens in their order, each once (spaCy tokens compare by position, not identity)."""
    seen: set[int] = set()
    out = []
    for t in tokens:
        if t.i not in seen:
            seen.add(t.i)
            out.append(t)
    return out


def is_reduced_passive(verb) -> bool:
    """A past participle that modifies a noun with no auxiliary ("the men detained last week"): a
    passive whose subject is the noun it modifies."""
    if verb.tag_ == "VBN" and verb.dep_ == "conj" and verb.head != verb:
        # "a coalition led by Saudi Arabia and backed by the United States": the second participle too
        return is_reduced_passive(verb.head) and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "dobj")
                                                         for c in verb.children)
    return (verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod")
            # (a sentence whose root is no verb: the parser lost the main verb, "Doctors from two aid
            # groups donated ...", and the participle is it)
            and verb.sent.root.pos_ in ("VERB", "AUX")
            and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "dobj") for c in verb.children))


def participle_noun(verb):
    """The word a reduced passive participle modifies, past the participles it is conjoined to ("a
    coalition led by X and backed by Y": the coalition)."""
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    return verb.head


def subject_of(verb):
    """The nearest grammatical subject governing ``verb``, or None."""
    return next(subject_candidates(verb), None)


def depth(tok) -> int:
    n = 0
    while tok.head != tok and n < 50:
        tok = tok.head
        n += 1
    return n


def preps(tok, words: tuple[str, ...]) -> Iterator:
    """(preposition, object) pairs of ``tok`` whose preposition is in ``words``, in sentence order."""
    for c in tok.children:
        if c.dep_ in ("prep", "dative", "agent") and c.lower_ in words:
            for obj in c.children:
                if obj.dep_ in ("pobj", "pcomp"):
                    yield c, obj


def speech_governor(tok):
    """The speech verb ("said", "announced") whose reported clause ``tok`` heads, or None."""
    if tok.dep_ == "ccomp" and lemma_in(tok.head, SPEECH_LEMMAS):
        return tok.head
    return None


_FIRST_PERSON = frozenset({"i", "we"})  # the subject forms ("US" is a country; "us" no subject)


def exhorts_self(tok) -> bool:
    """ "We must respond", "I should resign": a must or should whose subject is the speaker's own side."""
    subject = first_child(tok, SUBJECT_DEPS)
    return bool(modals(tok) & DEMAND_MODALS) and subject is not None and subject.lower_ in _FIRST_PERSON


def demand_speaker(tok):
    """The speaker whose demand a reported must or should is ("X said Y must ..."): its speech verb, or
    None when the act has no such modal, is nobody's report, or is the speaker's own ("we must")."""
    if not modals(tok) & DEMAND_MODALS or exhorts_self(tok):
        return None
    return speech_governor(tok)


# -- mood: is the act asserted? ---------------------------------------------------------------------
HYPOTHETICAL_MODALS = lang.words("event_hypothetical_modals")
_HABITUAL_ADVERBS = lang.words("event_habitual_adverbs")
_HYPOTHETICAL_ADVERBS = lang.words("event_hypothetical_adverbs")
_HABITUAL_MARKS = lang.column_words("event_words", "role", "habitual_mark")
CONDITIONAL_MARKS = lang.words("event_conditional_marks")
WISH_VERBS = lang.words("event_wish_verbs")
# two-word entries: a verb and the particle or adverb it takes ("look forward")
_WISH_PHRASES = frozenset(tuple(w.split()) for w in WISH_VERBS if " " in w)


def _wish_phrase(verb) -> bool:
    return any(verb.lemma_.lower() == first and any(c.lower_ == second for c in verb.children)
               for first, second in _WISH_PHRASES)
PLAN_NOUNS = lang.column_words("event_words", "role", "plan_noun")
FEAR_WORDS = lang.column_words("event_words", "role", "fear_verb")
DIRECTIVE_VERBS = lang.column_words("event_words", "role", "directive_verb")
_CLOSERS = "\"'”’»)] \n\t"


def is_perfect(tok) -> bool:
    """ "would have done": with a modal, a counterfactual rather than an intent."""
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)


def is_question(sent) -> bool:
    return sent.text.rstrip(_CLOSERS).endswith("?")


def _hypothetical_here(tok) -> bool:
    if modals(tok) & HYPOTHETICAL_MODALS:
        return True
    if any(c.dep_ == "advmod" and c.lower_ in _HYPOTHETICAL_ADVERBS for c in tok.children):
        return True  # "would probably host", "maybe I'll intervene"
    if is_to_clause(tok) and tok.head.pos_ == "ADJ" and any(c.lower_ == "too" for c in tok.head.children):
        return True  # "it's too early to discuss strategies": not done
    # a noun the sentence only entertains: "measures the United States might take"
    return tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ in ("relcl", "acl") and modals(c) & HYPOTHETICAL_MODALS
                                                 for c in tok.children)


def _condition_clause(tok) -> bool:
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in tok.children)


def is_to_clause(tok) -> bool:
    """An infinitive with "to": "to withdraw"."""
    return tok.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _object_controlled(verb) -> bool:
    """An infinitive complement of a verb with an object, done by that object: "trained soldiers to fight",
    "forced Uganda to withdraw"."""
    return verb.dep_ == "xcomp" and is_to_clause(verb) and verb.head != verb \
        and first_child(verb.head, OBJECT_DEPS) is not None


def _has_condition(tok) -> bool:
    return any(_condition_clause(c) for c in tok.children)


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _opens_question(clause) -> bool:
    """An indirect question: a clause whose first word is "whether", "if" or a wh-word."""
    return clause.dep_ in ("ccomp", "advcl") and min(clause.subtree, key=lambda t: t.i).lower_ in _QUESTION_WORDS


def _leaves_open(clause) -> bool:
    """A yes-no question as a complement: a clause opened by "whether" (complement or adjunct, "whether
    or not Iran agrees"), or by "if" when it is the complement ("not saying if", not the condition "if
    Iran agrees", which the conditional reads)."""
    if clause.dep_ not in ("ccomp", "advcl", "csubj", "pcomp", "acl"):
        return False
    first = min(clause.subtree, key=lambda t: t.i)
    if first.lower_ not in _OPEN_QUESTION_WORDS or first.dep_ not in ("mark", "advmod", "prep"):
        return False
    return first.lower_ != "if" or clause.dep_ in ("ccomp", "pcomp")


def asks_a_question(verb) -> bool:
    """ "asked whether he would resign", "asked about the report", "asked them what they planned", "was
    asked a question": asking for an answer is no appeal (PLOVER REQUEST is a demand or an appeal for an
    act). Asking someone to act or for something ("asked Uganda to withdraw", "asked for help") is."""
    if not lemma_in(verb, _INQUIRY_VERBS):
        return False
    kids = list(verb.children)
    if any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in kids):
        return False
    if verb.pos_ in ("VERB", "AUX") and not is_passive(verb) and not any(
            c.dep_ in (*OBJECT_DEPS, "dative", "ccomp", "prep") for c in kids):
        return True  # "“Why now?” Graham asked.": the verb that reports a question asks no one for anything
    return any(_opens_question(c) or (c.dep_ == "prep" and c.lower_ in TOPIC_PREPS)
               or (c.dep_ in OBJECT_DEPS and lemma_in(c, _QUESTION_NOUNS)) for c in kids)


def is_finite(tok) -> bool:
    """Whether ``tok`` heads a finite clause, one with a tense that says the act happens or happened
    ("was evicted", "have been accused", "seized"), not a gerund, a participle or a bare noun
    ("vital to preventing trafficking", "his fear of being extradited")."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    return tok.tag_ in _FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in tok.children)


def mood(tok, *, plain: bool, judgement: bool = False) -> str | None:
    """Why the act headed by ``tok`` is not asserted as having happened, or None when it is.

    'question' (the sentence asks, or the act is inside an indirect question: "asked whether he would
    resign", or a yes-no question under any word: "unclear whether Iran attacked"), 'prevented' (what a
    verb of preventing keeps someone from doing: "banned them from travelling"), 'hypothetical' (a modal of possibility on the act or a clause above
    it: "might impose", "could be deployed"), 'conditional' (it is, or depends on, an if-clause; for a
    ``plain`` act only, and not for a stated intent: a threat, a demand or "will X if Y" is conditional
    by nature), 'unrealised' (an infinitive describing a noun: "a plan to return refugees"), 'wish'
    (the complement of a verb
    of wanting, hoping, planning or expecting), 'feared' (what a verb or noun of fearing fears: "fear
    that Uganda will attack"), 'habitual' (an adverb of frequency on a verb in the
    present: "periodically issues warnings", "police routinely stop drivers"), 'advised' (a must or should nobody is reported to say: the writer's
    "Mexico should sue"), 'generic' (a present-tense relative clause on a bare plural, which describes a
    kind: "commanders who block aid"), 'directed' (an act inside what is demanded or ordered, below the act the
    demand itself names: "demanded that the US prove ... before it would accept them"). Reported speech is asserted by its speaker: the search
    stops at a verb of saying.
    """
    if is_question(tok.sent):
        return "question"
    # a verb of judging that is also one of wanting ("considers the move illegal" is a judgement,
    # "considers sanctions" a plan) is asserted when it judges (``judgement``)
    if lemma_in(tok, WISH_VERBS) and tok.pos_ in ("VERB", "AUX", "NOUN") and not judgement:
        return "wish"  # "hopes to strike a deal", and the noun: "the Kremlin's hopes for a deal"
    if _object_controlled(tok) and not lemma_in(tok.head, _IMPLICATIVE_VERBS) and not lemma_in(tok.head, DIRECTIVE_VERBS):
        return "unrealised"  # "trained soldiers to fight al-Shabaab": the training's purpose, not a fight told
    if is_to_clause(tok) and tok.dep_ not in ("xcomp", "advcl"):
        # an infinitive asserts nothing unless a frame governs it ("agreed to", "began to": read as
        # frames) or it gives the purpose of an act ("shunned work to protest"): "the only states to
        # have signed treaties" states no act
        return "unrealised"
    if modals(tok) & DEMAND_MODALS and speech_governor(tok) is None and not exhorts_self(tok):
        return "advised"  # "Canada and Mexico should sue the United States": what someone ought to do
    t = tok
    for _ in range(8):
        if _hypothetical_here(t):
            return "hypothetical"
        if (t.tag_ in ("VBZ", "VBP") or is_perfect(t) and not modals(t)) \
                and any(c.dep_ == "advmod" and c.lower_ in _HABITUAL_ADVERBS for c in t.children):
            return "habitual"  # the generic present: "periodically issues warnings", "police routinely stop drivers"
        if t.tag_ in ("VBZ", "VBP") and t.dep_ == "advcl" and not modals(t) \
                and any(c.dep_ in ("advmod", "mark") and c.lower_ in _HABITUAL_MARKS for c in t.children):
            return "habitual"  # "when employees request time off, they get ...": what happens as a rule
        # the if-clause itself, or a plain act that depends on one; a stated intent with a condition
        # ("will not accept refugees if war starts") is a conditional promise or threat: an event
        if _condition_clause(t) or (plain and _has_condition(t) and not (modals(t) & INTENT_MODALS and not is_perfect(t))):
            return "conditional"
        if is_to_clause(t) and t.dep_ == "acl":
            # "a plan to return refugees", "the only states to have signed treaties": an infinitive that
            # describes a noun asserts nothing (a purpose, "blocked streets to demand reforms", may)
            return "unrealised"
        if t.dep_ == "relcl" and t.tag_ in ("VBP", "VBZ") and not modals(t) and t.head.tag_ == "NNS" \
                and not any(c.dep_ in ("det", "poss", "nummod") for c in t.head.children) \
                and t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].text != ",":  # not "..., which the US backs"
            return "generic"  # "sanctions on commanders who block aid", "countries that violate the rules": a kind
        if t.dep_ in ("relcl", "acl") and t.head.lemma_.lower() in PLAN_NOUNS:
            return "unrealised"  # "a plan that involved moving police into the area": what a plan holds
        head = t.head
        if head is t or head == t:
            return None
        if t.dep_ in ("xcomp", "ccomp") and lemma_in(head, WISH_VERBS):
            return "wish"
        if t.dep_ == "xcomp" and is_to_clause(t) and lemma_in(head, _OBLIGATION_VERBS) and head.tag_ != "VBD":
            return "advised"  # "will have to engage with the North", "Congress has to act": owed, not done
        if t.dep_ in ("pcomp", "pobj") and head.pos_ == "ADP" and _wish_phrase(head.head):
            return "wish"  # "looking forward to speaking with Canadians"
        if t.dep_ in ("pcomp", "pobj") and head.pos_ == "ADP" and head.head.pos_ == "NOUN" \
                and lemma_in(head.head, WISH_VERBS):
            return "wish"  # "plans for a summit with Uganda": what a wish or a plan is for
        if t.dep_ in ("ccomp", "acl") and lemma_in(head, FEAR_WORDS):
            return "feared"  # "officials fear that Uganda will attack", "amid fears that troops would move"
        if _opens_question(t) and lemma_in(head, _INQUIRY_VERBS):
            return "question"  # "asked whether he would resign": what is asked is not asserted
        if t.dep_ == "pcomp" and t.tag_ == "VBG" and head.lower_ in _ABOUT_PREPS:
            return "topic"  # "cautioning its citizens about travelling to Canada": what is talked of
        if _leaves_open(t):
            return "question"  # "unclear whether Iran attacked", "not saying if the foundation broke the law"
        if t.dep_ == "pcomp" and head.lower_ == "from" and lemma_in(head.head, _PREVENT_VERBS):
            return "prevented"  # "banned them from travelling to the bloc": no travel
        if t.dep_ in ("ccomp", "parataxis") and lemma_in(head, SPEECH_LEMMAS):
            return None
        if t.dep_ in ("ccomp", "xcomp") and lemma_in(head, DIRECTIVE_VERBS) and t != tok:
            return "directed"  # "demanded that the US prove the migrants were Mexican before it would accept them"
        t = head
    return None
