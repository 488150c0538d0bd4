"""Quotes: direct and reported speech with its cue, speaker and speaker entity.

The method, in one pass over the parse:

1. Quoted stretches come from the marks (:mod:`.marks`), robust to broken marks.
2. Cues are the attribution verbs of :mod:`.cues` (saying, thinking stated as a claim,
   findings, stated intentions) outside quoted words, "according to" phrases and
   noun cues ("Trump's *claim* that ..."). A cue's clausal complement ("said *that the
   talks went well*") is its content; for verbs whose object can be what they report,
   the object or infinitive ("denied *the charge*", "urged *voters to stay home*");
   for a parenthetical cue ("The plan, he said, is dead") the sentence around it.
3. A quoted stretch that is only part of a cue's content ("said relations were in
   "profound tension" then") is a partial quote: the whole content is the quote.
4. Any other quoted stretch is a direct quote. Its cue is the nearest one right
   after the closing mark (`"...," she said`) or before the opening mark
   (`She said: "..."`) in the same sentence. With no cue, it continues the speaker
   of the previous quote when that one is in the same or the previous paragraph
   (a paragraph that is nothing but a quote continues the previous speaker), and
   the stretches of one quote run over several paragraphs share one speaker.
   Not quotes: titles of works (capitalised words, "Three Days in May"), nicknames and
   scare quotes of one or two words, the headline of a linked story ("READ MORE: ..."),
   a subheading that is one short quotation.
5. A cue not used by a direct quote gives an indirect quote: its content, within the
   cue's paragraph.
6. Layout gives a cue too: "Name: words" lines of a transcript, ``A:`` answers of an
   interview, a quote followed by "– Name, Role" (press releases), a quote under a
   line that is only a name.
7. The speaker is the cue's subject (or, for "adding that ...", its governing
   verb's subject); :class:`.coref.SpeakerResolver` maps it to an entity, also
   when it is a pronoun, a role or a misspelt surname.
8. Each quote gets a confidence (0-1) from its evidence (``_BASE``, ``_confidence``): the
   kind of cue, whether the speaker resolved to an entity, quoted words in the content,
   an embedded question, a negated or nested cue, a heading. Quotes of saying score 0.7
   and up; the wide attributions (beliefs, findings, plans, objects) 0.4-0.5, except a
   belief of someone the resolver knows, stated in a clause opened by "that" ("Pelosi
   believes that ..."): a claim attributed to a named holder, 0.65.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from .. import lang
from ..model import Article, Entity, Quote, Span
from .coref import DOCUMENT_NOUNS, SpeakerResolver, is_person_noun
from .cues import ACCORDING_PHRASES, CUE_NOUNS, CUE_VERBS, CueVerb
from .marks import Quoted, quoted_spans
from .names import TITLE_ABBREVIATIONS, split_title, surname

_MARK_CHARS = set("\"'\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a\u2018\u2019`")
_TRIM = " \t\r\n,;:\u2013\u2014-"
_PARTIAL_SHARE = 0.8  # a quoted stretch covering less of a cue's content than this is a partial quote
_MIN_WORDS = 4  # a quoted stretch shorter than this needs a cue to count as a quote
_MIN_CUED_WORDS = 3  # a cued stretch of one or two words is a term ("the so-called "reset""), unless a whole reply
_QUESTION_WORDS = frozenset("whether if what why how who whom which when where".split())
_AFTER_WINDOW = 30  # tokens after a closing mark in which its cue is looked for
_CONTENT_LINE = re.compile(r"[^\n]*\w[^\n]*")
_RELATIVE_PRONOUNS = frozenset("that which who whom".split())
_THAT_BEFORE = re.compile(r"\bthat\s*$", re.IGNORECASE)
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_SPEAKER_RIGHT_DEPS = ("prep", "compound", "flat", "pobj", "nmod")
# Complements of an "object" cue verb that are its content, and the prepositions whose phrase is
# ("called *for* talks", "criticized X *for* Y", "described X *as* Y").
_OBJECT_DEPS = ("dobj", "xcomp", "ccomp", "oprd", "attr")
_CONTENT_PREPS = frozenset("for as about on of over against to".split())
# Layout cues: "– Jan Roe, Managing Partner" after a quote; "NAME: words" in a transcript; a line
# that is a name. A name: capitalised words, with the particles of lang/en/quote_name_particles.
_WORD = r"[A-Z][\w.'\u2019-]*"
_NAME = rf"{_WORD}(?:[ \t]+(?:(?:{'|'.join(sorted(lang.words('quote_name_particles')))})[ \t]+)?{_WORD})"
_DASH_NAME = re.compile(rf"^[ \t]*[\u2013\u2014-]{{1,2}}[ \t]*({_WORD}|{_NAME}{{1,4}})[ \t]*(?:,[^\n]{{0,120}})?$")
_LINE_SPEAKER = re.compile(r"^[ \t]*([A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,3})[ \t]*:[ \t]+(?=\S)")
_QA_DOT = re.compile(r"^[ \t]*([QA])\.[ \t]+(?=\S)")
_NAME_LINE = re.compile(rf"^[ \t]*({_NAME}{{1,4}})[ \t]*(?:[,\u2013\u2014-][^\n]{{0,80}})?$")

# Confidence of a quote by its evidence: the cue's kind, then adjustments.
_BASE = {
    "direct-cue": 0.9, "direct-layout": 0.75, "direct-chain": 0.8, "direct-near": 0.7, "direct-bare": 0.65,
    "speech-clause": 0.8, "speech-parenthetical": 0.7, "according": 0.75,
    # what a verb of saying reports as its object, beliefs, findings, plans, noun cues: attributions
    # in the wide sense (PolNeAR counts them), seldom "who said what" (news quote sets do not)
    "speech-object": 0.45, "thought-clause": 0.45, "finding-clause": 0.5, "intent-object": 0.4,
    "intent-clause": 0.4, "noun": 0.5,
    "stance-object": 0.65,
    # "Pence: Trump Was Mocking the Clinton Camp": a headline that gives its claim to someone named
    "heading-colon": 0.7,
}


@dataclass
class Candidate:
    start: int
    end: int
    kind: str
    cue: object | None = None  # spaCy Token or Span of the cue
    speaker: object | None = None  # spaCy Span of the speaker phrase
    chain: int | None = None
    evidence: str = "direct-bare"  # a key of _BASE
    question: bool = False  # an embedded question ("asked whether ...")
    negated: bool = False  # "has not said that ..."
    marked: bool = False  # the reported words hold a quotation ("called the plan "bold"")
    nested: bool = False  # the cue is inside another attribution's reported words
    that: bool = False  # the reported clause opens with "that" ("believes *that* ...")


class Sentences:
    """Sentence bounds per token, computed once (``Token.sent`` walks the document on each call).

    A title's abbreviation before a name ends no sentence ("a report by Cpl. Dana Roe noted ...",
    which the parser may split after "Cpl."): such a sentence runs on into the next.
    """

    def __init__(self, doc) -> None:
        self.start = [0] * len(doc)
        self.end = [0] * len(doc)
        bounds: list[list[int]] = []
        for sent in doc.sents:
            if bounds and _ends_in_title(doc, sent.start):
                bounds[-1][1] = sent.end
            else:
                bounds.append([sent.start, sent.end])
        for lo, hi in bounds:
            for i in range(lo, hi):
                self.start[i], self.end[i] = lo, hi


def _ends_in_title(doc, start: int) -> bool:
    """Does the sentence before token ``start`` end with a title's abbreviation ("Cpl.", "Sen.") and the
    one at ``start`` open with a name?"""
    if start < 2 or doc[start].pos_ != "PROPN" or not doc[start].text[:1].isupper():
        return False
    last = doc[start - 1]
    word = last.text[:-1] if last.text.endswith(".") and len(last.text) > 1 else None
    if word is None and last.text == "." and not doc[start - 2].whitespace_:
        word = doc[start - 2].text
    return word is not None and word[:1].isupper() and word.lower() in TITLE_ABBREVIATIONS


@dataclass
class Content:
    """What a cue reports: a character span, the kind of evidence, and (noun cues) its source."""

    start: int
    end: int
    evidence: str
    source: object | None = None  # a spaCy token standing for the source, when not the cue's subject


def extract_quotes(doc, article: Article, entities: list[Entity]) -> list[Quote]:
    text = doc.text
    sents = Sentences(doc)
    marked = quoted_spans(text)
    quote_of = _token_quotes(doc, marked)
    cues = [t for t in doc if quote_of[t.i] < 0 and _cue_of(t) is not None]
    contents = {cue.i: _content(doc, cue, sents) for cue in cues}
    absorbed = _partial_quotes(text, marked, cues, contents)
    para_starts = [m.start() for m in _CONTENT_LINE.finditer(text)]

    candidates: list[Candidate] = []
    used_cues: set[int] = set()
    in_turn: set[int] = set()  # stretches inside a transcript speaker's turn
    for qi, q in enumerate(marked):
        if qi in absorbed or qi in in_turn:
            continue
        cue = _direct_cue(doc, q, quote_of, qi, sents)
        if not _quote_worthy(text, q, cue is not None) or _in_label_line(text, q.start) or _named_work(doc, text, q):
            continue
        if cue is None and _is_quoted_heading(text, q):
            continue
        if cue is not None:
            used_cues.add(cue.i)
            candidates.append(Candidate(q.start, q.end, "direct", _cue_span(doc, cue), _speaker(doc, cue, quote_of),
                                        q.chain,
                                        "direct-cue"))
            continue
        start, speaker = _transcript_label(doc, text, q)
        end = q.end
        if speaker is not None:
            end = _turn_end(doc, text, marked, qi, in_turn)
        speaker = speaker or _layout_speaker(doc, text, q, para_starts)
        cand = Candidate(start, end, "direct", None, speaker, q.chain,
                         "direct-layout" if speaker is not None else "direct-bare")
        candidates.append(cand)
    candidates += _transcript_lines(doc, text, marked, entities)
    candidates += _headline_claims(doc, text, article, entities, candidates)
    direct_spans = sorted((c.start, c.end) for c in candidates)
    marked_starts = [q.start for q in marked]
    for cue in cues:
        content = contents[cue.i]
        if cue.i in used_cues or content is None:
            continue
        start, end = content.start, content.end
        if _overlaps(direct_spans, start, end):
            continue
        if _in_label_line(text, start):
            continue  # "READ MORE: Mayor says ...": the headline of a linked story
        speaker = _phrase(doc, content.source) if content.source is not None else _speaker(doc, cue, quote_of)
        first_word = text[start:end].split(maxsplit=1)[:1]
        if speaker is None or not first_word:
            continue  # a clause with no one saying it
        cand = Candidate(start, end, "indirect", _cue_span(doc, cue), speaker, None, content.evidence,
                         _embedded_question(doc, start, first_word[0]))
        cand.negated = any(c.dep_ == "neg" for c in cue.children)
        k = bisect.bisect_left(marked_starts, start)
        cand.marked = k < len(marked) and marked[k].end <= end + 1
        cand.that = _THAT_BEFORE.search(text, max(0, start - 8), start) is not None
        candidates.append(cand)
    candidates.sort(key=lambda c: c.start)
    _mark_nested(candidates)
    return _attribute(doc, article, candidates, entities, marked, para_starts)


def _embedded_question(doc, start: int, first_word: str) -> bool:
    """Does what is reported open with a question ("asked *whether* the plan would work")? A wh-word
    that opens an adverbial clause inside it ("*When* the training is tailored, it works", "*if* it
    rains, the match is off") starts no question: the clause it opens is a condition or a time."""
    if first_word.lower() not in _QUESTION_WORDS:
        return False
    span = doc.char_span(start, start + len(first_word), alignment_mode="expand")
    if span is None or len(span) == 0:
        return True
    head = span[0].head
    return not (head.dep_ == "advcl" and head.head.i >= span[0].i)


def _mark_nested(candidates: list[Candidate]) -> None:
    """An attribution whose cue lies inside another's reported words ("she said he *thinks* ...") is
    nested: part of what someone else reports."""
    spans = [(c.start, c.end, id(c)) for c in candidates if c.kind == "indirect"]
    for c in candidates:
        if c.kind == "indirect" and c.cue is not None:
            # a parenthetical cue stands inside its own reported words ("The plan, he said, is dead"):
            # only another attribution's words make it nested
            pos = c.cue.idx if hasattr(c.cue, "idx") else c.cue.start_char
            c.nested = any(s <= pos < e for s, e, other in spans if other != id(c))


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_left(spans, (end, end))
    return any(s < end and start < e for s, e in spans[max(0, i - 8) : i])


def _cue_span(doc, cue):
    """The words of the cue: the verb or noun, or all the words of "according to"."""
    if cue is not None:
        phrase = _according_at(doc, cue.i)
        if phrase:
            return doc[cue.i : cue.i + len(phrase)]
    return cue


def _quote_worthy(text: str, q: Quoted, cued: bool) -> bool:
    """Is a quoted stretch speech rather than a term in scare quotes, a nickname or a title?

    With a cue: three words or more, or a whole reply ("No," she said).
    Without one: four words or more, opening a sentence of its own (a fragment
    inside someone else's sentence with no cue is a term or a title).
    A title of a work (every word capitalised, no closing punctuation) is never a quote.
    """
    inner = text[q.start : q.end]
    words = inner.split()
    if _looks_like_title(words):
        return False
    if cued:
        return len(words) >= _MIN_CUED_WORDS or inner.rstrip()[-1:] in ",.!?"
    if len(words) < _MIN_WORDS:
        return False
    before = text[: max(0, q.start - 1)].rstrip(" \t\"'\u201c\u201e\u00ab\u2018")
    return not before or before[-1] in "\n.!?:;\u201d\""


def _named_work(doc, text: str, q: Quoted) -> bool:
    """ "the broadcast of “Fox News Sunday,” ...": capitalised words in marks after a preposition or a
    determiner are the name of a show, a book or a law inside the writer's sentence, even with the
    comma American style puts inside the marks; words someone says do not hang on "of" or "the"."""
    words = text[q.start : q.end].split()
    if not words or words[-1][-1:] != "," or not _looks_like_title([*words[:-1], words[-1].rstrip(",")]):
        return False
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    k = span.start - 1 if span is not None else -1
    while k >= 0 and doc[k].text and all(ch in _MARK_CHARS for ch in doc[k].text):
        k -= 1
    return k >= 0 and (doc[k].pos_ in ("ADP", "DET") or doc[k].tag_ == "POS")


def _in_label_line(text: str, pos: int) -> bool:
    """Is ``pos`` in a line opened by a label such as "READ MORE:" or "WATCH:" (a link to another story)?"""
    lo, hi = _line_bounds(text, pos)
    m = _LINE_SPEAKER.match(text[lo:hi])
    return m is not None and lo + m.end() <= pos and _label(m.group(1)) == "other"


def _is_quoted_heading(text: str, q: Quoted) -> bool:
    """A paragraph that is one short quotation without closing punctuation is a subheading
    ("'Not a lot of units available'"), not speech."""
    lo, hi = _line_bounds(text, q.start)
    if text[lo:hi].strip(" \t" + "".join(_MARK_CHARS) + ".") != text[q.start : q.end].strip(" \t."):
        return False
    inner = text[q.start : q.end].rstrip()
    return inner[-1:] not in ".!?,\u2026" and len(inner.split()) <= 12


def _looks_like_title(words: list[str]) -> bool:
    """ "Breakdown: Three Days in May": capitalised content words, no sentence punctuation at the end
    (a full stop the American style puts inside the marks is allowed for a short one: "Face the Nation.")."""
    if not words or len(words) > 12:
        return False
    if words[-1][-1:] in ",!?\u2026" or words[-1][-1:] == "." and len(words) > 6:
        return False
    words = [*words[:-1], words[-1].rstrip(".")]
    small = _small_words()
    content = [w for w in words if w.lower().strip(":;-\u2013") not in small]
    return len(content) >= 2 and all(w[:1].isupper() or w[:1].isdigit() for w in content)


def _small_words() -> frozenset[str]:
    return lang.words("quote_title_small_words")


# -- tokens and quoted stretches ------------------------------------------------------------
def _token_quotes(doc, marked: list[Quoted]) -> list[int]:
    """For each token, the index of the quoted stretch it is in, else -1; quote marks are -2."""
    out = [-1] * len(doc)
    qi = 0
    for tok in doc:
        if tok.text and all(ch in _MARK_CHARS for ch in tok.text):
            out[tok.i] = -2
            continue
        while qi < len(marked) and marked[qi].end <= tok.idx:
            qi += 1
        if qi < len(marked) and marked[qi].start <= tok.idx < marked[qi].end:
            out[tok.i] = qi
    return out


def _according_at(doc, i: int) -> tuple[str, ...] | None:
    """The "according to" phrase starting at token ``i``, if one does."""
    first = doc[i].lower_
    for phrase in ACCORDING_PHRASES:
        if phrase[0] == first and i + len(phrase) <= len(doc) and all(
            doc[i + k].lower_ == w for k, w in enumerate(phrase)
        ):
            return phrase
    return None


def _cue_of(tok) -> CueVerb | str | None:
    """The cue verb entry of a token, "according" for an according-phrase, "noun" for a noun cue, else None."""
    if _according_at(tok.doc, tok.i):
        return "according"
    if tok.pos_ == "NOUN":
        if tok.lemma_.lower() in CUE_NOUNS and _noun_clause(tok) is not None:
            return "noun"
        return None
    lemma = tok.lemma_.lower()
    verb = CUE_VERBS.get(lemma)
    if verb is None or tok.pos_ not in ("VERB", "AUX") and lemma != "say":
        return None
    if verb.particle and not any(c.dep_ == "prt" and c.lower_ == verb.particle for c in tok.children):
        return None
    if tok.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "agent") or c.lemma_ == "have" for c in tok.children):
        return None  # a passive or a participle ("when asked", "known as", "it is believed"): no one says it
    if any(c.dep_ == "mark" and c.lower_ == "than" for c in tok.children):
        return None  # "higher than the city says": a comparison, not a report
    if verb.content == "governed" and not any(c.dep_ == "ccomp" for c in tok.children):
        return None
    if verb.content == "naming" and not _names_object(tok):
        return None  # "called the mayor", "called for talks": no judgement of anything is stated
    if verb.cls == "intent" and tok.dep_ in ("amod", "acl") and tok.head.pos_ == "NOUN":
        return None  # "the planned cuts"
    return verb


def _names_object(verb) -> bool:
    """Does a verb of naming give its object a name or a quality ("called the plan *a disaster*",
    "called it *"outrageous"*", "called the move *reckless*")? A predicative complement, or an adjective
    or an apposition the parse hung on the object after it."""
    if any(c.dep_ in ("oprd", "ccomp") and c.i > verb.i for c in verb.children):
        return True
    for obj in verb.rights:
        if obj.dep_ == "dobj":
            return any(c.i > obj.i and (c.dep_ in ("appos", "oprd") or c.dep_ == "amod" and c.pos_ == "ADJ")
                       for c in obj.children)
    return False


def _is_cue(tok) -> bool:
    return _cue_of(tok) is not None


def _is_speech_cue(tok) -> bool:
    """A verb of saying ("..., adding that ..."): where one reported clause ends and the next begins."""
    kind = _cue_of(tok)
    return isinstance(kind, CueVerb) and kind.cls == "speech"


def _noun_clause(noun):
    """The "that" clause a cue noun governs ("the claim *that* ..."), or None."""
    for child in noun.rights:
        if child.dep_ in ("acl", "ccomp", "appos") and child.pos_ in ("VERB", "AUX") and any(
            t.dep_ == "mark" and t.lower_ == "that" for t in child.lefts
        ):
            return child
    return None


# -- content of a cue ---------------------------------------------------------------------------
def _content(doc, cue, sents: Sentences) -> Content | None:
    """What the cue reports, within the cue's paragraph (a parse can run a sentence over a break)."""
    content = _content_span(doc, cue, sents)
    if content is None:
        return None
    lo, hi = _paragraph_of(doc, cue)
    content.start, content.end = max(content.start, lo), min(content.end, hi)
    return content if content.end - content.start > 2 else None


def _paragraph_of(doc, cue) -> tuple[int, int]:
    """Character bounds of the paragraph (line) a token is in, from the whitespace tokens around it."""
    i = cue.i
    while i > 0 and "\n" not in doc[i - 1].text_with_ws:
        i -= 1
    j = cue.i
    while j < len(doc) - 1 and "\n" not in doc[j].text_with_ws:
        j += 1
    return doc[i].idx, doc[j].idx + len(doc[j].text)


def _content_span(doc, cue, sents: Sentences) -> Content | None:
    """What the cue reports: its clausal complement, its object, the clause an according-phrase
    hangs on, or the sentence around a parenthetical cue."""
    kind = _cue_of(cue)
    if kind == "according":
        span = _according_content(doc, cue, sents)
        return Content(*span, "according") if span else None
    if kind == "noun":
        return _noun_content(doc, cue)
    assert isinstance(kind, CueVerb)
    passive = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    if passive is not None and kind.content in ("object", "naming"):
        # "The plan was praised by the mayor", "Oz has been called a charlatan": what is judged is the
        # subject, and with a verb of naming, the name given after the verb
        ends = [passive.right_edge.i] + [c.right_edge.i for c in cue.rights if c.dep_ == "oprd"]
        lo, hi = passive.left_edge.i, max(ends) + 1
        if kind.content == "naming" and hi <= cue.i:
            return None
        return Content(*_char_span(doc, lo, hi), f"{kind.cls}-object") if hi - lo >= 1 else None
    if kind.content == "naming":
        span = _naming_content(doc, cue)
        return Content(*span, f"{kind.cls}-object") if span else None
    comps = [c for c in cue.children if c.dep_ == "ccomp"] or [
        # "said *having* him back was a boost": a clause with a gerund subject, which the parse hung
        # on the verb as its open complement
        c for c in cue.rights if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i == cue.i + 1 and kind.content == "clause"
        and any(t.dep_ == "ccomp" for t in c.children)
    ] or [
        # "tweeted in the early hours *that* the plan was ...": a clause opened by "that" right of a
        # verb of saying, which the parse hung on it as an adverbial clause, is what it reports
        c for c in cue.rights if c.dep_ == "advcl" and kind.cls == "speech" and doc[c.left_edge.i].lower_ == "that"
        and c.left_edge.i > cue.i and any(t.dep_ in _SUBJECT_DEPS for t in c.children)
    ] or [
        # "said after the meeting he would not accept ...": a finite clause with a subject of its own and
        # no conjunction to subordinate it, right of a verb of saying, is its that-less complement
        c for c in cue.rights if _bare_clause(c, kind)
    ]
    if comps:
        comp = max(comps, key=lambda c: c.right_edge.i - c.left_edge.i)
        if cue.dep_ in ("relcl", "acl") and not any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") and c.lower_ not in _RELATIVE_PRONOUNS for c in comp.children
        ):
            # "the cuts (that) the panel says *are needed*": the clause's subject is the gap (the parse
            # may hang the relative "that" on the clause as its subject); what is reported is the
            # predicate after the cue, which both the GGT and PolNeAR guidelines mark as the content
            return _gap_clause(doc, cue, comp, kind, sents)
        lo = comp.left_edge.i
        if _bare_clause(comp, kind):
            # the parse hung the cue's own modifiers on the clause ("after the meeting"): its words start
            # with its subject
            lo = min(t.left_edge.i for t in comp.children if t.dep_ in _SUBJECT_DEPS)
        elif lo > cue.i and kind.content != "addressee" and not any(c.dep_ == "mark" for c in comp.children):
            lo = min(lo, _after_cue_modifiers(doc, cue, lo))  # no "that" to say where the clause starts
        hi = comp.right_edge.i + 1
        joined = [c for c in comps if c.i > cue.i]
        if len(joined) > 1 and any(_and_that(doc, c) for c in joined):
            # "told investigators he was upset *and that* the attack was meant ...": one report of both
            lo = min(lo, *(c.left_edge.i for c in joined))
            hi = max(c.right_edge.i for c in joined) + 1
        span = _clause_span(doc, cue, lo, _before_next_cue(doc, cue, lo, hi), sents)
        return Content(*span, f"{kind.cls}-clause") if span else None
    if kind.content == "object" or kind.content == "addressee" and any(c.dep_ == "xcomp" for c in cue.children):
        span = _object_content(doc, cue, sents)
        if span:
            return Content(*span, f"{kind.cls}-object")
    if kind.cls == "speech":
        span = _stated_in_clause(doc, cue, sents) if kind.content in ("clause", "addressee") else None
        if span:
            return Content(*span, f"{kind.cls}-clause")
        span = _parenthetical_content(doc, cue, sents, addressee=kind.content == "addressee")
        return Content(*span, "speech-parenthetical") if span else None
    return None


def _gap_clause(doc, cue, comp, kind: CueVerb, sents: Sentences) -> Content | None:
    """The reported predicate of a relative clause whose subject is the gap ("the cuts the panel says *are
    needed to avert a flood*", "donors, who he said *were buying favours*"): from the first word after
    the cue and its modifiers that is a verb of the clause, to the clause's end."""
    if comp.i <= cue.i:
        return None
    lo = _after_cue_modifiers(doc, cue, comp.right_edge.i + 1)
    while lo < comp.i and (doc[lo].lower_ in _RELATIVE_PRONOUNS or doc[lo].is_punct):
        lo += 1
    if lo > comp.i or doc[lo].pos_ not in ("VERB", "AUX"):
        return None
    hi = comp.right_edge.i + 1
    if cue.left_edge.i > 0 and doc[cue.left_edge.i - 1].text == ",":
        # a relative clause set off by commas ends at the next one ("The cuts, which the council says
        # will save $2 million, start in May"), however far the parse runs it
        hi = next((t.i for t in doc[lo:hi] if t.text == ","), hi)
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space) and doc[hi - 1].text not in _MARK_CHARS:
        hi -= 1
    if hi - lo < 2:
        return None
    return Content(*_char_span(doc, lo, hi), f"{kind.cls}-clause")


def _bare_clause(clause, kind: CueVerb) -> bool:
    """Is an adverbial clause right of a verb of saying its that-less reported clause: finite (a tensed
    verb or a modal), with a subject before its verb, and opened by no subordinating conjunction ("if",
    "because") or wh-adverb ("when")?"""
    if clause.dep_ != "advcl" or kind.cls != "speech" or kind.content not in ("clause", "addressee"):
        return False
    if clause.i < clause.head.i or any(c.dep_ == "mark" or c.tag_ == "WRB" for c in clause.children):
        return False  # "if", "because", or a wh-adverb ("when he resigned"): an adverbial clause
    finite = clause.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("MD", "VBD", "VBZ", "VBP") for c in clause.children)
    return finite and any(c.dep_ in _SUBJECT_DEPS and c.i < clause.i and c.i > clause.head.i for c in clause.children)


def _and_that(doc, clause) -> bool:
    """Is a second reported clause joined to the first by "and that" ("told investigators he was upset
    *and that* the attack was meant ...")? Both are one attribution's content."""
    first = clause.left_edge.i
    return (first > 0 and doc[first - 1].lower_ in ("and", "or") and doc[first].lower_ == "that"
            and doc[first].dep_ == "mark")


def _before_next_cue(doc, cue, lo: int, hi: int) -> int:
    """Where a reported clause ends when the speaker goes on to a second attribution of their own
    ("said *he would order a review* and warned against hackers", "said *she would resign*, saying
    ..."): before a cue verb in the clause that has no subject of its own, hung on it as an adverbial
    or a conjoined verb. That cue reports its own words (a second attribution, as PolNeAR and GGT
    both annotate it)."""
    for k in range(max(lo, cue.i + 1), hi):
        tok = doc[k]
        if tok.dep_ not in ("advcl", "conj") or not isinstance(_cue_of(tok), CueVerb):
            continue
        if any(c.dep_ in _SUBJECT_DEPS for c in tok.children) or _infinitive(tok):
            continue  # its own subject, or "done *to confirm* this": a purpose, not a second report
        end = tok.left_edge.i
        while end > lo and (doc[end - 1].is_punct or doc[end - 1].dep_ == "cc"):
            end -= 1
        if end > lo:
            return end
    return hi


def _infinitive(tok) -> bool:
    """Is the verb a to-infinitive ("a study was done *to confirm* it")?"""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)


def _stated_in_clause(doc, cue, sents: Sentences) -> tuple[int, int] | None:
    """ "said in a statement that ...", "said on Twitter that ...": the parse hangs the clause on the
    noun of the cue's prepositional phrase; it is still what the cue reports."""
    for prep in cue.rights:
        if prep.dep_ != "prep":
            continue
        for pobj in prep.children:
            for clause in pobj.rights:
                if clause.dep_ in ("acl", "relcl", "ccomp") and any(
                    m.dep_ == "mark" and m.lower_ == "that" for m in clause.children
                ):
                    return _clause_span(doc, cue, clause.left_edge.i, clause.right_edge.i + 1, sents)
    # "told a meeting of island leaders *that* few people understood ...": hung on the addressee
    # (or a noun of its phrase); a clause opened by "that" with a subject of its own is a complement,
    # not a relative clause ("the leaders that met")
    for obj in cue.rights:
        if obj.dep_ not in ("dobj", "dative"):
            continue
        for noun in obj.subtree:
            if noun.i != obj.i and noun.dep_ != "pobj":
                continue
            for clause in noun.rights:
                if clause.dep_ in ("acl", "relcl", "ccomp") and doc[clause.left_edge.i].lower_ == "that" and any(
                    m.dep_ == "mark" and m.lower_ == "that" for m in clause.children
                ) and any(c.dep_ in _SUBJECT_DEPS and c.lower_ not in _RELATIVE_PRONOUNS for c in clause.children):
                    return _clause_span(doc, cue, clause.left_edge.i, clause.right_edge.i + 1, sents)
    return None


def _after_cue_modifiers(doc, cue, limit: int) -> int:
    """The first token after the cue that is not in a modifier of it ("said *Thursday*", "told
    *reporters*", "said *on Monday* that"): where its reported clause starts when the parse hung
    the clause's first words on the cue ("said Thursday one of the ideas ... could save money")."""
    skip = set()
    for child in cue.rights:
        if child.i >= limit:
            break
        if child.dep_ in _CUE_MODIFIERS:
            skip.update(range(child.left_edge.i, child.right_edge.i + 1))
    i = cue.i + 1
    while i < limit and (i in skip or doc[i].is_space):
        i += 1
    return i


_CUE_MODIFIERS = ("npadvmod", "advmod", "prep", "punct", "dative", "agent", "prt", "mark", "aux", "neg", "tmod")


def _clause_span(doc, cue, lo: int, hi: int, sents: Sentences, min_tokens: int = 3) -> tuple[int, int] | None:
    if lo > cue.i and cue.dep_ in ("ROOT", "conj", "parataxis", "ccomp"):
        hi = _clause_end(doc, cue, hi, sents.end[cue.i])
    while lo < hi and (doc[lo].dep_ == "mark" or doc[lo].is_punct or doc[lo].lower_ == "that"):
        lo += 1
    hi = _before_aside(doc, lo, hi)
    while hi > lo and doc[hi - 1].is_punct and doc[hi - 1].text not in _MARK_CHARS:
        hi -= 1
    if hi - lo < min_tokens or not any(t.pos_ in ("VERB", "AUX") for t in doc[lo:hi]):
        return None
    return _char_span(doc, lo, hi)


def _before_aside(doc, lo: int, hi: int) -> int:
    """Where a reported clause ends when it closes with the writer's aside after a comma: an apposition
    that tells the reader who or what was named ("said he did not back Ruiz*, the front-runner in the
    race*"), the writer's words about the report, not the speaker's. The apposition must run to the
    clause's end. (A concessive clause, ", although ...", may be either's and stays.)"""
    for k in range(lo + 2, hi - 1):
        if doc[k].text != "," or doc[k + 1].text in _MARK_CHARS:
            continue
        head = doc[k + 1]
        while k < head.head.i < hi and head.head.i != head.i:
            head = head.head
        if head.right_edge.i + 1 < hi - 1 or not lo <= head.head.i < k:
            continue
        if head.dep_ == "appos" and head.pos_ in ("NOUN", "PROPN"):
            return k
        if head.dep_ == "relcl" and head.head.pos_ == "PROPN" and doc[k + 1].lower_ in _ASIDE_RELATIVES:
            return k  # "... to Scott, who has never faced a race": the writer's note on someone just named
    return hi


_ASIDE_RELATIVES = frozenset(("who", "whose", "which"))


def _object_content(doc, cue, sents: Sentences) -> tuple[int, int] | None:
    """ "denied *the report*", "urged *voters to stay home*", "called *for a recount*": the complements
    right of the verb, up to the first that is not one (a time, a place, a subordinate clause)."""
    lo = hi = None
    for child in cue.rights:
        ok = child.dep_ in _OBJECT_DEPS or child.dep_ == "dative" and lo is not None
        if child.dep_ == "prep" and child.lower_ in _CONTENT_PREPS and any(c.dep_ in ("pobj", "pcomp") for c in child.children):
            ok = True
        if child.dep_ in ("punct", "prt", "advmod") and lo is None:
            continue
        if child.dep_ in ("cc", "conj") and lo is not None and child.pos_ != "VERB":
            hi = child.right_edge.i + 1  # "called it "bold" and "one giant assumption""
            continue
        if not ok:
            if lo is not None:
                break
            continue
        if child.dep_ == "prep" and lo is None:
            lo = child.i + 1  # "called for X": the preposition is part of the cue
        elif lo is None:
            lo = child.left_edge.i
        hi = child.right_edge.i + 1
    if lo is None or hi is None or hi <= lo:
        return None
    hi = _before_aside(doc, lo, hi)
    hi = _without_loose_end(doc, lo, hi)
    if hi <= lo or all(t.pos_ in ("PRON", "DET") for t in doc[lo:hi]):
        return None
    return _char_span(doc, lo, hi)


def _naming_content(doc, cue) -> tuple[int, int] | None:
    """ "called *her vote in favour of the war a mistake*": what is named and the name given, from the
    object to the end of the predicative complement (a phrase the parse hung on the verb between the
    two is part of the object)."""
    parts = [c for c in cue.rights if c.dep_ in ("dobj", "oprd", "ccomp")]
    if not parts:
        return None
    lo, hi = parts[0].left_edge.i, max(c.right_edge.i for c in parts) + 1
    for child in cue.rights:
        if child.i > parts[-1].i and child.dep_ in ("cc", "conj") and child.pos_ != "VERB":
            hi = max(hi, child.right_edge.i + 1)  # "called it "bold" and "reckless""
    hi = _without_loose_end(doc, lo, hi)
    return _char_span(doc, lo, hi) if hi - lo >= 2 else None


def _without_loose_end(doc, lo: int, hi: int) -> int:
    """The end of reported words without the punctuation and the conjunction that only join them to
    what follows ("called her "disgusting" *and* referred to ...": the second verb is another report)."""
    while hi > lo and (doc[hi - 1].is_punct and doc[hi - 1].text not in _MARK_CHARS or doc[hi - 1].dep_ == "cc"):
        hi -= 1
    return hi


def _parenthetical_content(doc, cue, sents: Sentences, addressee: bool = False) -> tuple[int, int] | None:
    """ "The plan, he said, is dead." / "The plan is dead, she said later.": the sentence but the cue clause.
    A verb of telling keeps its addressee ("The plan, he *told reporters*, is dead"): the one told is
    not what was said."""
    if cue.dep_ not in ("parataxis", "ROOT") or not any(c.dep_ in _SUBJECT_DEPS for c in cue.children):
        return None
    told = ("dobj", "dative") if addressee else ()
    if any(c.dep_ in ("dobj", "xcomp", "dative", "ccomp") and not (c.dep_ in told and _addressee_like(c))
           for c in cue.children):
        return None
    s_lo, s_hi = sents.start[cue.i], sents.end[cue.i]
    c_lo, c_hi = cue.left_edge.i, cue.right_edge.i + 1
    if cue.dep_ == "ROOT":
        # the cue heads the sentence: only the words before its subject can be the reported clause
        c_lo = min(c.left_edge.i for c in cue.children if c.dep_ in _SUBJECT_DEPS)
        c_hi = s_hi
        before = [t for t in doc[s_lo:c_lo] if not t.is_punct and not t.is_space]
        adjuncts = {k for c in cue.children if c.dep_ in ("advcl", "prep", "advmod", "npadvmod", "cc")
                    for k in range(c.left_edge.i, c.right_edge.i + 1)}
        if not before or all(t.i in adjuncts for t in before) or any(c.dep_ == "neg" for c in cue.children):
            return None  # "When asked, the agency did not answer": no clause of its own is reported
    lo, hi = s_lo, s_hi
    if c_lo <= s_lo:
        lo = c_hi
    elif c_hi >= s_hi:
        hi = c_lo
    if not any(t.text == "," for t in doc[max(lo, c_lo - 1) : c_lo + 1]) and cue.dep_ == "parataxis" and lo < c_lo:
        return None
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space) and doc[lo].text not in _MARK_CHARS:
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space) and doc[hi - 1].text not in _MARK_CHARS:
        hi -= 1
    if hi - lo < 4 or "\n" in doc[lo:hi].text or not any(t.pos_ in ("VERB", "AUX") for t in doc[lo:hi]):
        return None
    return _char_span(doc, lo, hi)


def _addressee_like(tok) -> bool:
    """Can the object of a verb of telling be the one told: a person, a pronoun, a noun naming people?"""
    return tok.pos_ == "PRON" or tok.ent_type_ in ("PERSON", "ORG", "NORP") or tok.pos_ == "NOUN" and (
        is_person_noun(tok.lemma_) or tok.tag_ == "NNS")


def _noun_content(doc, noun) -> Content | None:
    """ "Trump's claim that the vote was rigged": the clause, and the noun's owner as the source."""
    clause = _noun_clause(noun)
    source = None
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN", "PRON"):
            source = child
        elif child.dep_ == "prep" and child.lower_ in ("by", "from") and source is None:
            source = next((c for c in child.children if c.dep_ == "pobj"), None)
    if clause is None or source is None:
        return None
    lo, hi = clause.left_edge.i, clause.right_edge.i + 1
    while lo < hi and (doc[lo].dep_ == "mark" or doc[lo].is_punct):
        lo += 1
    while hi > lo and doc[hi - 1].is_punct and doc[hi - 1].text not in _MARK_CHARS:
        hi -= 1
    if hi - lo < 3:
        return None
    return Content(*_char_span(doc, lo, hi), "noun", source)


def _clause_end(doc, cue, hi: int, end: int) -> int:
    """Reported speech after its cue runs to the end of the sentence ("said X, unless Y"),
    short of another cue ("..., adding that Z"), a semicolon (the next clause is the writer's)
    or a paragraph break."""
    i = hi
    while i < end:
        tok = doc[i]
        if "\n" in tok.text or tok.text == ";":
            break
        if tok.i != cue.i and _is_speech_cue(tok) and not _infinitive(tok):
            # "..., but he stressed ...": the next cue's subject is not part of this content
            subjects = [c.left_edge.i for c in tok.children if c.dep_ in _SUBJECT_DEPS and c.i < tok.i]
            i = max(hi, min(subjects + [i]))
            break
        i += 1
    while i > hi and (doc[i - 1].is_punct or doc[i - 1].is_space or doc[i - 1].dep_ in ("cc", "mark")):
        i -= 1
    return max(i, hi)


def _according_content(doc, cue, sents: Sentences) -> tuple[int, int] | None:
    """ "X happened, according to Y": the sentence without the "according to Y" phrase."""
    phrase = _according_at(doc, cue.i) or ()
    last = doc[cue.i + len(phrase) - 1]
    phrase_lo = min(cue.left_edge.i, cue.i)
    phrase_hi = max(cue.right_edge.i + 1, last.right_edge.i + 1, cue.i + len(phrase))
    obj = _according_object(doc, cue)
    if obj is not None:
        phrase_hi = max(phrase_hi, obj.right_edge.i + 1)
    s_lo, s_hi = sents.start[cue.i], sents.end[cue.i]
    opening = all(t.is_punct or t.is_space for t in doc[s_lo:phrase_lo])
    if opening and phrase_hi >= s_hi - 1:
        # "According to the union's lawyer, the offer reeks of panic": a phrase that opens the sentence
        # ends at its comma, however the parse hung the clause after it (as the object's apposition)
        comma = next((t.i for t in doc[cue.i + len(phrase) : s_hi] if t.text == ","), None)
        if comma is None:
            return None
        phrase_hi = comma + 1
    before = (s_lo, phrase_lo)
    after = (phrase_hi, s_hi)
    lo, hi = max((before, after), key=lambda r: r[1] - r[0])
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space) and doc[lo].text not in _MARK_CHARS:
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space) and doc[hi - 1].text not in _MARK_CHARS:
        hi -= 1
    if hi - lo < 4 or not (opening or any(t.pos_ in ("VERB", "AUX") for t in doc[lo:hi])):
        return None
    return _char_span(doc, lo, hi)


def _according_object(doc, cue):
    """The source of an according-phrase: the object of its last preposition."""
    phrase = _according_at(doc, cue.i) or ()
    last = doc[cue.i + len(phrase) - 1]
    for tok in (last, cue):
        objs = [c for c in tok.children if c.dep_ == "pobj"]
        if objs:
            return objs[0]
    nxt = cue.i + len(phrase)
    if nxt < len(doc) and doc[nxt].pos_ in ("PROPN", "NOUN", "DET", "ADJ", "NUM"):
        head = doc[nxt]
        while head.head.i >= nxt and head.head is not head and head.head.i < nxt + 8 and head.dep_ in ("compound", "det", "amod", "poss", "nummod"):
            head = head.head
        return head
    return None


def _char_span(doc, lo: int, hi: int) -> tuple[int, int]:
    return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)


def _partial_quotes(text: str, marked: list[Quoted], cues, contents) -> set[int]:
    """Quoted stretches that are only part of what a cue reports (absorbed into its indirect quote)."""
    absorbed: set[int] = set()
    spans = sorted(((c.start, c.end), cue.i) for cue in cues if (c := contents[cue.i]) is not None)
    starts = [s for (s, _), _ in spans]
    for qi, q in enumerate(marked):
        # contents may nest ("said that officials told her ..."): look at the few that start before q
        i = bisect.bisect_right(starts, q.start) - 1
        # a stretch inside nested contents ("said X were to *blame* for "..."") is part of the widest
        inside = len(text[q.start : q.end].split())
        for (start, end), _ in reversed(spans[max(0, i - 3) : i + 1]):
            if start <= q.start and q.end <= end + 1 and inside < _PARTIAL_SHARE * len(text[start:end].split()):
                absorbed.add(qi)
                break
    return absorbed


# -- the cue of a direct quote ----------------------------------------------------------------
def _direct_cue(doc, q: Quoted, quote_of: list[int], qi: int, sents: Sentences):
    """The cue of a quoted stretch: right after its closing mark, else before its opening mark."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    first_in, last_in = span.start, span.end - 1
    after = _cue_after(doc, last_in, quote_of, qi, sents)
    if after is not None:
        return after
    return _cue_before(doc, first_in, quote_of, sents)


def _cue_after(doc, last_in: int, quote_of: list[int], qi: int, sents: Sentences):
    i = last_in + 1
    while i < len(doc) and (quote_of[i] == qi or quote_of[i] == -2 or doc[i].is_space):
        if "\n" in doc[i].text_with_ws:
            return None  # the cue of a quote is in its paragraph
        i += 1
    if i >= len(doc):
        return None
    if _ends_sentence(doc, last_in) and doc[i].text[:1].isupper() and doc[i].pos_ != "PROPN":
        return None  # "“... policy.” The network said ...": the full stop ended the sentence; a new one begins
    sent_end = sents.end[i]
    seen = 0
    while i < sent_end and seen < _AFTER_WINDOW:
        tok = doc[i]
        if quote_of[tok.i] >= 0 or quote_of[tok.i] == -2:
            break
        if (tok.text in ".!?" and seen > 0) or "\n" in tok.text:
            break
        if _is_cue(tok):
            return tok
        seen += 1
        i += 1
    return None


def _ends_sentence(doc, last_in: int) -> bool:
    """Do the quoted words end with a full stop (a question or exclamation mark may go on: "“Why?” she
    asked")?"""
    k = last_in
    while k > 0 and doc[k].text and all(ch in _MARK_CHARS for ch in doc[k].text):
        k -= 1
    return doc[k].text.endswith(".") and not doc[k].text.endswith("..")


def _cue_before(doc, first_in: int, quote_of: list[int], sents: Sentences):
    i = first_in - 1
    while i >= 0 and (quote_of[i] == -2 or doc[i].is_space):
        if "\n" in doc[i].text_with_ws:
            return None
        i -= 1
    if i < 0:
        return None
    sent_start = sents.start[i]
    while i >= sent_start:
        tok = doc[i]
        if quote_of[tok.i] >= 0 or "\n" in tok.text_with_ws:
            return None
        if _is_cue(tok):
            return tok
        i -= 1
    return None


# -- speakers -------------------------------------------------------------------------------------
def _subject(cue):
    """The subject of a cue; for "adding that ..." or "was quoted as saying", that of the verb it hangs on.

    With two subjects ("said co-author Ann Lee"), the named one.
    """
    if _according_at(cue.doc, cue.i):
        return _according_object(cue.doc, cue)
    verb = cue
    for _ in range(4):
        if verb != cue and verb.dep_ == "ccomp" and verb.head != verb and _is_cue(verb.head):
            # "said the reservoirs were empty, *saying* ...": the one who said it, not the subject
            # of the reported clause the second cue hangs on
            verb = verb.head
        if verb == cue and any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            # "Oz has been called a charlatan", "he was criticized for ...": the subject of a passive cue
            # is who or what is judged; the one who judges is its agent ("by fellow doctors"), if named
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        # a quote mark the parse took for a subject ("“...,’’ says the founder") is none
        subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS and not c.is_punct]
        if subjects:
            named = [c for c in subjects if c.ent_type_ in _NAMED]
            return (named or subjects)[0]
        if verb.dep_ == "advcl" and verb.tag_ in ("VBN", "VBD"):
            return None  # "When asked whether ..., the agency said": the one asked is not the asker
        if verb.dep_ == "xcomp":
            # object control: "pressed Stumpf *to admit* ...", "led Ivans *to fear* ...": the object speaks
            objects = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]
            if objects:
                return objects[0]
        if verb.dep_ in ("xcomp", "advcl", "conj", "pcomp", "acl", "prep", "pobj") and verb.head != verb:
            verb = verb.head
        else:
            return None
    return None


def _speaker(doc, cue, quote_of: list[int] | None = None):
    """The speaker phrase of a cue as a spaCy Span.

    The cue's subject with its modifiers, without appositions or relative
    clauses; when the parse gives no subject that names anyone, a name right
    next to the cue ("..., DeBoer said", "said Jane Roe"). A subject inside quoted
    words (``quote_of``: a parse that took the quote's first words for the cue's
    subject) is no speaker: the speaker stands outside what is quoted.
    """
    if cue is None:
        return None
    phrase = _speaker_phrase(doc, cue, quote_of)
    if phrase is not None:
        at = cue.i if hasattr(cue, "i") else cue.start
        lo, hi = min(phrase.start, at), max(phrase.end, at)
        if any("\n" in doc[k].text_with_ws for k in range(lo, hi - 1)):
            return None  # a speaker is in its cue's paragraph (a parse across paragraphs is a misparse)
    return phrase


def _speaker_phrase(doc, cue, quote_of: list[int] | None = None):
    subj = _subject(cue)
    if subj is None:
        subj = _inverted_subject(doc, cue)
    if subj is not None and quote_of is not None and quote_of[subj.i] >= 0:
        return _adjacent_name(doc, cue)
    phrase = _phrase(doc, subj) if subj is not None else None
    if phrase is not None and subj.lower_ in ("who", "which", "that") and cue.dep_ == "relcl":
        head = _phrase(doc, cue.head)
        # "an architect who said": the phrase and its relative pronoun, where both are next to each other
        if head is not None and all(t.is_punct for t in doc[head.end : subj.i]):
            phrase = doc[head.start : subj.i + 1]
            if any(t.ent_type_ in _NAMED for t in head) or subj.pos_ == "PRON":
                return phrase
        else:
            phrase = head
    if subj is not None and subj.ent_type_ != "PERSON":
        named = _apposed_name(subj)
        if named is not None:
            return _phrase(doc, named)
    if phrase is not None and (subj.pos_ == "PRON" or any(t.ent_type_ in _NAMED for t in phrase)):
        return phrase
    return _adjacent_name(doc, cue) or phrase


def _inverted_subject(doc, cue):
    """ "“...,” points out the laid-back resident": after a quote the speaker may follow its verb, and
    the parse may take it for the verb's object; a person (a name, or a noun naming someone by role)
    right after a verb of saying that follows a closing mark or its comma, with no subject of its own."""
    if not _is_speech_cue(cue) or cue.i == 0 or not (doc[cue.i - 1].is_punct or doc[cue.i - 1].is_quote):
        return None
    for child in cue.rights:
        if child.dep_ == "prt":
            continue
        if child.dep_ == "dobj" and (child.ent_type_ == "PERSON" or child.pos_ == "NOUN" and is_person_noun(child.lemma_)):
            return child
        return None
    return None


def _apposed_name(subj):
    """The name in apposition to a subject that is not one: "The opposition leader, Victor Hale,
    said", "Keeper of the Ruler's Seal, Syed Ahmad, said" (the apposition may hang on the last noun
    of the subject's phrase), "Wise's dad, Darrin, said" (after a noun naming a person by role, a
    proper noun is the person's name, whatever entity type the model gave it)."""
    role = subj.pos_ == "NOUN" and is_person_noun(subj.lemma_)
    for child in subj.rights:
        if child.dep_ == "appos" and (child.ent_type_ == "PERSON" or role and child.pos_ == "PROPN"):
            return child
    for tok in subj.subtree:
        if tok.dep_ != "appos" or tok.i < subj.i or tok.ent_type_ != "PERSON" or tok.head.i == subj.i:
            continue
        head = tok.head
        while head.i != subj.i and head.dep_ in _IN_PHRASE:
            head = head.head
        if head.i == subj.i and any(t.text == "," for t in subj.doc[tok.head.i : tok.i]):
            return tok
    return None


_IN_PHRASE = ("prep", "pobj", "poss", "compound")  # a noun inside the subject's phrase, not in a clause on it


_NAMED = ("PERSON", "ORG", "NORP", "GPE")
_NOT_NAMES = ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")
_SKIP_BEFORE_CUE = ("advmod", "aux", "neg")


def _phrase(doc, head):
    """A noun phrase around ``head``: its left modifiers, prepositional complements, the whole entity it is in."""
    lo = head.left_edge.i
    hi = head.i + 1
    for child in head.rights:
        if child.dep_ in _SPEAKER_RIGHT_DEPS and not any(t.text == "," for t in doc[hi : child.left_edge.i]):
            hi = child.right_edge.i + 1
        else:
            break
    for tok in doc[lo:hi]:
        if tok.text == "," and tok.i > head.i:
            hi = tok.i
            break
    if head.ent_iob_ != "O":
        ent = _ent_at(doc, head.i)
        if ent is not None:
            lo, hi = min(lo, ent.start), max(hi, ent.end)
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    return doc[lo:hi] if hi > lo else None


def _ent_at(doc, i: int):
    tok = doc[i]
    if tok.ent_iob_ == "O":
        return None
    lo = i
    while lo > 0 and doc[lo].ent_iob_ == "I":
        lo -= 1
    hi = i + 1
    while hi < len(doc) and doc[hi].ent_iob_ == "I":
        hi += 1
    return doc[lo:hi]


def _adjacent_name(doc, cue):
    """A named entity or proper noun directly before the cue (adverbs and auxiliaries aside) or directly after it."""
    i = cue.i - 1
    while i >= 0 and doc[i].dep_ in _SKIP_BEFORE_CUE and doc[i].pos_ != "PROPN" and not doc[i].ent_type_:
        i -= 1
    # after the cue only when nothing else can stand there ("said Jane Roe", not "urged Jane Roe to ...")
    objects = any(c.dep_ in ("dobj", "dative", "xcomp", "oprd", "ccomp") and c.i > cue.i for c in cue.children)
    for j in (i,) if objects else (i, cue.i + 1):
        if 0 <= j < len(doc) and (doc[j].ent_type_ in _NAMED or (doc[j].pos_ == "PROPN" and doc[j].ent_type_ not in _NOT_NAMES)):
            ent = _ent_at(doc, j)
            if ent is not None:
                return ent
            lo = hi = j
            while lo > 0 and doc[lo - 1].pos_ == "PROPN":
                lo -= 1
            while hi + 1 < len(doc) and doc[hi + 1].pos_ == "PROPN":
                hi += 1
            return doc[lo : hi + 1]
    return None


def _attribute(doc, article: Article, candidates: list[Candidate], entities: list[Entity], marked: list[Quoted],
               para_starts: list[int]) -> list[Quote]:
    """Resolve each speaker in text order; carry speakers over to cue-less continuations; score each quote."""
    text = doc.text
    resolver = SpeakerResolver(doc, entities, [(q.start, q.end) for q in marked],
                               excluded=_bio_people(text, article, entities, para_starts))
    headings = _heading_spans(article)
    chain_speaker: dict[int, Quote] = {}
    quotes: list[Quote] = []
    chains: list[int | None] = []
    evidence: list[str] = []
    for cand in candidates:
        start, end = _trim(text, cand.start, cand.end)
        if end <= start:
            continue
        quote = Quote(start=start, end=end, text=text[start:end], kind=cand.kind)  # type: ignore[arg-type]
        ev = cand.evidence
        if cand.cue is not None:
            quote.cue = Span(cand.cue.idx if hasattr(cand.cue, "idx") else cand.cue.start_char,
                             _end_char(cand.cue), cand.cue.text)
        if cand.speaker is not None:
            sp = cand.speaker
            quote.speaker = Span(sp.start_char, sp.end_char, sp.text)
            entity = resolver.resolve(doc, sp, speech=_is_speech_cue(cand.cue) if hasattr(cand.cue, "i") else False)
            if entity is not None:
                resolver.speaker_seen(entity, sp.start_char, sp.end_char)
                quote.speaker_entity, quote.speaker_name = entity.id, entity.name
            elif sp.root.lower_ not in ("he", "she", "they", "it", "we", "i", "you", "who"):
                quote.speaker_name = sp.text
        elif cand.chain is not None and cand.chain in chain_speaker:
            _copy_speaker(chain_speaker[cand.chain], quote)
            ev = "direct-chain"
        elif quotes and _near(para_starts, quotes[-1].start, start) and quotes[-1].speaker_name:
            _copy_speaker(quotes[-1], quote)
            ev = "direct-near"
        if cand.chain is not None and quote.speaker_name:
            chain_speaker.setdefault(cand.chain, quote)
        quote.confidence = _confidence(ev, quote, cand, _in_any(headings, start))
        quotes.append(quote)
        chains.append(cand.chain)
        evidence.append(ev)
    _backfill_chains(chains, quotes)
    return _without_overlaps(quotes)


def _without_overlaps(quotes: list[Quote]) -> list[Quote]:
    """Quotes never overlap: where two do (an attribution nested in another's reported words), the
    surer one is kept, the longer one on a tie; the rest stay in text order."""
    order = sorted(range(len(quotes)), key=lambda i: (-(quotes[i].confidence or 0), -(quotes[i].end - quotes[i].start), i))
    kept: list[tuple[int, int]] = []
    keep: set[int] = set()
    for i in order:
        q = quotes[i]
        k = bisect.bisect_left(kept, (q.start, q.end))
        neighbours = kept[max(0, k - 1) : k + 1]
        if all(e <= q.start or q.end <= s for s, e in neighbours):
            bisect.insort(kept, (q.start, q.end))
            keep.add(i)
    return [q for i, q in enumerate(quotes) if i in keep]


def _confidence(evidence: str, quote: Quote, cand: Candidate, in_heading: bool) -> float:
    """How sure the attribution is, 0-1, from its evidence: the cue kind first, then the speaker
    (resolved to an entity, only a phrase, a pronoun left unresolved, none), an embedded question,
    a quote in a heading."""
    score = _BASE.get(evidence, 0.5)
    if cand.marked and score < 0.65:
        score = 0.65  # quoted words inside a wide attribution: someone's words are reported
    if evidence == "thought-clause" and cand.that and quote.speaker_entity is not None:
        score += 0.15  # "Pelosi believes that ...": a belief stated as a claim of someone named
    if quote.speaker_entity is not None:
        score += 0.05
    elif not quote.speaker_name and quote.kind == "direct" and quote.speaker is None:
        score -= 0.05  # words in quote marks opening a sentence are a quote, even when no one is named
    elif not quote.speaker_name:
        score -= 0.25 if quote.speaker is None else 0.1
    if cand.question:
        score -= 0.3
    if cand.negated:
        score -= 0.3
    if cand.nested:
        score -= 0.2
    if in_heading:
        score -= 0.2
    return round(min(0.99, max(0.05, score)), 2)


def _heading_spans(article: Article) -> list[tuple[int, int]]:
    return [(p.start, p.end) for p in article.paragraphs if p.kind == "heading"]


def _in_any(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in spans)


def _backfill_chains(chains: list[int | None], quotes: list[Quote]) -> None:
    """A quote run over paragraphs takes its speaker from the last stretch, where the cue usually is."""
    by_chain: dict[int, list[Quote]] = {}
    for chain, quote in zip(chains, quotes, strict=True):
        if chain is not None:
            by_chain.setdefault(chain, []).append(quote)
    for parts in by_chain.values():
        known = next((q for q in reversed(parts) if q.speaker_name), None)
        if known is not None:
            for q in parts:
                if not q.speaker_name:
                    _copy_speaker(known, q)


def _copy_speaker(src: Quote, dst: Quote) -> None:
    dst.speaker_entity, dst.speaker_name = src.speaker_entity, src.speaker_name


def _near(para_starts: list[int], prev: int, cur: int) -> bool:
    """The previous quote is in this paragraph or the one before it."""
    return bisect.bisect_right(para_starts, cur) - bisect.bisect_right(para_starts, prev) <= 1


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _end_char(cue) -> int:
    if hasattr(cue, "end_char"):
        return cue.end_char
    return cue.idx + len(cue.text)


# -- layout cues: press releases, transcripts, interviews ---------------------------------------
def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    return lo, len(text) if hi < 0 else hi


def _name_span(doc, start: int, end: int):
    """The words start..end as a span when they name someone: a person or organisation the model
    found there, or capitalised words the model tagged as proper nouns."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0 or len(span) > 6:
        return None
    if any(t.ent_type_ in ("PERSON", "ORG") for t in span) or all(t.pos_ == "PROPN" for t in span if t.is_alpha):
        return span
    return None


def _layout_speaker(doc, text: str, q: Quoted, para_starts: list[int]):
    """The speaker a page's layout gives a quote with no cue: "“…” – Jan Roe, Partner" after it,
    "Jan Roe: “…”" before it, or a line above that is only a name (a quote under its speaker's name)."""
    lo, hi = _line_bounds(text, q.start)
    after = text[q.end : hi].lstrip("\"'\u201d\u00bb\u203a\u2019.,!? \t")
    m = _DASH_NAME.match(after)
    if m:
        start = hi - len(after) + m.start(1)
        return _name_span(doc, start, start + len(m.group(1)))
    if not after.strip():
        # the "– Jan Roe, Partner" line under a quote that fills its paragraph
        k = bisect.bisect_right(para_starts, q.start)
        if k < len(para_starts):
            n_lo, n_hi = _line_bounds(text, para_starts[k])
            m = _DASH_NAME.match(text[n_lo:n_hi])
            if m:
                return _name_span(doc, n_lo + m.start(1), n_lo + m.end(1))
    before = text[lo : q.start].rstrip("\"'\u201c\u201e\u00ab\u2039\u2018 \t")
    m = _LINE_SPEAKER.match(before + " x") if before.endswith(":") else None
    if m and not _label(m.group(1)):
        return _name_span(doc, lo + m.start(1), lo + m.end(1))
    if before.strip() or lo == 0:
        return None
    i = bisect.bisect_left(para_starts, lo) - 1
    if i < 0:
        return None
    p_lo, p_hi = _line_bounds(text, para_starts[i])
    line = text[p_lo:p_hi]
    m = _NAME_LINE.match(line)
    if m and len(line.split()) <= 10 and not any(ch in line for ch in "\"\u201c\u201d"):
        span = _name_span(doc, p_lo + m.start(1), p_lo + m.end(1))
        if span is not None and any(t.ent_type_ == "PERSON" for t in span):
            return span
    return None


def _transcript_label(doc, text: str, q: Quoted):
    """A quoted transcript line ("“PENCE: Well, look ...”"): where the words start, and the speaker."""
    m = _LINE_SPEAKER.match(text[q.start : q.end])
    name = m.group(1) if m else ""
    if not name or _label(name) or not (name.isupper() and len(name) > 1):
        return q.start, None
    return q.start + m.end(), doc.char_span(q.start + m.start(1), q.start + m.end(1), alignment_mode="expand")


def _turn_end(doc, text: str, marked: list[Quoted], qi: int, in_turn: set[int]) -> int:
    """Where a quoted transcript turn ("“PENCE: Well, look ...") ends: its speaker's words run to the
    end of the line, whatever is quoted inside them (“Shark Tank.”), and on through the paragraphs
    after it that open with a quote mark and no label of their own (the news convention for one
    passage over several paragraphs), up to the next speaker's label. The stretches inside are part
    of the turn (``in_turn``)."""
    _, end = _line_bounds(text, marked[qi].start)
    j = qi + 1
    while True:
        while j < len(marked) and marked[j].start < end:
            in_turn.add(j)
            j += 1
        if j >= len(marked):
            break
        q = marked[j]
        lo, hi = _line_bounds(text, q.start)
        if text[end:lo].strip() or text[lo : q.start].strip(" \t" + "".join(_MARK_CHARS)):
            break  # a paragraph in between, or words before the mark: the turn is over
        if not text[lo : q.start].strip(" \t") or _transcript_label(doc, text, q)[1] is not None:
            break  # no opening mark, or the next speaker's turn
        end = hi
    end_trimmed = end
    while end_trimmed > 0 and (text[end_trimmed - 1] in _MARK_CHARS or text[end_trimmed - 1].isspace()):
        end_trimmed -= 1
    return end_trimmed


def _label(word: str) -> str | None:
    """The role of a line label ("Q", "A", "Note"): question, answer, other; None for a speaker's name."""
    return _line_labels().get(" ".join(word.lower().split()))


def _line_labels() -> dict[str, str]:
    return lang.mapping("quote_line_labels", "label", "role")


def _transcript_lines(doc, text: str, marked: list[Quoted], entities: list[Entity]) -> list[Candidate]:
    """ "WALLACE: Let's start ..." and "A: We ..." lines: the words after the colon are the speaker's.

    A name before the colon must be one (a person the model found, or a name in capitals);
    an interview's answers (A:) are the interviewee's, the person named most outside the lines;
    its questions (Q:) are left out, their asker is seldom named.
    """
    out: list[Candidate] = []
    answers: list[tuple[int, int]] = []
    starts = [q.start for q in marked]
    lines = list(_CONTENT_LINE.finditer(text))
    labels = Counter(m.group(1) for line in lines if (m := _LINE_SPEAKER.match(line.group())))
    # "Q. ..." / "A. ...": an interview's labels with a full stop, only when the page has both
    dotted = Counter(m.group(1) for line in lines if (m := _QA_DOT.match(line.group())))
    surnames = {surname(split_title(e.name)[1]).lower() for e in entities if e.type == "PERSON" and split_title(e.name)[1]}
    for line in lines:
        m = _LINE_SPEAKER.match(line.group())
        if not m and dotted["Q"] and dotted["A"]:
            m = _QA_DOT.match(line.group())
        if not m:
            continue
        lo, hi = line.start() + m.end(), line.end()
        k = bisect.bisect_left(starts, lo)
        if k < len(starts) and starts[k] <= lo + 2:
            continue  # the words are a quote in marks: the layout cue of that quote names the speaker
        if len(text[lo:hi].split()) < 3:
            continue
        name, role = m.group(1), _label(m.group(1))
        if role == "answer":
            answers.append((lo, hi))
        elif role is None:
            start = line.start() + m.start(1)
            if name.isupper() and len(name) > 1 and (labels[name] > 1 or name.lower() in surnames):
                # a name in capitals is a transcript's speaker label when it labels several lines or is
                # the surname of someone the page names ("ENERGY: ..." in a market report is not)
                span = doc.char_span(start, start + len(name), alignment_mode="expand")
            else:
                span = _name_span(doc, start, start + len(name))
                span = span if span is not None and any(t.ent_type_ == "PERSON" for t in span) else None
            if span is not None:
                out.append(Candidate(lo, hi, "direct", None, span, None, "direct-layout"))
    if answers:
        speaker = _interviewee(doc, entities, answers)
        out += [Candidate(lo, hi, "direct", None, speaker, None,
                          "direct-layout" if speaker is not None else "direct-bare") for lo, hi in answers]
    return out


def _headline_claims(doc, text: str, article: Article, entities: list[Entity],
                     found: list[Candidate]) -> list[Candidate]:
    """ "Pence: Flowers Won't Be at Debate", "Poll: Voters Back the Plan": a headline (the text's first
    line, or a heading) that puts a claim after a speaker and a colon gives the claim to the speaker.
    The model seldom finds names in a headline's capitals, so the speaker must be someone the article
    names (a person, organisation or group whose name or surname it is) or a document ("Poll",
    "Report"); a label ("Review:", "Watch:") is no speaker."""
    lines = [m for m in _CONTENT_LINE.finditer(text)][:1]
    lines += [m for p in article.paragraphs if p.kind == "heading" for m in [_CONTENT_LINE.match(text, p.start)] if m]
    taken = {c.start for c in found}
    names = set()
    for e in entities:
        if e.type in ("PERSON", "ORG", "NORP", "GPE"):
            name = " ".join(e.name.lower().split())
            names.add(name)
            if e.type == "PERSON" and split_title(e.name)[1]:
                names.add(surname(split_title(e.name)[1]).lower())
    out: list[Candidate] = []
    for line in lines:
        m = _LINE_SPEAKER.match(line.group())
        if not m or _label(m.group(1)) or line.start() + m.end() in taken:
            continue
        lo, hi = line.start() + m.end(), line.end()
        words = text[lo:hi].split()
        name = " ".join(m.group(1).lower().split())
        if not 3 <= len(words) <= 25 or not (name in names or name.split()[-1] in DOCUMENT_NOUNS):
            continue
        span = doc.char_span(line.start() + m.start(1), line.start() + m.end(1), alignment_mode="expand")
        if span is not None:
            out.append(Candidate(lo, hi, "indirect", None, span, None, "heading-colon"))
    return out


def _interviewee(doc, entities: list[Entity], lines: list[tuple[int, int]]):
    """The person an interview's answers belong to: the one named most often outside its lines."""
    def outside(m: Span) -> bool:
        return not any(lo <= m.start < hi for lo, hi in lines)

    people = [(sum(outside(m) for m in e.mentions), e) for e in entities if e.type == "PERSON"]
    people = [(n, e) for n, e in people if n]
    if not people:
        return None
    best = max(people, key=lambda p: p[0])[1]
    first = next(m for m in best.mentions if outside(m))
    return doc.char_span(first.start, first.end, alignment_mode="expand")


def _bio_people(text: str, article: Article, entities: list[Entity], para_starts: list[int]) -> set[str]:
    """Ids of the people who are the page's authors, or named only in an author's biography
    ("Jane Roe is a reporter ..."): never the antecedent of a speaker."""
    authors = {" ".join(a.lower().split()) for a in article.authors}
    bio_words = lang.words("quote_bio_words")
    bios = []
    for lo in para_starts:
        hi = text.find("\n", lo)
        hi = len(text) if hi < 0 else hi
        para = text[lo:hi].lower()
        words = set(re.findall(r"[a-z]+", para))
        if (bio_words & words) and re.search(r"\b(is|was) an? \b|^by |^about the author", para):
            bios.append((lo, hi))
    out = set()
    for e in entities:
        if e.type != "PERSON":
            continue
        if " ".join(e.name.lower().split()) in authors or (
            bios and e.mentions and all(any(lo <= m.start < hi for lo, hi in bios) for m in e.mentions)
        ):
            out.add(e.id)
    return out
