"""Language identification (py3langid: a model shipped in its PyPI package, no download)."""

from __future__ import annotations

from functools import cache


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, hint: str | None = None) -> str | None:
    """ISO 639-1 code of the text, or the page's declared language when the text is too short to tell."""
    sample = text[:5000]
    hint = (hint or "").split("-")[0].split("_")[0].lower() or None
    if len(sample.strip()) < 20:
        return hint
    lang, prob = _identifier().classify(sample)
    if prob < 0.5 and hint:
        return hint
    return lang
