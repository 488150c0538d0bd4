"""The attribute ruler and the lemmatizer as look-ups (nlp/ruler.py) give exactly what the components
themselves give: ``nlp(text)`` runs the originals, ``nlp.pipe`` the look-ups."""

from __future__ import annotations

from pathlib import Path

from dateline.nlp import load_nlp
from dateline.nlp.ruler import install

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
# words the ruler's exceptions are about: contractions, "gonna", "let's", auxiliaries, spaces, pronouns
EXCEPTIONS = (
    "I ain't gonna say it, y'all. Let's go: it gets worse, and he got it. C'mon, you did have it done!\n\n"
    "There is a deal that they do want, but it was not signed.  It was I who told you; they gave it to me."
)


def annotation(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in doc]


def test_the_look_ups_are_installed_and_give_the_components_own_annotation():
    nlp = load_nlp()
    assert install(nlp) == ["attribute_ruler", "lemmatizer"]
    texts = [EXCEPTIONS, *(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt")))]
    assert len(texts) > 2
    for text, piped in zip(texts, nlp.pipe(texts), strict=True):
        assert annotation(piped) == annotation(nlp(text))


def test_the_exceptions_are_applied():
    nlp = load_nlp()
    [doc] = nlp.pipe([EXCEPTIONS])
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["gon"] == "go" and lemmas["got"] == "get" and lemmas["ai"] == "be"
    assert any(t.pos_ == "SPACE" for t in doc)


def test_the_look_ups_give_what_spacys_own_components_give_on_a_pipeline_of_their_own():
    """Against a pipeline spaCy loaded and nothing touched (its lemmatizer's index as lists): the same
    tags, morphology, lemmas, parse and entities, through nlp.pipe."""
    import spacy

    from dateline.config import settings

    plain = spacy.load(settings.spacy_model)
    ours = spacy.load(settings.spacy_model)
    assert install(ours) == ["attribute_ruler", "lemmatizer"]
    index = ours.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(isinstance(words, frozenset) for words in index.values())
    assert all(isinstance(words, list) for words in plain.get_pipe("lemmatizer").lookups.get_table("lemma_index").values())
    texts = [EXCEPTIONS, *(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt")))]
    for piped, original in zip(ours.pipe(texts), plain.pipe(texts), strict=True):
        assert annotation(piped) == annotation(original)


def test_a_process_that_parses_asks_for_no_huge_pages():
    import os

    import numpy as np
    import pytest

    from dateline.config import settings
    from dateline.nlp.memory import tune

    if "NUMPY_MADVISE_HUGEPAGE" in os.environ or not settings.tune_memory:
        pytest.skip("the environment chose NumPy's huge-page setting")

    load_nlp()
    tune()  # once per process: a second call changes nothing
    assert np._core.multiarray._get_madvise_hugepage() is False
