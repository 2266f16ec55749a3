"""Masking the contact details a warning quotes, in the text as written.

A post warning others about a scam often quotes the scammer's number or address
("this 'Dr Ozil' on WhatsApp +234 810 555 0199 is a fraud"). It is published, but
readers see "[contact removed]" where the contact was written. The stored text stays
as written; what is masked is worked out here, once, at screening time, as the exact
pieces of the original text to replace, and checked: the masked text must contain
none of the contacts any more, however they were disguised, or there are no masks
(and the screener holds the post instead).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from moderation.normalize import Contact, normalize

MASK = "[contact removed]"
# A disguised contact spreads over at most this many words ("d r x (at) g m a i l dot
# com", "+ 2 3 4 ..."); longer spreads are caught by the final check instead.
_WINDOW_WORDS = 16
_WORDS = re.compile(r"\S+")
# Words that continue a disguised address or number: "dot", "com", "(dot)", digits.
_ADDRESS_TAIL = re.compile(
    r"(?i)(?:dot|\(dot\)|\[dot\]|com|net|org|info|biz|[.\d()+-]+)[.,;:!?)]*$"
)


def apply_masks(text: str, masks: Iterable[str]) -> str:
    """``text`` with every occurrence of each mask replaced by ``MASK``."""
    for piece in sorted(set(masks), key=len, reverse=True):
        if piece:
            text = text.replace(piece, MASK)
    return text


def contacts_in(text: str) -> set[Contact]:
    return set(normalize(text).contacts)


def find_masks(text: str, contacts: Iterable[Contact]) -> list[str] | None:
    """The pieces of ``text`` that spell ``contacts``, in order, or None when masking
    them would leave one of the contacts readable."""
    wanted = set(contacts)
    if not wanted:
        return []
    words = [(m.start(), m.end()) for m in _WORDS.finditer(text)]
    masks: list[str] = []
    index = 0
    while index < len(words):
        found = _piece_from(text, words, index, wanted)
        if found is None:
            index += 1
            continue
        piece, index = found
        masks.append(piece)
    if not masks or contacts_in(apply_masks(text, masks)) & wanted:
        return None
    return masks


def _piece_from(
    text: str, words: list[tuple[int, int]], index: int, wanted: set[Contact]
) -> tuple[str, int] | None:
    """The shortest piece starting at word ``index`` that spells a wanted contact,
    trimmed of characters that are not part of it, and the index of the next word."""
    start = words[index][0]
    last = min(index + _WINDOW_WORDS, len(words)) - 1
    if not contacts_in(text[start : words[last][1]]) & wanted:
        return None
    for end_index in range(index, last + 1):
        end = words[end_index][1]
        if contacts_in(text[start:end]) & wanted:
            break
    # "name (at) gmail" is already an address; the " dot com" after it is still part
    # of what the reader should not see.
    while end_index + 1 < len(words):
        next_start, next_end = words[end_index + 1]
        if not _ADDRESS_TAIL.match(text, next_start, next_end):
            break
        end_index, end = end_index + 1, next_end
    return _trimmed(text, start, end, wanted), end_index + 1


def _trimmed(text: str, start: int, end: int, wanted: set[Contact]) -> str:
    """The piece without leading or trailing characters the contact does not need
    ("whatsapp:" before a number, a full stop after it), a character at a time. A "+"
    or digit in front and letters or digits at the end stay: a reader should not be
    left with "+[contact removed]" or "[contact removed] com"."""
    for _ in range(end - start):
        if text[start] in "+0123456789":
            break
        if contacts_in(text[start + 1 : end]) & wanted:
            start += 1
        else:
            break
    for _ in range(end - start):
        if text[end - 1].isalnum():
            break
        if contacts_in(text[start : end - 1]) & wanted:
            end -= 1
        else:
            break
    return text[start:end]
