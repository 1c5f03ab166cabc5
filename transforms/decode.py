"""Bytes -> text: the page's own declaration first, then detection; refuse what no charset explains."""

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([a-zA-Z0-9_\-:.]+)", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
MAX_BAD_CHAR_RATIO = 0.01


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    declared: str | None  # what the page or header said, when it said anything


class DecodeError(ValueError):
    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def _lookup(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.decode("ascii", "ignore") if isinstance(name, bytes) else name).name
    except LookupError:
        return None


# Python codec names of single-byte charsets a stale declaration names where the bytes are UTF-8.
SINGLE_BYTE_LEGACY = frozenset(
    {"iso8859-1", "iso8859-15", "cp1252", "iso8859-2", "cp1250", "iso8859-9", "cp1254", "ascii"}
)


def _is_utf8_with_multibyte(body: bytes) -> bool:
    if body.isascii():
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 32)])


def looks_binary(body: bytes) -> bool:
    head = body[:4096]
    if any(head.startswith(bom) for bom, _ in _BOMS[1:]):
        return False
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return b"\x00" in head or controls > len(head) * 0.05


def _bad_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(ch == "\ufffd" or (ord(ch) < 32 and ch not in "\n\r\t") for ch in text)
    return bad / len(text)


def decode_html(body: bytes, content_type: str | None = None) -> Decoded:
    """Decode a page; raises DecodeError(reason, detail) for binary or undecodable bytes."""
    if looks_binary(body):
        raise DecodeError("not_html", "binary content (control bytes in the first 4 KB)")
    for bom, name in _BOMS:
        if body.startswith(bom):
            return Decoded(body.decode(name, errors="replace"), name, name)
    header = _HEADER_CHARSET.search(content_type or "")
    meta = _META_CHARSET.search(body[:8192])
    declared = _lookup(header.group(1) if header else None) or _lookup(meta.group(1) if meta else None)
    order = (declared, "utf-8")
    if declared in SINGLE_BYTE_LEGACY and _is_utf8_with_multibyte(body):
        # Bytes that are valid UTF-8 and use its multi-byte sequences are UTF-8, whatever the page or server
        # says: text in a legacy single-byte charset is almost never valid UTF-8 once it has any accented
        # letter, while pages saved or served as UTF-8 under a stale "iso-8859-1" declaration are common
        # (read as declared they become "fÃ¼r").
        order = ("utf-8", declared)
    for candidate in dict.fromkeys(c for c in order if c):
        try:
            return Decoded(body.decode(candidate), candidate, declared)
        except UnicodeDecodeError:
            continue
    best = charset_normalizer.from_bytes(body[:200_000]).best()
    if best is not None and best.encoding:
        text = body.decode(best.encoding, errors="replace")
        if _bad_ratio(text) <= MAX_BAD_CHAR_RATIO and best.chaos < 0.2:
            return Decoded(text, codecs.lookup(best.encoding).name, declared)
    said = f"declared {declared}" if declared else "no charset declared"
    raise DecodeError("undecodable", f"bytes are not valid in any detected charset ({said})")
