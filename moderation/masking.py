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
# The gap after the word a piece starts with.
_NEXT_WORD = re.compile(r"\s+")
# Words that end a disguised address: "dot", "com", "(dot)". At most _TAIL_WORDS.
_ADDRESS_TAIL = re.compile(r"(?i)(?:dot|\(dot\)|\[dot\]|\.|com|net|org|info|biz)[.,;:!?)]*$")
_TAIL_WORDS = 3
_LINK_HOST = re.compile(r"(?i)(?:https?://)?(?:www\.)?[a-z0-9.-]+\.[a-z]{2,}/(?:add/|m/)?[@+]?")
_DIGIT_GROUPS = re.compile(r"\d+")
_DIGIT_GROUP_COST = 250
_FREE_DIGIT_GROUPS = 8  # a number written in groups, and a few more


def apply_masks(text: str, masks: Iterable[str]) -> str:
    """``text`` with every occurrence of each mask replaced by ``MASK``."""
    for piece in sorted(set(masks), key=len, reverse=True):
        if piece:
            text = text.replace(piece, MASK)
    return text


def contacts_in(text: str) -> set[Contact]:
    return set(normalize(text).contacts)


class _Budget:
    """Counts what normalising costs masking on one post: a character each, and each
    group of digits past the eighth in one text (up to the phone library's 40
    candidates) as much as 250 characters, since the library tries it as a number.
    Finding a few quoted contacts costs little more than reading the post once; a post
    that would cost more is not masked at all."""

    def __init__(self, characters: int):
        self.left = characters

    def contacts_in(self, text: str) -> set[Contact]:
        groups = min(40, len(_DIGIT_GROUPS.findall(text)))
        self.left -= len(text) + _DIGIT_GROUP_COST * max(0, groups - _FREE_DIGIT_GROUPS)
        if self.left < 0:
            raise _OverBudget
        return contacts_in(text)


class _OverBudget(Exception):
    pass


def find_masks(text: str, contacts: Iterable[Contact], budget: int = 6000) -> list[str] | None:
    """The pieces of ``text`` that spell ``contacts``, in order, or None when masking
    them would leave one of the contacts readable, or would normalise more than
    ``budget`` characters beyond one and a half readings of the text."""
    wanted = set(contacts)
    if not wanted:
        return []
    words = [(m.start(), m.end()) for m in _WORDS.finditer(text)]
    counter = _Budget(budget + 3 * len(text) // 2)
    masks: list[str] = []
    index = 0
    try:
        while index < len(words):
            # A contact of at most _WINDOW_WORDS words starting in the next
            # 3 * _WINDOW_WORDS words lies within four times that: one look skips them.
            block_last = min(index + 4 * _WINDOW_WORDS, len(words)) - 1
            block = text[words[index][0] : words[block_last][1]]
            if not counter.contacts_in(block) & wanted:
                index += 3 * _WINDOW_WORDS
                continue
            # Where in the block the contact starts, found by halving rather than word
            # by word (which re-read the block for every word before the contact and
            # ran out of budget 30 words into a post).
            start_index = _contact_start(text, words, index, block_last, wanted, counter)
            found = _piece_from(text, words, start_index, wanted, counter)
            if found is None:
                index = start_index + 1
                continue
            piece, index = found
            masks.append(piece)
    except _OverBudget:
        return None
    if not masks or contacts_in(apply_masks(text, masks)) & wanted:
        return None
    return masks


def _contact_start(
    text: str,
    words: list[tuple[int, int]],
    first: int,
    last: int,
    wanted: set[Contact],
    counter: _Budget,
) -> int:
    """The index of the word a wanted contact starts at, between ``first`` and ``last``
    (whose text holds one): the first word whose text up to it holds one ends it, the
    last word from which that text still holds one starts it. Two binary searches, each
    a handful of readings of the block. A guess that is off only costs a later look
    (the caller moves on a word) or a hold (the final check)."""
    low, high = first, last
    while low < high:
        middle = (low + high) // 2
        if counter.contacts_in(text[words[first][0] : words[middle][1]]) & wanted:
            high = middle
        else:
            low = middle + 1
    end = low
    low, high = first, end
    while low < high:
        middle = (low + high + 1) // 2
        if counter.contacts_in(text[words[middle][0] : words[end][1]]) & wanted:
            low = middle
        else:
            high = middle - 1
    return low


def _piece_from(
    text: str, words: list[tuple[int, int]], index: int, wanted: set[Contact], counter: _Budget
) -> tuple[str, int] | None:
    """The shortest piece starting at word ``index`` that spells a wanted contact,
    trimmed of characters that are not part of it, and the index of the next word."""
    start = words[index][0]
    last = min(index + _WINDOW_WORDS, len(words)) - 1
    if not counter.contacts_in(text[start : words[last][1]]) & wanted:
        return None
    for end_index in range(index, last + 1):
        end = words[end_index][1]
        if counter.contacts_in(text[start:end]) & wanted:
            break
    # "name (at) gmail" is already an address; the " dot com" after it is still part
    # of what the reader should not see.
    tail_end = min(end_index + _TAIL_WORDS, len(words) - 1)
    while end_index < tail_end:
        next_start, next_end = words[end_index + 1]
        if not _ADDRESS_TAIL.match(text, next_start, next_end):
            break
        end_index, end = end_index + 1, next_end
    return _trimmed(text, start, end, wanted, counter), end_index + 1


def _trimmed(text: str, start: int, end: int, wanted: set[Contact], counter: _Budget) -> str:
    """The piece without leading or trailing characters the contact does not need
    ("whatsapp:" before a number, a full stop after it), a character at a time. A "+"
    or digit in front and letters or digits at the end stay: a reader should not be
    left with "+[contact removed]" or "[contact removed] com"."""
    for _ in range(end - start):
        if text[start] in "+0123456789":
            # A number in front ("I lost 300 dollars to x@y.com", a title's "part 2")
            # is left out only as a whole word, and only if the contact is still
            # there without it.
            next_word = _NEXT_WORD.search(text, start, end)
            if next_word and counter.contacts_in(text[next_word.end() : end]) & wanted:
                start = next_word.end()
                continue
            break
        if counter.contacts_in(text[start + 1 : end]) & wanted:
            start += 1
        else:
            break
    # A link's host in front of the contact ("wa.me/" before a number) goes with it:
    # "wa.me/[contact removed]" would still say where to find the person.
    token_start = start
    while token_start and not text[token_start - 1].isspace():
        token_start -= 1
    while token_start < start and text[token_start] in "([{<\"'":
        token_start += 1
    if token_start < start and _LINK_HOST.fullmatch(text, token_start, start):
        start = token_start
    for _ in range(end - start):
        if text[end - 1].isalnum():
            break
        if counter.contacts_in(text[start : end - 1]) & wanted:
            end -= 1
        else:
            break
    return text[start:end]
