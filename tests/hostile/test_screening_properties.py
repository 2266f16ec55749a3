"""Whatever text arrives, screening answers; a scam in disguise is still held.

Idempotence of ``normalize`` on arbitrary and on tricky text is covered in
``tests/moderation/test_normalize.py``; the fixed disguises in
``tests/moderation/test_screening.py``. Here hypothesis mixes the disguises at random."""

import json

from hypothesis import given
from hypothesis import strategies as st

from moderation import normalize
from tests.hostile.conftest import PROPERTIES
from tests.moderation.test_screening import SCAMS

ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e"]
# Latin letters and what people type instead: Cyrillic, Greek, small capitals, fullwidth.
HOMOGLYPHS = {
    "a": "аαᴀａ", "c": "сϲᴄｃ", "e": "еεᴇｅ", "h": "һʜｈ", "i": "іιɪｉ", "j": "јϳᴊ",
    "k": "κᴋｋ", "m": "ᴍｍ", "n": "ɴｎ", "o": "оοᴏｏ", "p": "рρᴘｐ", "s": "ѕꜱｓ",
    "t": "τᴛｔ", "u": "ᴜｕ", "v": "νᴠｖ", "w": "ԝᴡｗ", "x": "хχｘ", "y": "уʏｙ",
    "A": "АΑＡ", "E": "ЕΕＥ", "O": "ОΟＯ", "P": "РΡＰ", "C": "СＣ", "M": "МΜＭ",
}  # fmt: skip
SPACES = [" ", "  ", "\t", "\n", "\u00a0", "\u2003", "\u3000", " \n "]


@st.composite
def disguised_scams(draw):
    """A scam with zero-width characters, lookalike letters and odd spacing mixed in, each
    at a drawn rate from none to every character."""
    scam = draw(st.sampled_from(SCAMS))
    rng = draw(st.randoms(use_true_random=False))
    lookalike_rate, invisible_rate = draw(st.floats(0, 1)), draw(st.floats(0, 1))
    out = []
    for char in scam:
        if char == " ":
            char = rng.choice(SPACES)
        elif char in HOMOGLYPHS and rng.random() < lookalike_rate:
            char = rng.choice(HOMOGLYPHS[char])
        out.append(char)
        if rng.random() < invisible_rate:
            out.append(rng.choice(ZERO_WIDTH))
    return "".join(out)


@PROPERTIES
@given(st.text(st.characters(codec=None), max_size=2_000))
def test_screening_answers_for_any_unicode(screener, raw):
    verdict = screener.screen(raw)
    assert 0.0 <= verdict.score <= 1.0
    assert verdict.action in {"publish", "hold", "reject"}
    json.dumps(verdict.to_dict())  # it is stored in a JSON column


@PROPERTIES
@given(disguised_scams())
def test_a_disguised_scam_is_still_held(screener, post):
    verdict = screener.screen(post)
    assert verdict.action == "hold", verdict
    once = normalize(post).text
    assert normalize(once).text == once
