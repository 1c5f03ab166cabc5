import unicodedata

import pytest

from transforms.text import hamming, normalise, simhash, words
from transforms.urls import article_id, canonical_url, domain


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTPS://WWW.Example.com:443/a/b?utm_source=x&id=3&fbclid=y#top", "https://www.example.com/a/b?id=3"),
        ("http://example.com:8080/x?b=2&a=1", "http://example.com:8080/x?a=1&b=2"),
        ("https://example.com", "https://example.com/"),
        ("file:///tmp/page.html", "file:///tmp/page.html"),
        ("https://example.com/caf%C3%A9?q=a b", "https://example.com/caf%C3%A9?q=a+b"),
        ("https://example.com/café", "https://example.com/caf%C3%A9"),
        ("https://news.example/story?ref=rss&mc_cid=1&pk_campaign=x", "https://news.example/story"),
    ],
)
def test_canonical_url_strips_tracking_and_noise(url, expected):
    assert canonical_url(url) == expected


def test_article_id_is_stable_and_ignores_tracking_parameters():
    a = article_id(canonical_url("https://news.example/story?utm_campaign=x"))
    b = article_id(canonical_url("https://news.example/story#comments"))
    assert a == b and len(a) == 16
    assert a != article_id(canonical_url("https://news.example/other-story"))


def test_domain_drops_www():
    assert domain("https://www.meridianpost.example/x") == "meridianpost.example"


def test_normalise_nfc_and_whitespace():
    decomposed = unicodedata.normalize("NFD", "Café  au\u00a0lait\x07\n\n\n  Zweite Zeile ")
    assert normalise(decomposed) == "Café au lait\nZweite Zeile"
    assert unicodedata.is_normalized("NFC", normalise(decomposed))


def test_simhash_near_duplicates_are_close_and_different_texts_far():
    base = " ".join(f"word{i} sentence text about the port of Rotterdam" for i in range(40))
    edited = base.replace("word7 ", "term7 ")
    other = " ".join(f"other{i} unrelated content on Lisbon trams and strikes" for i in range(40))
    assert hamming(simhash(base), simhash(edited)) <= 6
    assert hamming(simhash(base), simhash(other)) >= 16
    assert 0 <= simhash(base) < 2**64


def test_words_are_lowercase_unicode():
    assert words("Köln, Düsseldorf & co.") == ["köln", "düsseldorf", "co"]
