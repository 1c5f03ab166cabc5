"""Articles split into chunks: the body printed in several containers of one class, with advertising or a
newsletter box between them (Condé Nast's `body__container`, many CMSs' `text-block`). trafilatura takes the
first container and leaves out the rest; on aeb-dev one such page scored 0.62 in every trafilatura mode.

`chunk_groups` finds the containers: elements of one tag and class, two long paragraphs each at least,
close to each other in the tree (a common ancestor within `NEAR` levels), outside comments and teasers.
Where the extracted text holds paragraphs of one container but leaves out `MIN_MISSING` long paragraphs of
the others, `join_chunks` moves the others' contents into the first, for a second extraction. Pure: trees in,
trees out; the caller decides whether the second text is better.
"""

import re
from collections import defaultdict

LONG_PARAGRAPH_WORDS = 20
MIN_MISSING = 3
NEAR = 3  # levels up to a common ancestor
DEPTH = 6  # levels above a paragraph where its container may be
_NOT_ARTICLE = re.compile(r"comment|related|teaser|recirc|promo|sidebar|footer|nav|popular|recommend|card", re.I)
_WORD = re.compile(r"\w+")


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _long_paragraphs(el) -> list:
    return [p for p in el.iter("p") if len(p.text_content().split()) >= LONG_PARAGRAPH_WORDS]


def chunk_groups(tree) -> list[list]:
    """Groups of two or more sibling-like containers of one tag and class that each hold long paragraphs.
    One pass over the long paragraphs, counting them in their nearest `DEPTH` ancestors (a nested loop over
    every container cost 8 ms a page)."""
    counts: dict[int, int] = defaultdict(int)
    elements: dict[int, object] = {}
    for p in _long_paragraphs(tree):
        for depth, el in enumerate(p.iterancestors()):
            if depth == DEPTH:
                break
            if el.tag in ("div", "section") and el.get("class"):
                counts[id(el)] += 1
                elements[id(el)] = el
    by_class = defaultdict(list)
    for key, n in counts.items():
        el = elements[key]
        if n >= 2 and not _NOT_ARTICLE.search(el.get("class")):
            by_class[(el.tag, el.get("class"))].append(el)
    groups = []
    for members in by_class.values():
        if len(members) < 2:
            continue
        inside = {id(m) for m in members}
        members = [m for m in members if not any(id(a) in inside for a in m.iterancestors())]  # outermost
        order = {id(el): i for i, el in enumerate(tree.iter())} if len(members) >= 2 else {}
        members.sort(key=lambda m: order.get(id(m), 0))
        if len(members) < 2:
            continue
        near = {id(a) for a in list(members[0].iterancestors())[:NEAR]}
        members = [members[0]] + [m for m in members[1:] if any(id(a) in near for a in list(m.iterancestors())[:NEAR])]
        if len(members) >= 2:
            groups.append(members)
    return groups


def missing_chunks(tree, text: str) -> list[list]:
    """The chunk groups of which the text holds some long paragraphs and misses `MIN_MISSING` or more."""
    have = _key(text)
    found = []
    for group in chunk_groups(tree):
        paragraphs = [_key(p.text_content()) for el in group for p in _long_paragraphs(el)]
        present = sum(1 for p in paragraphs if p and p in have)
        if present and len(paragraphs) - present >= MIN_MISSING:
            found.append(group)
    return found


def join_chunks(groups: list[list]) -> None:
    """Move every container's contents into the first of its group (in document order), in place."""
    for first, *rest in groups:
        for el in rest:
            for child in list(el):
                first.append(child)
            if el.getparent() is not None:
                el.getparent().remove(el)
