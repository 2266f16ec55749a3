"""Screening cost grows in proportion to a post's length, whatever its shape.

Issue 10 found posts within the length limit that cost a worker seconds of CPU: nested
brackets (``unbracket_symbols`` took one pass per level), a run of digits (the leetspeak
hint was retried from every digit) and digit groups (the phone library parsed every
candidate eight times). Times are compared, never asserted absolutely: a post four
times as long may take about four times as long, and the worst shape at the length
limit may not cost much more than a plain post of that length. The milliseconds are
in bench/hostile_screening.py."""

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from moderation.normalize import _BRACKET_HINT, _BRACKETED_AT, _BRACKETED_DOT, unbracket_symbols
from tests.hostile.conftest import PROPERTIES
from tests.hostile.shapes import LIMIT, PLAIN, SHAPES, nested, repeated

# Linear growth gives a ratio near 4 for 4x the length, quadratic near 16. The bound is
# generous because other work on the machine shows up in single timings.
GROWTH_LIMIT = 8.0
# The worst known shape at the limit against a plain post of the same length.
SHAPE_LIMIT = 15.0


def seconds(screener, text: str, runs: int = 3) -> float:
    """CPU seconds, best of ``runs``: wall-clock time would count the other processes
    sharing the machine's cores."""
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        screener.screen(text)
        best = min(best, time.process_time() - started)
    return best


def growth(screener, make) -> float:
    small, large = make(LIMIT // 4), make(LIMIT)
    screener.screen(small)  # first sight of new characters fills normaliser caches
    # A floor of a millisecond keeps a tiny, noisy small-size time from inflating it.
    return seconds(screener, large) / max(seconds(screener, small), 1e-3)


PIECES = [
    "(", ")", "[", "]", "{", "}", "<", ">", " ", "  ", "\n", "-", ".", "@", "+", "$", "|",
    "at", "dot", "1", "12", "555", "0", "o", "l", "x", "a", "b", "one", "two", "seven",
    "\u200b", "\u00ad", "\u0430", "\uff11", "com", "www.", "http://",
]  # fmt: skip


@st.composite
def hostile_posts(draw):
    """A maker of posts of any length: a drawn unit repeated, or nested in drawn brackets."""
    unit = "".join(draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=6)))
    if draw(st.booleans()):
        return f"repeat {unit!r}", lambda n: repeated(unit, n)
    opening = "".join(draw(st.lists(st.sampled_from("([{< "), min_size=1, max_size=3)))
    closing = "".join(draw(st.lists(st.sampled_from(")]}> "), min_size=1, max_size=3)))
    core = draw(st.sampled_from(["at", "dot", "@", ".", " at ", unit]))
    return f"nest {core!r} in {opening!r} {closing!r}", lambda n: nested(opening, core, closing, n)


@settings(PROPERTIES, max_examples=25)
@given(hostile_posts())
def test_screening_time_grows_linearly_for_generated_shapes(screener, shape):
    name, make = shape
    ratio = growth(screener, make)
    assert ratio < GROWTH_LIMIT, f"{name}: 4x the length took {ratio:.1f}x the time"


def test_screening_time_grows_linearly_for_known_shapes(screener):
    ratios = {name: growth(screener, make) for name, make in SHAPES.items()}
    slow = {name: round(ratio, 1) for name, ratio in ratios.items() if ratio >= GROWTH_LIMIT}
    assert not slow, f"4x the length took this many times as long: {slow}"


def test_no_known_shape_at_the_length_limit_costs_much_more_than_a_plain_post(screener):
    plain = repeated(PLAIN, LIMIT)
    screener.screen(plain)
    baseline = seconds(screener, plain)
    costs = {}
    for name, make in SHAPES.items():
        text = make(LIMIT)
        assert len(text) <= LIMIT
        screener.screen(text)
        costs[name] = seconds(screener, text) / baseline
    slow = {name: round(cost, 1) for name, cost in costs.items() if cost >= SHAPE_LIMIT}
    assert not slow, f"times a plain post's screening time: {slow}"


def repeated_passes(text: str) -> str:
    """What ``unbracket_symbols`` did before: both patterns again until none is left."""
    while _BRACKET_HINT.search(text):
        text = _BRACKETED_DOT.sub(".", _BRACKETED_AT.sub("@", text))
    return text


BRACKET_PIECES = ["(", ")", "[", "]", "<", "}", " ", "\n", "at", "dot", "@", ".", "a", "t", "x"]


@PROPERTIES
@given(st.lists(st.sampled_from(BRACKET_PIECES), max_size=40).map("".join))
def test_unbracketing_in_one_pass_gives_what_repeated_passes_gave(text):
    assert unbracket_symbols(text) == repeated_passes(text)
