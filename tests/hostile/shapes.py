"""Posts shaped to make screening slow, at any length: what an attacker sends to tie up
a worker. Used by tests/hostile/test_screening_cost.py (growth with length) and
bench/hostile_screening.py (milliseconds at the length limit)."""

from __future__ import annotations

from collections.abc import Callable

from app.forum.forms import BODY_MAX

PLAIN = (
    "It has been three weeks since she left and I still set two cups out in the morning. "
    "I know I need to stop checking her profile. How did you all get through the evenings? "
)


def repeated(unit: str, length: int) -> str:
    """``unit`` repeated and cut to exactly ``length`` characters."""
    return (unit * (length // len(unit) + 1))[:length]


def nested(opening: str, core: str, closing: str, length: int) -> str:
    """``core`` inside as many levels of ``opening``/``closing`` as fit in ``length``."""
    levels = max(0, (length - len(core)) // (len(opening) + len(closing)))
    return opening * levels + core + closing * levels


# Each takes a length and returns a post of about that many characters. The first three
# are the ones reported in issue 10 (1.35 s, 650 ms and 147 ms at 10,000 characters).
SHAPES: dict[str, Callable[[int], str]] = {
    "nested brackets": lambda n: nested("(", "at", ")", n),
    "digit run": lambda n: "1" * n,
    "digit groups": lambda n: repeated("12 34 ", n),
    "nested mixed brackets": lambda n: nested("( [ {", " dot ", "} ] )", n),
    "digit run then letter": lambda n: "1" * (n - 1) + "x",
    "digit groups then letter": lambda n: repeated("12 34 ", n - 1) + "x",
    "digit words and digits": lambda n: "one " + repeated("1 ", n - 6) + "1x",
    "dashed digits": lambda n: repeated("1-", n),
    "symbols": lambda n: "$" * n,
    "letter then digits": lambda n: "a" + "1" * (n - 2) + "-",
    "letters between digits": lambda n: repeated("1o", n),
    "leet pairs": lambda n: repeated("a1", n),
    "zero-width run": lambda n: repeated("a\u200b", n),
    "plus signs": lambda n: repeated("+1 ", n),
    "bracketed symbols": lambda n: repeated("(at)[dot]", n),
    "mixed": lambda n: repeated("(at) 1 two [dot] x\u200by 12 +4 ", n),
}

LIMIT = BODY_MAX  # the longest post the forms accept
