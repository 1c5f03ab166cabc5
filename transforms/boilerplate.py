"""Lines of an extracted text that are the site talking, not the article: copyright notices, "Advertisement",
newsletter and subscription pitches, comment rules, contact lines with an e-mail address, the author's bio at
the end, a bare dateline or tag list. trafilatura keeps them when they sit inside the article's container.

Each rule is a short line (a sentence of the article that mentions a newsletter is long and stays) matching
a pattern in the languages of the public benchmarks. Pure: text in, text out.
"""

import re

_COPYRIGHT = re.compile(
    r"©|ⓒ|\(c\)\s*(?:19|20)\d\d|\bcopyright\b|all rights reserved|alle rechte vorbehalten|tous droits réservés|"
    r"todos los derechos reservados|tutti i diritti riservati|todos os direitos reservados|"
    r"무단\s*전재|無断転載|版权所有",
    re.IGNORECASE,
)
_ADVERT = re.compile(
    r"^\W*(?:advertisement|advertising|anzeige|werbung|publicidad|publicité|pubblicità|reklame|annons|"
    r"sponsored(?: content)?|related (?:news|stories|articles))\W*$",
    re.IGNORECASE,
)
_PITCH = re.compile(
    r"\b(?:subscribe|subscriptions?|sign(?:ing)? up|newsletters?|inbox|click here|free trial|register now|"
    r"download (?:the|our) app|tell us what you think|abonnier\w*|abonnez|abonnement|suscr[ií]b\w*|assine|iscriviti|"
    r"abonneer)\b|有料会員|구독",
    re.IGNORECASE,
)
_COMMENT_RULES = re.compile(
    r"\b(?:coment[aá]rios?|comments?|kommentare?|commentaires?|commenti)\b.*"
    r"\b(?:moderat|aprovad|approv|respect|rules|policy|richtlinie|règles|charte|regras|netiquette)",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_DATELINE = re.compile(
    r"^\W*(?:[^\W\d]+[-,]?\s*){0,3}(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}\.?\s+(?:de\s+)?[^\W\d]+\.?\s+(?:de\s+)?"
    r"\d{4}|[^\W\d]+\.?\s+\d{1,2},?\s+\d{4})\b.{0,40}$"
)
_UPDATED = re.compile(
    r"^\W*(?:updated|published|posted|aktualisiert|veröffentlicht|stand|publié|mis à jour|publicado|actualizado)\b"
    r".{0,50}\d",
    re.IGNORECASE,
)
_TAGS = re.compile(r"^\W*(?:tags?|topics?|themen|schlagw(?:orte|örter)|etiquetas|mots-clés|temas)\s*:?\s*$", re.I)
_TAGS_INLINE = re.compile(r"^\W*(?:tags?|themen|etiquetas|mots-clés)\s*:\s*\S", re.IGNORECASE)
_BIO = re.compile(r"^\S+(?:\s\S+){0,2}\s+(?:is|was|covers|writes|reports|ist|est|es)\b")


def _is_boilerplate(line: str, words: int) -> bool:
    return (
        (words <= 60 and bool(_COPYRIGHT.search(line)))
        or bool(_ADVERT.match(line))
        or (words <= 30 and bool(_PITCH.search(line)))
        or (words <= 40 and bool(_COMMENT_RULES.search(line)))
        or (words <= 40 and bool(_EMAIL.search(line)))
        or (words <= 12 and bool(_DATELINE.match(line) or _UPDATED.match(line)))
        or bool(_TAGS.match(line))
        or (words <= 40 and bool(_TAGS_INLINE.match(line)))
    )


def drop_lines(text: str, authors: list[str] = ()) -> str:
    """The text without its boilerplate lines; `authors` (the byline's people) find the bio at the end
    ("Houston Mitchell is an assistant sports editor ..."). A comma list right after a "Tags" line goes too."""
    lines = text.split("\n")
    names = {n for a in authors for n in (a, a.split()[0]) if n}
    kept: list[str] = []
    after_tags = False
    for i, line in enumerate(lines):
        stripped = line.strip()
        words = len(stripped.split())
        if after_tags and "," in stripped:
            after_tags = False
            continue
        after_tags = bool(_TAGS.match(stripped))
        if _is_boilerplate(stripped, words):
            continue
        near_end = i >= len(lines) - 3
        if near_end and words <= 60 and any(stripped.startswith(n + " ") for n in names) and _BIO.match(stripped):
            continue
        kept.append(line)
    return "\n".join(kept)
