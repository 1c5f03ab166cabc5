"""spaCy pipelines, loaded once per process with only what NER needs. Nothing is ever downloaded."""

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
    if importlib.util.find_spec(name) is None:
        raise ModelMissing(
            f"spaCy pipeline {name!r} is not installed; install its package (newsetl never downloads models)"
        )
    import spacy  # here: ~1 s of imports, which a run with no new article to tag does not pay

    nlp = spacy.load(name, exclude=NOT_NEEDED_FOR_NER)
    if "ner" not in nlp.pipe_names:
        raise ModelMissing(f"spaCy pipeline {name!r} has no 'ner' component")
    return nlp


def model_label(nlp) -> str:
    return f"{nlp.meta.get('lang', '?')}_{nlp.meta.get('name', '?')} {nlp.meta.get('version', '?')}"
