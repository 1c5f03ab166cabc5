"""Canonical URLs and the ids derived from them."""

from contextlib import suppress
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from courlan import normalize_url

from transforms.text import short_id

TRACKING_PARAMS = {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref", "ref_src", "cmpid"}
TRACKING_PREFIXES = ("utm_", "pk_", "at_", "ga_")
DEFAULT_PORTS = {"http": 80, "https": 443}


def http_url(url: str, base: str | None = None) -> str | None:
    """`url` (resolved against `base`) if it is a well-formed http(s) URL with a host, else None. Malformed
    input (an unclosed IPv6 bracket, a port over 65535) makes urllib raise; callers get None instead."""
    try:
        absolute = urljoin(base, url.strip()) if base else url.strip()
        parts = urlsplit(absolute)
        _ = parts.port
    except (ValueError, TypeError, AttributeError):
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return absolute


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no default port, no fragment, no tracking parameters, sorted query, and
    courlan's normalisation of the path's percent-encoding (so /café and /caf%C3%A9 are one URL)."""
    url = url.strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "file":
        return urlunsplit((scheme, "", parts.path, "", ""))
    with suppress(ValueError, AttributeError):  # courlan refuses some malformed URLs; ours still gets a key
        parts = urlsplit(normalize_url(url))
    host = (parts.hostname or "").lower()
    if parts.port and parts.port != DEFAULT_PORTS.get(scheme):
        host = f"{host}:{parts.port}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in TRACKING_PARAMS and not k.lower().startswith(TRACKING_PREFIXES)
    ]
    return urlunsplit((scheme, host, parts.path or "/", urlencode(sorted(query)), ""))


def domain(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def article_id(canonical: str) -> str:
    return short_id(canonical)
