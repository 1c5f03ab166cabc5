"""Language of the extracted text (not the page's claim), with a probability."""

from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

MIN_RELIABLE_CHARS = 200


@cache
def _identifier() -> LanguageIdentifier:
    # The model ships inside the py3langid package: nothing is downloaded.
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, probability 0..1); (None, 0.0) for text with no letters."""
    if not any(ch.isalpha() for ch in text):
        return None, 0.0
    lang, prob = _identifier().classify(text[:20_000])
    return lang, round(float(prob), 4)
