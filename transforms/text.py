"""Text normalisation, hashing and near-duplicate keys: small, pure, deterministic."""

import hashlib
import re
import unicodedata

import numpy as np

_WORD = re.compile(r"\w+", re.UNICODE)
_SPACES = re.compile(r"[ \t\u00a0]+")
# Unicode category Cc is exactly U+0000-001F and U+007F-009F; tab and line breaks are kept.
_CONTROLS = dict.fromkeys(c for c in (*range(0x20), *range(0x7F, 0xA0)) if chr(c) not in "\t\n\r")


def normalise(text: str) -> str:
    """NFC, no stray control characters, single spaces inside lines, no blank runs of lines."""
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_CONTROLS)
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


# Scripts written without spaces between words: Han, kana, Hangul syllables, Thai.
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
CHARS_PER_UNSPACED_WORD = 2


def count_words(text: str) -> int:
    """Words in a text: space-separated tokens, plus one per two characters of scripts written without spaces
    (a Japanese or Chinese word averages about two characters), so such pages are not all 'too short'."""
    unspaced = len(_UNSPACED.findall(text))
    spaced = len(_UNSPACED.sub(" ", text).split())
    return spaced + unspaced // CHARS_PER_UNSPACED_WORD


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def sha256_hex(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def short_id(*parts: str) -> str:
    """A stable 16-hex-digit id (64 bits) from string parts."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def simhash(text: str, shingle: int = 3) -> int:
    """64-bit simhash over word shingles: near-identical texts differ in few bits."""
    tokens = words(text)
    grams = [" ".join(tokens[i : i + shingle]) for i in range(max(1, len(tokens) - shingle + 1))]
    digests = b"".join(hashlib.blake2b(g.encode("utf-8"), digest_size=8).digest() for g in grams)
    hashes = np.frombuffer(digests, dtype=">u8")
    bits = (hashes[:, None] >> np.arange(64, dtype=np.uint64)) & np.uint64(1)  # one row per shingle
    votes = 2 * bits.sum(axis=0, dtype=np.int64) - len(grams)
    return int(sum(1 << bit for bit in np.flatnonzero(votes > 0).tolist()))


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()
