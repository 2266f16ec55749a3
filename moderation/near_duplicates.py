"""Posts with the same wording: a small fingerprint per post that stays the same when a
wave of scam posts changes only the phone number, the e-mail address or a name.

The fingerprint is a MinHash over the post's word shingles (three words in a row), read
from the normalised text with its contacts masked (``normalize(text).redacted``): every
phone number is the same word ``zzphone`` there, so a new number each time changes
nothing. Two posts' fingerprints agree in about as many places as the share of shingles
the two texts have in common (their Jaccard similarity).

It is one-permutation hashing: each shingle is hashed once (linear in the text, well
under a millisecond for a long post), the hash picks one of ``BINS`` bins and the
smallest hash in each bin is kept; empty bins borrow from the next full one. Pairs of
bins form ``BANDS`` band keys. A database stores the band keys of each post in an
indexed table, so finding a post's neighbours looks up ``BANDS`` keys, never every post;
two posts are near-duplicates when at least ``MIN_SHARED_BANDS`` of their keys are
equal (about half of their shingles in common).
"""

from __future__ import annotations

import hashlib
import re

from moderation.normalize import normalize

BINS = 64
ROWS_PER_BAND = 2
BANDS = BINS // ROWS_PER_BAND
# A band agrees with probability about J ** 2 for texts of Jaccard similarity J: 8 of 32
# bands is J ~ 0.5 (a 75-word scam with a two-word name changed in four places is
# J ~ 0.65, 13 bands on average). Different genuine posts of the bundled corpus share
# 0 bands in 98% of pairs and 8 or more in 0.05%, all of them one text reused in the
# other.
MIN_SHARED_BANDS = 8
# Below this many shingles a text is too short to tell a campaign from a common phrase
# ("I miss him so much"): such posts get no fingerprint.
MIN_SHINGLES = 8
SHINGLE_WORDS = 3

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
_HASH_BITS = 64
_BIN_BITS = (BINS - 1).bit_length()
_VALUE_MASK = (1 << (_HASH_BITS - _BIN_BITS)) - 1
# Band keys are signed 64-bit integers, what a BIGINT column holds.
_KEY_MASK = (1 << 63) - 1


def _hash64(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


def shingles(redacted_text: str) -> set[str]:
    """The word shingles of a normalised, contact-masked text."""
    words = _WORD.findall(redacted_text)
    if len(words) < SHINGLE_WORDS:
        return set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def fingerprint_of_shingles(grams: set[str]) -> list[int]:
    """``BANDS`` band keys (one per band, each a non-negative 63-bit integer), or ``[]``
    for a text with fewer than ``MIN_SHINGLES`` shingles."""
    if len(grams) < MIN_SHINGLES:
        return []
    bins: list[int | None] = [None] * BINS
    for gram in grams:
        h = _hash64(gram.encode("utf-8"))
        index, value = h & (BINS - 1), h >> _BIN_BITS
        current = bins[index]
        if current is None or value < current:
            bins[index] = value
    filled = _densify(bins)
    keys = []
    for band in range(BANDS):
        rows = filled[band * ROWS_PER_BAND : (band + 1) * ROWS_PER_BAND]
        data = band.to_bytes(1, "big") + b"".join(v.to_bytes(8, "big") for v in rows)
        keys.append(_hash64(data) & _KEY_MASK)
    return keys


def _densify(bins: list[int | None]) -> list[int]:
    """Fill each empty bin from the next full one to its right (wrapping round), mixed
    with the distance, so two texts fill their empty bins the same way."""
    filled: list[int] = []
    for index, value in enumerate(bins):
        if value is not None:
            filled.append(value)
            continue
        step = 1
        while (donor := bins[(index + step) % BINS]) is None:
            step += 1
        filled.append((donor + step * 0x9E3779B97F4A7C15) & _VALUE_MASK)
    return filled


def fingerprint(text: str) -> list[int]:
    """The fingerprint of a post's text as it was written (normalised here)."""
    return fingerprint_of_shingles(shingles(normalize(text).redacted))


def shared_bands(a: list[int], b: list[int]) -> int:
    """How many band keys two fingerprints have in common, band by band."""
    if not a or not b:
        return 0
    return sum(1 for x, y in zip(a, b, strict=True) if x == y)


def is_near_duplicate(a: list[int], b: list[int]) -> bool:
    """Whether two fingerprints come from texts with the same wording."""
    return shared_bands(a, b) >= MIN_SHARED_BANDS
