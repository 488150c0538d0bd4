"""Quotes: direct and reported speech with its cue, speaker and speaker entity.

The method, in one pass over the parse:

1. Quoted stretches come from the marks (:mod:`.marks`), robust to broken marks.
2. Cues are verbs of saying (:mod:`.cues`) outside quoted words, and "according to".
   A cue's clausal complement ("said *that the talks went well*") is its content.
3. A quoted stretch that is only part of a cue's content ("said relations were in
   "profound tension" then") is a partial quote: the whole content is the quote.
4. Any other quoted stretch is a direct quote. Its cue is the nearest one right
   after the closing mark (`"...," she said`) or before the opening mark
   (`She said: "..."`) in the same sentence. With no cue, it continues the speaker
   of the previous quote when that one is in the same or the previous paragraph
   (a paragraph that is nothing but a quote continues the previous speaker), and
   the stretches of one quote run over several paragraphs share one speaker.
5. A cue not used by a direct quote gives an indirect quote: its content.
6. The speaker is the cue's subject (or, for "adding that ...", its governing
   verb's subject); :class:`.coref.SpeakerResolver` maps it to an entity, also
   when it is a pronoun, a role or a misspelt surname.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..model import Article, Entity, Quote, Span
from .coref import SpeakerResolver
from .cues import ACCORDING, CLAUSE_ONLY, PARTICLE_VERBS, SPEECH_VERBS
from .marks import Quoted, quoted_spans

_MARK_CHARS = set("\"'\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a\u2018\u2019`")
_TRIM = " \t\r\n,;:\u2013\u2014-"
_PARTIAL_SHARE = 0.8  # a quoted stretch covering less of a cue's content than this is a partial quote
_MIN_WORDS = 4  # a quoted stretch shorter than this needs a cue to count as a quote
_MIN_CUED_WORDS = 2  # a cued one-word stretch is a term ("the so-called "reset""), unless it is a whole reply
_QUESTION_WORDS = frozenset("whether if what why how who whom which when where".split())
_AFTER_WINDOW = 30  # tokens after a closing mark in which its cue is looked for
_CONTENT_LINE = re.compile(r"[^\n]*\w[^\n]*")
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_SPEAKER_RIGHT_DEPS = ("prep", "compound", "flat", "pobj", "nmod")


@dataclass
class Candidate:
    start: int
    end: int
    kind: str
    cue: object | None = None  # spaCy Token or Span of the cue
    speaker: object | None = None  # spaCy Span of the speaker phrase
    chain: int | None = None


class Sentences:
    """Sentence bounds per token, computed once (``Token.sent`` walks the document on each call)."""

    def __init__(self, doc) -> None:
        self.start = [0] * len(doc)
        self.end = [0] * len(doc)
        for sent in doc.sents:
            for i in range(sent.start, sent.end):
                self.start[i], self.end[i] = sent.start, sent.end


def extract_quotes(doc, article: Article, entities: list[Entity]) -> list[Quote]:
    text = doc.text
    sents = Sentences(doc)
    marked = quoted_spans(text)
    quote_of = _token_quotes(doc, marked)
    cues = [t for t in doc if quote_of[t.i] < 0 and _is_cue(t)]
    contents = {cue.i: _content(doc, cue, sents) for cue in cues}
    absorbed = _partial_quotes(text, marked, cues, contents)

    candidates: list[Candidate] = []
    used_cues: set[int] = set()
    for qi, q in enumerate(marked):
        if qi in absorbed:
            continue
        cue = _direct_cue(doc, q, quote_of, qi, sents)
        if not _quote_worthy(text, q, cue is not None):
            continue
        if cue is not None:
            used_cues.add(cue.i)
        candidates.append(Candidate(q.start, q.end, "direct", _cue_span(doc, cue), _speaker(doc, cue), q.chain))
    direct_spans = [(c.start, c.end) for c in candidates]
    for cue in cues:
        if cue.i in used_cues or contents[cue.i] is None:
            continue
        start, end = contents[cue.i]
        if any(s < end and start < e for s, e in direct_spans):
            continue
        speaker = _speaker(doc, cue)
        first_word = text[start:end].split(maxsplit=1)[:1]
        if speaker is None or not first_word or first_word[0].lower() in _QUESTION_WORDS:
            continue  # a clause with no one saying it, or an embedded question ("asked whether ...")
        candidates.append(Candidate(start, end, "indirect", _cue_span(doc, cue), speaker))
    candidates.sort(key=lambda c: c.start)
    return _attribute(doc, candidates, entities, marked)


def _cue_span(doc, cue):
    """The words of the cue: the verb, or both words of "according to"."""
    if cue is not None and cue.lower_ == ACCORDING[0]:
        return doc[cue.i : cue.i + 2]
    return cue


def _quote_worthy(text: str, q: Quoted, cued: bool) -> bool:
    """Is a quoted stretch speech rather than a term in scare quotes?

    With a cue: two words or more, or one word that is a whole reply ("No," she said).
    Without one: four words or more, opening a sentence of its own (a fragment
    inside someone else's sentence with no cue is a term or a title).
    """
    inner = text[q.start : q.end]
    words = len(inner.split())
    if cued:
        return words >= _MIN_CUED_WORDS or inner.rstrip()[-1:] in ",.!?"
    if words < _MIN_WORDS:
        return False
    before = text[: max(0, q.start - 1)].rstrip(" \t\"'\u201c\u201e\u00ab\u2018")
    return not before or before[-1] in "\n.!?:;\u201d\""


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


def _is_cue(tok) -> bool:
    lemma = tok.lemma_.lower()
    if tok.lower_ == ACCORDING[0]:
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return nxt is not None and nxt.lower_ == ACCORDING[1]
    if lemma not in SPEECH_VERBS or tok.pos_ not in ("VERB", "AUX") and lemma != "say":
        return False
    particle = PARTICLE_VERBS.get(lemma)
    if particle and not any(c.dep_ == "prt" and c.lower_ == particle for c in tok.children):
        return False
    return not (lemma in CLAUSE_ONLY and not any(c.dep_ == "ccomp" for c in tok.children))


# -- content of a cue ---------------------------------------------------------------------------
def _content(doc, cue, sents: Sentences) -> tuple[int, int] | None:
    """Character span of what the cue reports: its clausal complement, or the clause "according to" hangs on."""
    if cue.lower_ == ACCORDING[0]:
        return _according_content(doc, cue, sents)
    comps = [c for c in cue.children if c.dep_ == "ccomp"]
    if not comps:
        return None
    comp = max(comps, key=lambda c: c.right_edge.i - c.left_edge.i)
    lo, hi = comp.left_edge.i, comp.right_edge.i + 1
    if lo > cue.i:
        hi = _clause_end(doc, cue, hi, sents.end[cue.i])
    while lo < hi and (doc[lo].dep_ == "mark" or doc[lo].is_punct or doc[lo].lower_ == "that"):
        lo += 1
    while hi > lo and doc[hi - 1].is_punct and doc[hi - 1].text not in _MARK_CHARS:
        hi -= 1
    if hi - lo < 3 or not any(t.pos_ in ("VERB", "AUX") for t in doc[lo:hi]):
        return None
    return _char_span(doc, lo, hi)


def _clause_end(doc, cue, hi: int, end: int) -> int:
    """Reported speech after its cue runs to the end of the sentence ("said X, unless Y"),
    short of another cue ("..., adding that Z") or a paragraph break."""
    i = hi
    while i < end:
        tok = doc[i]
        if "\n" in tok.text or (tok.i != cue.i and _is_cue(tok)):
            break
        i += 1
    while i > hi and (doc[i - 1].is_punct or doc[i - 1].is_space or doc[i - 1].dep_ in ("cc", "mark")):
        i -= 1
    return max(i, hi)


def _according_content(doc, cue, sents: Sentences) -> tuple[int, int] | None:
    """ "X happened, according to Y": the sentence without the "according to Y" phrase."""
    phrase_lo, phrase_hi = cue.left_edge.i, cue.right_edge.i + 1
    to = cue.nbor(1)
    phrase_hi = max(phrase_hi, to.right_edge.i + 1)
    before = (sents.start[cue.i], phrase_lo)
    after = (phrase_hi, sents.end[cue.i])
    lo, hi = max((before, after), key=lambda r: r[1] - r[0])
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space) and doc[lo].text not in _MARK_CHARS:
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space) and doc[hi - 1].text not in _MARK_CHARS:
        hi -= 1
    if hi - lo < 4 or not any(t.pos_ in ("VERB", "AUX") for t in doc[lo:hi]):
        return None
    return _char_span(doc, lo, hi)


def _char_span(doc, lo: int, hi: int) -> tuple[int, int]:
    return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)


def _partial_quotes(text: str, marked: list[Quoted], cues, contents) -> set[int]:
    """Quoted stretches that are only part of what a cue reports (absorbed into its indirect quote)."""
    absorbed: set[int] = set()
    spans = sorted((span, cue.i) for cue in cues if (span := contents[cue.i]) is not None)
    starts = [s for (s, _), _ in spans]
    for qi, q in enumerate(marked):
        # contents may nest ("said that officials told her ..."): look at the few that start before q
        i = bisect.bisect_right(starts, q.start) - 1
        for (start, end), _ in reversed(spans[max(0, i - 3) : i + 1]):
            if start <= q.start and q.end <= end + 1:
                inside = len(text[q.start : q.end].split())
                whole = len(text[start:end].split())
                if inside < _PARTIAL_SHARE * whole:
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
    """The subject of a cue; for "adding that ..." or "was quoted as saying", that of the verb it hangs on."""
    if cue.lower_ == ACCORDING[0]:
        to = cue.nbor(1)
        objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in cue.children if c.dep_ == "pobj"]
        return objs[0] if objs else None
    verb = cue
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
        if subjects:
            return subjects[0]
        if verb.dep_ in ("xcomp", "advcl", "conj", "pcomp", "acl", "prep", "pobj") and verb.head is not verb:
            verb = verb.head
        else:
            return None
    return None


def _speaker(doc, cue):
    """The speaker phrase of a cue as a spaCy Span.

    The cue's subject with its modifiers, without appositions or relative
    clauses; when the parse gives no subject that names anyone, a name right
    next to the cue ("..., DeBoer said", "said Jane Roe").
    """
    if cue is None:
        return None
    subj = _subject(cue)
    phrase = _phrase(doc, subj) if subj is not None else None
    if phrase is not None and subj.lower_ in ("who", "which", "that") and cue.dep_ == "relcl":
        phrase = _phrase(doc, cue.head)
    if phrase is not None and (subj.pos_ == "PRON" or any(t.ent_type_ in _NAMED for t in phrase)):
        return phrase
    if subj is not None:
        # "The opposition leader, Victor Hale, said": the name in apposition
        for child in subj.rights:
            if child.dep_ == "appos" and child.ent_type_ == "PERSON":
                return _phrase(doc, child)
    return _adjacent_name(doc, cue) or phrase


_NAMED = ("PERSON", "ORG", "NORP", "GPE")
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
    for j in (i, cue.i + 1):
        if 0 <= j < len(doc) and (doc[j].ent_type_ in _NAMED or (doc[j].pos_ == "PROPN" and not doc[j].ent_type_)):
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


def _attribute(doc, candidates: list[Candidate], entities: list[Entity], marked: list[Quoted]) -> list[Quote]:
    """Resolve each speaker in text order; carry speakers over to cue-less continuations."""
    text = doc.text
    resolver = SpeakerResolver(doc, entities, [(q.start, q.end) for q in marked])
    para_starts = [m.start() for m in _CONTENT_LINE.finditer(text)]
    chain_speaker: dict[int, Quote] = {}
    quotes: list[Quote] = []
    chains: list[int | None] = []
    for cand in candidates:
        start, end = _trim(text, cand.start, cand.end)
        if end <= start:
            continue
        quote = Quote(start=start, end=end, text=text[start:end], kind=cand.kind)  # type: ignore[arg-type]
        if cand.cue is not None:
            quote.cue = Span(cand.cue.idx if hasattr(cand.cue, "idx") else cand.cue.start_char,
                             _end_char(cand.cue), cand.cue.text)
        if cand.speaker is not None:
            sp = cand.speaker
            quote.speaker = Span(sp.start_char, sp.end_char, sp.text)
            entity = resolver.resolve(doc, sp)
            if entity is not None:
                resolver.speaker_seen(entity, sp.start_char, sp.end_char)
                quote.speaker_entity, quote.speaker_name = entity.id, entity.name
            elif sp.root.lower_ not in ("he", "she", "they", "it", "we", "i", "you"):
                quote.speaker_name = sp.text
        elif cand.chain is not None and cand.chain in chain_speaker:
            _copy_speaker(chain_speaker[cand.chain], quote)
        elif quotes and _near(para_starts, quotes[-1].start, start):
            _copy_speaker(quotes[-1], quote)
        if cand.chain is not None and quote.speaker_name:
            chain_speaker.setdefault(cand.chain, quote)
        quotes.append(quote)
        chains.append(cand.chain)
    _backfill_chains(chains, quotes)
    return quotes


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
