"""Loading spaCy pipelines: the French tokenizer's huge pattern compiled with each character class optimised
once gives the same matches, and the `re` module is left as it was."""

import random
import re

from spacy.lang.char_classes import ALPHA, ALPHA_LOWER

from flows.models import charsets_compiled_once

HYPHENS = "-–—‐‑"  # as in fr_core_news_sm's pattern


def test_patterns_compiled_with_classes_optimised_once_match_the_same_strings():
    # the shape of fr_core_news_sm's token_match: anchored words, a hyphen, then runs of letters, case-insensitive
    words = ["vill(?:e|eneuve|ers)", "a", "anti", "porte", "[ée]co", "(?:re)?doubles?", "Marie", "La Chapelle"]
    alternatives = [f"^{w}[{HYPHENS}][{ALPHA_LOWER}]+$" for w in words] + [f"^[{ALPHA}]+[{HYPHENS}][{ALPHA}]+$"]
    alternatives += ["^x[a-z]+$", "^y[a-zé]+$", "^z[a-zé]+$", "^w[a-zéß]+$"]  # classes alike but for their end
    pattern = "(?iu)" + "|".join(f"(?:{a})" for a in alternatives)
    re.purge()
    plain = re.compile(pattern)
    optimise = re._compiler._optimize_charset
    with charsets_compiled_once():
        re.purge()
        once = re.compile(pattern)
    assert re._compiler._optimize_charset is optimise  # put back
    assert once is not plain
    rng = random.Random(7)
    letters = "abcdefxyzéèçÀÉŒßİıſKΣσςЖж漢字ｱ-–‐'’ 1"
    samples = [
        w.strip("^$") for w in ("villeneuve-sur-lot", "Ville-Marie", "anti-âge", "ÉCO-quartier", "redoubles-ΣΑΣ")
    ]
    samples += ["".join(rng.choice(letters) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    samples += ["xé", "yé", "zÉ", "wß", "wẞ", "xab"]
    samples += [
        f"{w}-{rng.choice(['âge', 'ÉTÉ', 'ſtraße', 'İstanbul', '漢字', 'x1'])}" for w in ("a", "porte", "Marie")
    ]
    assert [bool(plain.match(s)) for s in samples] == [bool(once.match(s)) for s in samples]
    assert sum(bool(plain.match(s)) for s in samples) > 10  # the samples do reach the hyphenated words
