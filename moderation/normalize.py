"""Turn a post into the text that screening reads, and pull out its contact details.

Scam comments hide their contact details and key words from filters: ``DR_X(@)YAHOO. COM``,
``drx at gmail dot com``, ``+1 two three four ...``, Cyrillic letters that look Latin,
zero-width spaces inside words, ``sp3ll c4ster``. Normalising undoes these tricks so that
rules and the classifier see one spelling of each thing. The result is for screening
only; the original text is what gets displayed.

Steps, in order (each keeps the output of the earlier ones stable, which is what makes
``normalize`` idempotent):

1. Unicode: NFKC, casefold, strip zero-width/format/control/private-use characters and
   combining marks, fold lookalike letters (Cyrillic, Greek, small capitals) to Latin,
   turn every decimal digit into ASCII.
2. Words: join letters spelled out one by one (``s p e l l``), fold leetspeak inside
   words (``c4ster``), turn runs of digit words (``two three four ...``) into digits.
3. Contacts: rebuild obfuscated e-mail addresses and domains, then find links, e-mail
   addresses, messenger handles and phone numbers, and write each back in one canonical
   spelling.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from typing import Literal

import phonenumbers

ContactKind = Literal["email", "phone", "url", "handle"]


@dataclass(frozen=True)
class Contact:
    """A way to reach someone found in a post, in one canonical spelling."""

    kind: ContactKind
    value: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.value}"


@dataclass(frozen=True)
class Normalized:
    """The screening view of a post.

    ``text`` is the normalised text with contacts in canonical form; ``redacted`` is the
    same text with the contacts left out. The classifier reads ``redacted``: contact
    details are the rules' evidence (weighted and capped there), and a classifier that
    also learned "has an address" would count them twice and hold a genuine post that
    shares a link or an e-mail address.
    """

    text: str
    contacts: list[Contact] = field(default_factory=list)
    redacted: str = ""


# Placeholder words the classifier reads instead of contact details.
REDACTION_WORDS: dict[str, str] = {
    "email": "zzemail",
    "phone": "zzphone",
    "url": "zzlink",
    "handle": "zzhandle",
}

# --- 1. Unicode -----------------------------------------------------------------------

# Letters from other scripts (after casefolding) that readers take for Latin ones. NFKC
# already handles fullwidth forms, mathematical alphanumerics and circled letters.
_LOOKALIKES = {
    # Cyrillic
    "а": "a", "б": "b", "в": "b", "г": "r", "д": "d", "е": "e", "ё": "e", "ж": "x",
    "з": "3", "и": "u", "й": "u", "к": "k", "л": "n", "м": "m", "н": "h", "о": "o",
    "п": "n", "р": "p", "с": "c", "т": "t", "у": "y", "ф": "o", "х": "x", "ц": "u",
    "ч": "y", "ш": "w", "щ": "w", "ъ": "b", "ы": "bi", "ь": "b", "э": "e", "ю": "io",
    "я": "r", "є": "e", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "һ": "h", "ԁ": "d",
    "ԛ": "q", "ԝ": "w", "ѵ": "v", "ү": "y", "ӏ": "l", "ո": "n", "ս": "u", "օ": "o",
    # Greek
    "α": "a", "β": "b", "γ": "y", "δ": "d", "ε": "e", "ζ": "z", "η": "n", "θ": "o",
    "ι": "i", "κ": "k", "λ": "l", "μ": "u", "ν": "v", "ξ": "e", "ο": "o", "π": "n",
    "ρ": "p", "σ": "o", "ς": "c", "τ": "t", "υ": "u", "φ": "o", "χ": "x", "ψ": "w",
    "ω": "w", "ϲ": "c", "ϳ": "j",
    # Latin small capitals and other letter variants NFKC leaves alone
    "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ꜰ": "f", "ɢ": "g", "ʜ": "h",
    "ɪ": "i", "ᴊ": "j", "ᴋ": "k", "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p",
    "ʀ": "r", "ꜱ": "s", "ᴛ": "t", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w", "ʏ": "y", "ᴢ": "z",
    "ı": "i", "ȷ": "j", "ɑ": "a", "ɡ": "g", "ɩ": "i", "ʋ": "v", "ƅ": "b", "ø": "o",
    "đ": "d", "ł": "l", "ħ": "h", "ŧ": "t", "ƚ": "l",
    # Typographic quotes, so that "don’t" reads like "don't"
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
    # Punctuation used to disguise e-mail addresses and links
    "＠": "@", "﹫": "@", "․": ".", "。": ".", "｡": ".", "·": ".", "•": " ",
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
}  # fmt: skip

# Capitals that look like a different Latin letter than their lower-case form does
# (Greek "Μ" looks like M, "μ" like u), so they are mapped before case-folding.
_CAPITAL_LOOKALIKES = str.maketrans({
    "Α": "a", "Β": "b", "Ε": "e", "Ζ": "z", "Η": "h", "Ι": "i", "Κ": "k", "Μ": "m",
    "Ν": "n", "Ο": "o", "Ρ": "p", "Τ": "t", "Υ": "y", "Χ": "x",
    "А": "a", "В": "b", "Е": "e", "К": "k", "М": "m", "Н": "h", "О": "o", "Р": "p",
    "С": "c", "Т": "t", "Х": "x", "У": "y", "Ѕ": "s", "І": "i", "Ј": "j",
})  # fmt: skip

# Character categories removed outright: format (zero-width joiners, bidi marks, soft
# hyphens), unassigned, private use and surrogates. Combining marks go too, after NFD,
# so that accents and stacked "zalgo" marks do not split words.
_DROPPED_CATEGORIES = {"Cf", "Cn", "Co", "Cs", "Mn", "Me"}
_LINE_BREAKS = {"\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"}


def _translate_char(ch: str) -> str:
    if ch in _LOOKALIKES:
        return _LOOKALIKES[ch]
    if ch in _LINE_BREAKS:
        return "\n"
    if ch == "\t":
        return " "
    category = unicodedata.category(ch)
    if category in _DROPPED_CATEGORIES or category == "Cc":
        return ""
    if category == "Nd":
        return str(unicodedata.decimal(ch))
    if category.startswith("Z"):
        return " "
    return ch


class _FoldTable(dict):
    """``str.translate`` table that works out each character's folding on first sight."""

    def __missing__(self, codepoint: int) -> str:
        # NFD splits accented letters so the accent (a combining mark) can be dropped.
        decomposed = unicodedata.normalize("NFD", chr(codepoint))
        folded = "".join(_translate_char(part) for part in decomposed)
        if len(self) < 50_000:  # the alphabet of real posts is small; cap it anyway
            self[codepoint] = folded
        return folded


_FOLD_TABLE = _FoldTable({ord("\r"): "\n", ord("\t"): " "})


def fold_unicode(text: str) -> str:
    """NFKC, casefold, lookalikes to Latin, digits to ASCII, invisible characters out."""
    if text.isascii():
        return text.lower().replace("\r\n", "\n").translate(_FOLD_TABLE)
    text = unicodedata.normalize("NFKC", text).translate(_CAPITAL_LOOKALIKES)
    text = text.casefold().translate(_FOLD_TABLE)
    # Folding can expose new compatibility forms or capitals; repeat until it settles.
    for _ in range(3):
        if text.isascii():
            return text.lower().translate(_FOLD_TABLE)
        settled = unicodedata.normalize("NFKC", text).casefold().translate(_FOLD_TABLE)
        if settled == text:
            break
        text = settled
    return text


# --- 2. Words -------------------------------------------------------------------------

# "s p e l l", "c-a-s-t-e-r": five or more single letters with one separator between.
_SPELLED_OUT = re.compile(r"\b(?:[a-z][ *_-]){4,}[a-z]\b(?![@.]\w)")
_SPELLED_OUT_HINT = re.compile(r"[ *_-][a-z][ *_-][a-z][ *_-][a-z][ *_-]")

# Leetspeak: a digit or symbol standing in for a letter *between two letters*, so that
# numbers, phone digits, "48hrs" and "2nd" stay as they are.
_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "$": "s", "|": "l"}
_LEET_INSIDE_WORD = re.compile(r"(?<=[a-z])[013457$|]+(?=[a-z])")
# Anchored on the letter before: a run of symbols is then tried once, not from each of
# its characters (which made a post of 10,000 digits quadratic).
_LEET_HINT = re.compile(r"[a-z][013457$|]+[a-z]")
# Tokens that look like addresses or links are left alone: their digits are real.
_ADDRESS_LIKE = re.compile(r"[@/]|\.[a-z]{2,}")
_TOKEN = re.compile(r"\S+")

# The letters o, i and l standing in for 0 and 1 inside a number: "555 O188", "2l4".
_LETTER_DIGITS = {"o": "0", "i": "1", "l": "1"}
_LETTER_IN_NUMBER = re.compile(
    r"(?<=\d)[oil](?=\d)|(?<=\d[ .-])[oil](?=\d)|(?<=\d)[oil](?=[ .-]\d)"
)
_LETTER_IN_NUMBER_HINT = re.compile(r"\d[ .-]?[oil][ .-]?\d")

_DIGIT_WORDS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
    "six": "6", "seven": "7", "eight": "8", "nine": "9", "oh": "0",
}  # fmt: skip
_DIGIT_WORD = "|".join(_DIGIT_WORDS)
# Spoken repeats: "double five" is 55, "triple seven" 777; "one eight hundred" is 1800.
_REPEATS = {"double": 2, "triple": 3}
_REPEATED = rf"(?:(?:double|triple)[ -](?:{_DIGIT_WORD}|\d)\b|hundred\b)"
_RUN_ITEM = rf"(?:{_REPEATED}|(?:{_DIGIT_WORD})\b|\d+)"
# A run of digit words and digit groups: candidates for a phone number written in words.
_NUMBER_WORD_HINT = re.compile(
    rf"(?:{_DIGIT_WORD}|double|triple)[ ,.-]{{1,2}}(?:{_DIGIT_WORD}|\d|double|triple|hundred)"
)
_NUMBER_WORD_RUN = re.compile(
    rf"(?<![\w+])(?:\+|\bplus )?{_RUN_ITEM}(?:[ ,.-]{{1,2}}{_RUN_ITEM})+(?!\w)"
)


def _join_spelled_out(match: re.Match[str]) -> str:
    start = match.start()
    if start and match.string[start - 1] in "@.":  # part of an address, not a word
        return match.group()
    return re.sub(r"[ *_-]", "", match.group())


def _fold_leet_token(match: re.Match[str]) -> str:
    token = match.group()
    # Addresses and phone numbers keep their digits (phone tokens are rewritten later,
    # and must read the same when normalised again).
    if _ADDRESS_LIKE.search(token) or sum(ch.isdigit() for ch in token) >= 7:
        return token
    return _LEET_INSIDE_WORD.sub(lambda m: "".join(_LEET[c] for c in m.group()), token)


def _digits_from_words(match: re.Match[str]) -> str:
    run = match.group()
    plus = run.startswith(("+", "plus "))
    parts = re.split(r"[ ,.-]+", re.sub(r"^(?:\+|plus )", "", run))
    words = sum(1 for part in parts if part in _DIGIT_WORDS or part in _REPEATS)
    spelled: list[str] = []
    repeat = 1
    for part in parts:
        if part in _REPEATS:
            repeat = _REPEATS[part]
            continue
        if part == "hundred":
            if not spelled or not spelled[-1].isdigit():
                return run
            spelled.append("00")
            continue
        spelled.append(_DIGIT_WORDS.get(part, part) * repeat)
        repeat = 1
    digits = ("+" if plus else "") + "".join(spelled)
    # Only a phone-length run with at least two spelled digits is a disguised number;
    # "two kids in 2019" and "one two three" stay words.
    if words < 2 or len(digits.lstrip("+")) < 7:
        return match.group()
    return digits


# Separators no phone layout uses, put between digit groups so that a filter reading
# "+27=303=9124" or "810*555*0163" sees no number; they become dashes.
# Slashes and colons are left alone: links, dates and times use them.
_ODD_DIGIT_SEPARATOR = re.compile(r"(?<=\d)[=*~_|;]{1,3}(?=\+?\d)")
_ODD_SEPARATED_NUMBER = re.compile(r"(?<![\w@/.])\+?\d{1,5}(?:[=*~_|;]{1,3}\d{1,5}){2,}")


def _dash_odd_separators(match: re.Match[str]) -> str:
    number = match.group()
    # Dates ("12/05/2023") and times ("10:30:15") are short; only a phone-length run
    # of digits is a disguised number.
    if sum(ch.isdigit() for ch in number) < 9:
        return number
    return _ODD_DIGIT_SEPARATOR.sub("-", number)


# Vanity numbers: a toll-free number finished in capital letters, which stand for the
# digits on a phone's keypad ("1-800-273-TALK", "1-800-799-SAFE", "1800RESPECT").
# Read before case is folded: only capitals after a toll-free prefix count, so
# "in 1800 people" stays words.
_KEYPAD = str.maketrans(
    {letter: str(digit) for digit, letters in enumerate(
        ("", "", "ABC", "DEF", "GHI", "JKL", "MNO", "PQRS", "TUV", "WXYZ")
    ) for letter in letters}
)  # fmt: skip
_VANITY = re.compile(
    r"(?<![\w+])(?P<prefix>\+?1[ .-]?8(?:00|33|44|55|66|77|88)|8(?:00|33|44|55|66|77|88)|1[38]00)"
    r"(?P<rest>(?:[ .-]?(?:\d{1,4}|[A-Z]{2,10}(?![a-z]))){1,4})(?![\w])"
)
_VANITY_HINT = re.compile(r"[0-9][ .-]?[A-Z]{2}")


def _vanity_digits(match: re.Match[str]) -> str:
    prefix, rest = match.group("prefix"), match.group("rest")
    if not re.search(r"[A-Z]", rest) or (_shouted(match) and not re.search(r"\d", rest)):
        return match.group()
    digits = re.sub(r"\D", "", prefix + rest.translate(_KEYPAD))
    # A North American number is 1 and ten digits ("1-800-273-TALK"), or ten without
    # the 1; an Australian one ten, written 1300 or 1800 and its word ("1800RESPECT").
    australian = prefix == "1300" or (prefix == "1800" and rest[:1].isalpha())
    length = 11 if digits.startswith("1") and not australian else 10
    if len(digits) < length:
        return match.group()
    return ("+" if prefix.startswith("+") else "") + digits[:length]


_CAPITAL_WORD_BEFORE = re.compile(r"\b[A-Z]{2,}[^\w\n]{1,3}$")
_CAPITAL_WORD_AFTER = re.compile(r"[^\w\n]{1,3}[A-Z]{2,}\b")


def _shouted(match: re.Match[str]) -> bool:
    """Capitals on both sides of the number: a sentence in capitals ("IN 1800 PEOPLE
    WROTE"), not a vanity number."""
    text = match.string
    before = _CAPITAL_WORD_BEFORE.search(text, max(0, match.start() - 20), match.start())
    return bool(before) or bool(_CAPITAL_WORD_AFTER.match(text, match.end()))


def read_vanity_numbers(text: str) -> str:
    """Spell "1-800-273-TALK" as the number it dials (before case is folded)."""
    if not _VANITY_HINT.search(text):
        return text
    return _VANITY.sub(_vanity_digits, text)


# Markdown emphasis (``*``, ``_``, ``~``) put between the pieces of a contact: readers
# see "+44 7700 900 456" in italics, a filter reading the text as typed sees no number.
# Between digit groups of a phone-length run the markers are read as nothing.
_EMPHASIS_HINT = re.compile(r"\d[*_~]|[*_~]\d")
_EMPHASISED_NUMBER = re.compile(
    r"(?<![\w@/.])[*_~]{0,3}\+?[*_~]{0,3}\d(?:[*_~]{0,3}[ .()-]{0,2}[*_~]{0,3}\d)+[*_~]{0,3}"
)
_EMPHASIS = re.compile(r"[*_~]+")
# Around an address's "@": "sam.jones**@**gmail.com", "**sam.jones**@gmail.com",
# "sam.jones@*gmail*.com". Markers count only in pairs (emphasis opens and closes), so
# "j***@gmail.com", an address someone blanked out, stays as it is.
_EMPHASIS_AT = re.compile(
    r"(?<=[\w.])(?P<m>[*~]{1,3}|_{1,3})@(?P=m)(?=\w)"
    r"|(?<![\w*~])(?P<o>[*~]{1,3}|_{1,3})(?P<local>[a-z0-9][\w.+-]{0,63}?)(?P=o)@(?=\w)"
    r"|(?<=\w)@(?P<d>[*~]{1,3}|_{1,3})(?P<host>[a-z0-9][\w-]{0,62}?)(?P=d)(?=\.\w)"
)


def _without_emphasis(match: re.Match[str]) -> str:
    run = match.group()
    if sum(ch.isdigit() for ch in run) < _MIN_PHONE_DIGITS:
        return run
    return _EMPHASIS.sub("", run)


def _unemphasised_at(match: re.Match[str]) -> str:
    if match.group("local") is not None:
        return match.group("local") + "@"
    if match.group("host") is not None:
        return "@" + match.group("host")
    return "@"


# A number continued over the items of a Markdown list: readers see two bullets,
# "07700" and "900 456", one under the other.
_LIST_ITEM_NUMBER = re.compile(
    r"[ ]{0,3}(?:>[ ]?){0,3}[ ]{0,3}(?:[-*+]|\d{1,2}[.)])[ ]+(\+?\d[\d .()-]*?)"
    r"(?:[ ]*|[ ]+(?P<rest>[^\d\s].*))"
)
_NUMBER_CHARACTERS = frozenset("0123456789 .()-+")
_YEAR = re.compile(r"(?:19|20)\d\d")
_MAX_LIST_PIECES = 6


def _number_tail(line: str) -> str:
    """The digit groups a line ends with ("" if it ends otherwise)."""
    start = len(line.rstrip())
    while start and line[start - 1] in _NUMBER_CHARACTERS:
        start -= 1
    tail = line[start:].lstrip(" .()-").rstrip()
    return tail if tail[:1].isdigit() or (tail[:1] == "+" and tail[1:2].isdigit()) else ""


def _listed_number(digits: list[str]) -> bool:
    """Digit groups over list items that read as one phone number: phone-length, and
    starting with 0 or + or long enough, not a list of years."""
    total = "".join(digits)
    groups = re.findall(r"\d+", " ".join(digits))
    if not _MIN_PHONE_DIGITS <= len(re.sub(r"\D", "", total)) <= 15:
        return False
    if all(_YEAR.fullmatch(group) for group in groups):
        return False
    first = digits[0].lstrip()
    return first.startswith(("+", "0")) or len(re.sub(r"\D", "", total)) >= 10


def join_listed_numbers(text: str) -> str:
    """Join a number whose digit groups continue over list items into one line."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    out = [lines[0]]
    index = 1
    while index < len(lines):
        tail = _number_tail(out[-1])
        item = _LIST_ITEM_NUMBER.fullmatch(lines[index]) if tail else None
        if item is None:
            out.append(lines[index])
            index += 1
            continue
        items = [item]
        end = index + 1
        # A number is spread over a few items at most; looking further than that would
        # make a long list of figures cost its length squared. Words after the digits
        # end the number ("- 900 456 if you want to talk").
        while (
            items[-1].group("rest") is None
            and end < len(lines)
            and end - index < _MAX_LIST_PIECES
            and (more := _LIST_ITEM_NUMBER.fullmatch(lines[end]))
        ):
            items.append(more)
            end += 1
        # The longest run of items that is still one number.
        while items and not _listed_number([tail] + [item.group(1) for item in items]):
            items.pop()
        if not items:
            out.append(lines[index])
            index += 1
            continue
        joined = " ".join(item.group(1).strip() for item in items)
        rest = items[-1].group("rest")
        out[-1] = out[-1].rstrip() + " " + joined + (" " + rest if rest else "")
        index += len(items)
    return "\n".join(out)


# The letter O for a zero in a run of digit groups: "O77OO 9OO 456". Only in a run that
# is mostly digits, with a group of two digits or more, so words keep their o's.
_DIGIT_BESIDE_O = re.compile(r"\do|o\d")
_DIGITS_AND_OS = re.compile(r"(?<![\w+])(?:[0-9o]++(?:[ .-](?=[0-9o]))?+)++")


def _os_as_zeros(match: re.Match[str]) -> str:
    run = match.group()
    after = match.string[match.end() : match.end() + 1]
    if "o" not in run or after.isalnum() or after == "_":  # part of a word: "2oo7am"
        return run
    groups = re.split(r"[ .-]", run)
    digits = sum(ch.isdigit() for ch in run)
    letters = run.count("o")
    if (
        len(groups) < 2
        or digits <= letters
        or digits + letters < _MIN_PHONE_DIGITS
        or not all(any(ch.isdigit() for ch in group) for group in groups)
        or not any(sum(ch.isdigit() for ch in group) >= 2 for group in groups)
    ):
        return run
    return run.replace("o", "0")


def fold_words(text: str) -> str:
    """Join spelled-out words, undo leetspeak, turn digit words into digits and odd
    separators between digit groups into dashes."""
    # Each step first runs a cheap test that is true whenever the step could change
    # anything; long genuine posts then cost little.
    if _ODD_DIGIT_SEPARATOR.search(text):
        text = _ODD_SEPARATED_NUMBER.sub(_dash_odd_separators, text)
    if _SPELLED_OUT_HINT.search(text):
        text = _SPELLED_OUT.sub(_join_spelled_out, text)
    if _EMPHASIS_HINT.search(text):
        text = _EMPHASISED_NUMBER.sub(_without_emphasis, text)
    if "@" in text and ("*" in text or "~" in text or "_" in text):
        text = _EMPHASIS_AT.sub(_unemphasised_at, text)
    if "\n" in text:
        text = join_listed_numbers(text)
    if _DIGIT_BESIDE_O.search(text):
        text = _DIGITS_AND_OS.sub(_os_as_zeros, text)
    if _LETTER_IN_NUMBER_HINT.search(text):
        text = _LETTER_IN_NUMBER.sub(lambda m: _LETTER_DIGITS[m.group()], text)
    if _LEET_HINT.search(text):
        text = _TOKEN.sub(_fold_leet_token, text)
    if sum(map(text.count, _DIGIT_WORDS)) >= 2 and _NUMBER_WORD_HINT.search(text):
        text = _NUMBER_WORD_RUN.sub(_digits_from_words, text)
    return text


# --- 3. Contacts ----------------------------------------------------------------------

# Top-level domains accepted for bare domains ("example.com"). Endings that are also
# English words ("today", "life", "me", "in") are left out: "miss her.today" is a typo,
# not a link. They still count after "http://" or "www.", or on a known short-link host.
_BARE_TLDS = (
    "com|net|org|info|biz|io|xyz|icu|ru|ng|shop|store|online|site|website|"
    "co\\.uk|org\\.uk|co\\.za|com\\.ng|com\\.gh"
)
# Endings accepted when the dot itself was disguised ("yahoo . com", "site dot net").
_SPELLED_TLDS = "com|net|org|info|biz"
_SHORT_LINK_HOSTS = (
    "wa\\.me|t\\.me|bit\\.ly|tinyurl\\.com|goo\\.gl|linktr\\.ee|m\\.me|ig\\.me|t\\.ly|"
    "cutt\\.ly|ow\\.ly|is\\.gd|rb\\.gy|tiny\\.cc|shorturl\\.at|rebrand\\.ly|s\\.id|v\\.gd|"
    "t\\.co|buff\\.ly|tr\\.ee|lnkd\\.in"
)
# Providers whose name alone after "@" means an address ("name@gmail").
_MAIL_PROVIDERS = (
    "gmail|googlemail|yahoo|ymail|hotmail|outlook|live|aol|icloud|protonmail|proton|"
    "yandex|gmx|mail|zoho|rocketmail"
)

# "(@)", "[at]", "{at}", "<at>" -> "@"; "(dot)", "[.]" -> "."
_BRACKETED_AT = re.compile(r"\s*[(\[{<]\s*(?:at|@)\s*[)\]}>]\s*")
_BRACKETED_DOT = re.compile(r"\s*[(\[{<]\s*(?:dot|\.)\s*[)\]}>]\s*")
_BRACKET_HINT = re.compile(r"[(\[{<]\s*(?:at|dot|@|\.)\s*[)\]}>]")
# A spelled-out ending always follows a space or a dot: "yahoo . com", "site dot net".
_TLD_HINTS = tuple(sep + tld for sep in " .\n" for tld in _SPELLED_TLDS.split("|"))
# "name at gmail dot com", "name at gmail.com", "name at yahoo"
# Not after a pronoun ("find me at example.com" is a site, not me@example.com), nor
# before a link's path ("at facebook.com/name").
_WORD_AT = re.compile(
    r"(?<=[a-z0-9_])(?<!\bme)(?<!\bus)(?<!\bhim)(?<!\bher)(?<!\bthem)(?<!\byou)"
    rf"\s+at\s+(?=[a-z0-9-]+\s*(?:\.|\bdot\b)\s*(?:{_SPELLED_TLDS})\b(?!/))"
)
# "example dot com", "yahoo . com"
_WORD_DOT_TLD = re.compile(
    rf"(?<=[a-z0-9])\s*(?:\s\bdot\b\s|\s\.\s?|\.\s)\s*(?=(?:{_SPELLED_TLDS})\b)"
)
# "name@ host com": the dot left out altogether, only after an "@".
_AT_DOMAIN_SPACE_TLD = re.compile(rf"(@\s*[a-z0-9-]+)\s+(?=(?:{_SPELLED_TLDS})\b)")
# "name @ yahoo", "name@ gmail": spaces around the "@" of an address.
_SPACED_AT = re.compile(
    rf"(?<=[a-z0-9_.])(?:\s*@\s+|\s+@\s*)"
    rf"(?=[a-z0-9-]+\.(?:{_BARE_TLDS})\b|(?:{_MAIL_PROVIDERS})\b)"
)

_URL = re.compile(
    rf"(?:https?://|www\.)[^\s<>\"'()\[\]{{}}]+"
    rf"|(?<![\w@.-])(?:{_SHORT_LINK_HOSTS})/[^\s<>\"'()\[\]{{}}]+"
    rf"|(?<![\w@.-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:{_BARE_TLDS})\b(?![@-])"
    rf"(?:/[^\s<>\"'()\[\]{{}}]*)?"
)
_EMAIL = re.compile(
    r"(?<![\w.+-])[a-z0-9_][a-z0-9_.+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b"
    rf"|(?<![\w.+-])[a-z0-9_][a-z0-9_.+-]*@(?:{_MAIL_PROVIDERS})\b(?!\.\w)"
)
_MESSENGERS = (
    "whatsapp|whats app|telegram|instagram|insta|ig|viber|wechat|snapchat|snap|kik|signal|"
    "facebook|fb|tiktok|twitter|skype|line|imo"
)
_HANDLE = re.compile(
    rf"\b(?P<platform>{_MESSENGERS})\b\s*(?:(?:id|handle|username|name|page|account|is|on|at)"
    r"\b\s*)?[:=-]?\s*@(?P<name>[a-z0-9_][a-z0-9_.]{1,30}[a-z0-9_])"
    r"|(?<![\w@/.])@(?P<bare>[a-z_][a-z0-9_.]{1,30}[a-z0-9_])"
)
# Links to a person's own profile or chat reach them as surely as a number does: they
# are read as the handle (or, for WhatsApp's wa.me/<number>, the phone number) they
# lead to. Paths that are pages of the site rather than someone's profile stay links.
_PROFILE_LINK = re.compile(
    r"(?:(?:m|mobile|web)\.)?(?P<site>instagram\.com|instagr\.am|facebook\.com|fb\.com|"
    r"tiktok\.com|snapchat\.com|twitter\.com|x\.com|t\.me|telegram\.me|wa\.me|m\.me|ig\.me)"
    r"/(?:add/|m/)?@?(?P<name>[a-z0-9_.+]{2,40})/?"
    r"(?:\?\S*)?$"
)
_PROFILE_SITES = {
    "instagram.com": "instagram", "instagr.am": "instagram", "ig.me": "instagram",
    "facebook.com": "facebook", "fb.com": "facebook", "m.me": "facebook",
    "tiktok.com": "tiktok", "snapchat.com": "snapchat", "twitter.com": "twitter",
    "x.com": "twitter", "t.me": "telegram", "telegram.me": "telegram", "wa.me": "whatsapp",
}  # fmt: skip
# First path parts that are a site's own pages, not a person's.
_NOT_PROFILES = frozenset(
    "p reel reels explore stories accounts tv direct groups pages events share sharer "
    "watch marketplace help policies privacy login signup about legal photo.php story.php "
    "hashtag search intent home i discover tag music video joinchat s addstickers "
    "addemoji proxy setlanguage iv share.php dialog plugins".split()
)  # fmt: skip
_FACEBOOK_ID = re.compile(
    r"(?:(?:m|mobile|web)\.)?facebook\.com/profile\.php\?id=(?P<id>\d{5,20})$"
)


def _profile_contact(url: str) -> Contact | None:
    """The handle or number a profile link leads to ("instagram.com/name" is
    instagram:@name, "wa.me/447700900123" the phone number), or None for other links."""
    facebook = _FACEBOOK_ID.match(url)
    if facebook:
        return Contact("handle", f"facebook:@{facebook.group('id')}")
    match = _PROFILE_LINK.match(url)
    if match is None:
        return None
    site, name = _PROFILE_SITES[match.group("site")], match.group("name").rstrip(".")
    if site == "whatsapp":
        digits = name.lstrip("+")
        if not digits.isdigit() or len(digits) < _MIN_PHONE_DIGITS:
            return None
        return Contact("phone", _canonical_phone("+" + digits))
    if name in _NOT_PROFILES or name.startswith("+") or name.endswith((".php", ".html", ".htm")):
        return None
    return Contact("handle", f"{site}:@{name}")


_PLATFORM_NAMES = {"whats app": "whatsapp", "insta": "instagram", "ig": "instagram",
                   "fb": "facebook", "snap": "snapchat"}  # fmt: skip

# Digits with at most one separator between groups; 9+ digits is a phone number even
# when the phone library does not recognise its layout.
_DIGIT_RUN = re.compile(r"(?<![\w+])\+?\d(?:[ ().-]{0,2}\d){8,15}(?![\w])")
# After a "+" the digits are a phone number even when one line break splits them.
_INTERNATIONAL_RUN = re.compile(r"(?<![\w+])\+\d(?:[ ().-]{0,2}\n?[ ().-]?\d){8,15}(?![\w])")
# Numbers that are amounts, not phones: "$4,369,877", "£1,000,000".
_AMOUNT = re.compile(r"[$£€¥₦]\s?$|\d,\d{3}(?:,\d{3})+")
# A number written without its country code ("07700 900123", "0803 555 0134") is valid
# in several countries at once (that one is British, and also a valid Indian mobile
# number): its country is never guessed. It is kept as the digits written.
_NATIONAL_PREFIX = re.compile(r"^00(?=[1-9])")
_MIN_INTERNATIONAL_DIGITS = 11
_MIN_PHONE_DIGITS = 7
# Bounds on the phone library's work per post (see _take_phones).
_MATCHER_TRIES = 40
_CANONICAL_PHONES = 12
_URL_HINT = re.compile(rf"://|www\.|\.(?:{_BARE_TLDS})\b|\.(?:me|ly|gl|ee|gd|gy|cc|at|id|co|in)/")


_OPENING = frozenset("([{<")
_CLOSING = re.compile(r"[)\]}>]")


def unbracket_symbols(text: str) -> str:
    """Rewrite "(@)", "[at]", "(dot)", "{.}" into "@" and ".", with the spaces around
    them, however deeply nested: "( [ (at) ] )" is "@" too."""
    if not _BRACKET_HINT.search(text):
        return text
    # One pass of the two patterns handles the usual single disguise.
    text = _BRACKETED_DOT.sub(".", _BRACKETED_AT.sub("@", text))
    if not _BRACKET_HINT.search(text):
        return text
    # Nested ones: repeating the pass until nothing changes took one pass per level,
    # quadratic in a post of nested brackets. This reduces them in one left-to-right
    # pass to the same end result: each closing bracket that ends "open, symbol, close"
    # (spaces allowed inside) replaces the three, and the spaces on both sides, with the
    # symbol; the symbol it leaves can then be the inside of an enclosing pair.
    out: list[str] = []
    position = 0
    for closing in _CLOSING.finditer(text):
        at = closing.start()
        if at < position:  # inside spaces already dropped after a replaced symbol
            continue
        out.extend(text[position:at])
        position = at + 1
        if _reduce_bracketed(out):
            while position < len(text) and text[position].isspace():
                position += 1
        else:
            out.append(closing.group())
    out.extend(text[position:])
    return "".join(out)


def _reduce_bracketed(out: list[str]) -> bool:
    """If ``out`` (one character an item) ends with an opening bracket, spaces, a symbol
    and spaces, replace them and the spaces before the bracket with the symbol."""
    end = len(out)
    while end and out[end - 1].isspace():
        end -= 1
    if end < 2:
        return False
    last = out[end - 1]
    if last in ("@", "."):
        start, symbol = end - 1, last
    elif last == "t" and out[end - 2] == "a":
        start, symbol = end - 2, "@"
    elif last == "t" and end >= 3 and out[end - 3] == "d" and out[end - 2] == "o":
        start, symbol = end - 3, "."
    else:
        return False
    while start and out[start - 1].isspace():
        start -= 1
    if not start or out[start - 1] not in _OPENING:
        return False
    start -= 1
    while start and out[start - 1].isspace():
        start -= 1
    del out[start:]
    out.append(symbol)
    return True


# An address written backwards: "moc.liamg@xrd" is xrd@gmail.com.
_REVERSED_EMAIL = re.compile(
    r"(?<![\w.@+-])(?:moc|ten|gro|ofni|zib|ku\.oc|az\.oc)\.[a-z0-9-]+(?:\.[a-z0-9-]+)*"
    r"@[a-z0-9_][a-z0-9_.+-]*(?![\w@])"
)
_SPACED_AT_WORD = re.compile(r"\sat\s")


def deobfuscate_addresses(text: str) -> str:
    """Rewrite " at ", " dot com" and spaced dots and "@"s into real addresses, also
    when each part is on a line of its own, and addresses written backwards."""
    # Cheap tests first: most posts contain none of these tricks.
    if any(hint in text for hint in _TLD_HINTS):
        if _SPACED_AT_WORD.search(text):
            text = _WORD_AT.sub("@", text)
        text = _WORD_DOT_TLD.sub(".", text)
    if "@" in text:
        if "moc." in text or "@" in text and _REVERSED_EMAIL.search(text):
            text = _REVERSED_EMAIL.sub(lambda match: match.group()[::-1], text)
        text = _AT_DOMAIN_SPACE_TLD.sub(r"\1.", text)
        text = _SPACED_AT.sub("@", text)
    return text


# A number given in two parts with words between them: "0803 ... (first part) and then
# 555 0134 (the rest)". The first part starts as a number does (0 or +), the words
# between say the number goes on, and together the parts make a phone number's length.
_SPLIT_NUMBER = re.compile(
    r"(?<![\w+])(?P<first>(?:\+|0)\d{1,4}(?:[ .-]\d{1,5}){0,2})(?![\d])"
    r"(?P<gap>[^\d\n]{2,40}?)"
    r"(?P<second>\d{3,5}(?:[ .-]\d{2,5}){0,2})(?![\w])"
)
_CONTINUES = re.compile(
    r"\.\.\.|…|\b(?:then|rest|remaining|followed|last|next|continues?|second|part|ends?)\b"
)


def _joined_parts(match: re.Match[str]) -> str:
    first = re.sub(r"\D", "", match.group("first"))
    second = re.sub(r"\D", "", match.group("second"))
    if (
        not 10 <= len(first) + len(second) <= 13
        or len(first) < 3
        or len(second) < 4
        or not _CONTINUES.search(match.group("gap"))
    ):
        return match.group()
    plus = "+" if match.group("first").startswith("+") else ""
    return f"{plus}{first}{second}"


def join_split_numbers(text: str) -> str:
    """Join a phone number given in two parts with words between them."""
    if sum(map(text.count, "0123456789")) < 10:
        return text
    return _SPLIT_NUMBER.sub(_joined_parts, text)


def _canonical_url(raw: str) -> str:
    url = re.sub(r"^(?:https?://)+", "", raw.rstrip(".,;:!?*'\""))
    host = re.sub(r"^(?:www\.)+", "", url)
    if "." in host.split("/")[0]:  # keep "www." when it is all the host there is
        url = host
    return url.rstrip("/.,;:!?")


def _canonical_email(raw: str) -> str:
    local, _, domain = raw.rstrip(".").partition("@")
    if "." not in domain:
        domain += ".com"  # "name@gmail": the provider's address is what was meant
    return f"{local}@{domain}"


@functools.lru_cache(maxsize=4096)
def _canonical_phone(digits: str) -> str:
    """E.164 when the number says its own country, else the digits as written.

    A number says its country with a "+" or "00" in front ("+44 7700 900123",
    "0044 7700 900123"), or by starting with a country code when it is too long to be a
    national number ("2348105550123", "18002738255": 11 digits or more, no leading 0).
    A national number ("07700 900123", "202 555 0143") stays as its digits: its
    country cannot be told from the text, and a guess shows the author someone else's
    number (the British "07700 900123" is also a valid Indian one)."""
    international = _NATIONAL_PREFIX.sub("+", digits)
    if not international.startswith("+"):
        if len(digits) < _MIN_INTERNATIONAL_DIGITS or digits.startswith("0"):
            return digits
        international = "+" + digits
    try:
        number = phonenumbers.parse(international, None)
    except phonenumbers.NumberParseException:
        return digits
    if phonenumbers.is_valid_number(number):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return digits


class _ContactCollector:
    """Replaces found contacts with private-use placeholders while the text is scanned,
    so later finders cannot match inside an address already found."""

    _BASE = 0xF0000  # plane-15 private use; never survives fold_unicode in real input

    def __init__(self) -> None:
        self.found: list[tuple[Contact, str]] = []

    def add(self, contact: Contact, rendered: str) -> str:
        self.found.append((contact, rendered))
        return chr(self._BASE + len(self.found) - 1)

    def render(self, text: str, redact: bool) -> str:
        if not self.found:
            return text

        def restore(match: re.Match[str]) -> str:
            contact, rendered = self.found[ord(match.group()) - self._BASE]
            return f" {REDACTION_WORDS[contact.kind]} " if redact else rendered

        return re.sub(r"[\U000F0000-\U000FFFFD]", restore, text)

    def contacts(self) -> list[Contact]:
        unique: dict[Contact, None] = {}
        for contact, _ in self.found:
            unique.setdefault(contact, None)
        return list(unique)


def _take_urls(text: str, found: _ContactCollector) -> str:
    if not _URL_HINT.search(text):
        return text

    def take(match: re.Match[str]) -> str:
        raw = match.group()
        url = _canonical_url(raw)
        if not url or "." not in url:
            return raw
        # The text keeps the link as written (minus trailing punctuation): a shortened
        # form might no longer read as a link, and normalising twice must change nothing.
        kept = raw.rstrip(".,;:!?*'\"")
        contact = _profile_contact(url) or Contact("url", url)
        return found.add(contact, kept) + raw[len(kept) :]

    return _URL.sub(take, text)


def _take_emails(text: str, found: _ContactCollector) -> str:
    if "@" not in text:
        return text

    def take(match: re.Match[str]) -> str:
        raw = match.group()
        email = _canonical_email(raw)
        return found.add(Contact("email", email), email) + raw[len(raw.rstrip(".")) :]

    return _EMAIL.sub(take, text)


def _take_handles(text: str, found: _ContactCollector) -> str:
    if "@" not in text:
        return text

    def take(match: re.Match[str]) -> str:
        if match.group("bare"):
            name = match.group("bare").rstrip(".")
            return found.add(Contact("handle", "@" + name), "@" + name)
        platform = _PLATFORM_NAMES.get(match.group("platform"), match.group("platform"))
        name = match.group("name").rstrip(".")
        prefix = match.group()[: match.start("name") - match.start() - 1]
        return prefix + found.add(Contact("handle", f"{platform}:@{name}"), "@" + name)

    return _HANDLE.sub(take, text)


def _phone_token(raw: str) -> str:
    digits = re.sub(r"\D", "", raw)
    return ("+" + digits) if raw.lstrip().startswith("+") else digits


def _take_phones(text: str, found: _ContactCollector) -> str:
    # The phone library is slow on long text; only numbers with 7+ digits interest us.
    if sum(map(text.count, "0123456789")) < _MIN_PHONE_DIGITS:
        return text
    spans: list[tuple[int, int]] = []  # sorted, never overlapping

    def add(start: int, end: int) -> None:
        # Only the span starting last before ``end`` can overlap (comparing with every
        # span was quadratic in a post of hundreds of digit groups).
        index = bisect.bisect_left(spans, (end,))
        if index == 0 or spans[index - 1][1] <= start:
            spans.insert(index, (start, end))

    if "\n" in text and "+" in text:
        for match in _INTERNATIONAL_RUN.finditer(text):
            if match.group().count("\n") == 1:  # a wrapped number, not a column of digits
                add(match.start(), match.end())
    # The library's matcher costs about a millisecond per candidate on digit-heavy text,
    # so its work is bounded: candidates shorter than the shortest number kept below are
    # skipped without a parse, and it gives up after a fixed number of failed or found
    # candidates. Numbers past that are still found by _DIGIT_RUN.
    matcher = phonenumbers.PhoneNumberMatcher(
        text,
        "US",
        leniency=phonenumbers.Leniency.POSSIBLE,
        max_tries=_MATCHER_TRIES,
        min_candidate_length=_MIN_PHONE_DIGITS,
    )
    for match in islice(matcher, _MATCHER_TRIES):
        add(match.start, match.end)
    for match in _DIGIT_RUN.finditer(text):
        add(match.start(), match.end())
    pieces: list[str] = []
    cursor = 0
    for start, end in sorted(spans):
        raw = text[start:end]
        # An unpaired bracket is not part of the number; leave it in the text, or the
        # next pass would see different text around the number.
        if raw.startswith("(") and ")" not in raw:
            start, raw = start + 1, raw[1:]
        if raw.endswith(")") and "(" not in raw:
            end, raw = end - 1, raw[:-1]
        before = text[max(0, start - 2) : start]
        token = _phone_token(raw)
        if (
            _AMOUNT.search(before)
            or _AMOUNT.search(raw)
            or len(token.lstrip("+")) < _MIN_PHONE_DIGITS
        ):
            continue
        # Each number costs up to eight parses; past the first few, bare digits will do.
        canonical = _canonical_phone(token) if len(pieces) < 2 * _CANONICAL_PHONES else token
        pieces.append(text[cursor:start])
        pieces.append(found.add(Contact("phone", canonical), token))
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


_SPACES = re.compile(r" {2,}")
_LINE_BREAK_RUN = re.compile(r" ?\n[ \n]*")


def _tidy_spaces(text: str) -> str:
    """One space between words, one line break between lines, nothing at either end."""
    if "  " in text:
        text = _SPACES.sub(" ", text)
    if " \n" in text or "\n " in text or "\n\n" in text:
        text = _LINE_BREAK_RUN.sub("\n", text)
    return text.strip()


def normalize(text: str) -> Normalized:
    """Return the screening view of ``text``: normalised text plus contact details."""
    if not isinstance(text, str):
        raise TypeError(f"normalize() expects a str, not {type(text).__name__}")
    text = _tidy_spaces(fold_unicode(read_vanity_numbers(text)))
    # Brackets first: the dots they give back can separate the digits of a phone number.
    text = unbracket_symbols(text)
    text = fold_words(text)
    text = deobfuscate_addresses(text)
    text = join_split_numbers(text)
    found = _ContactCollector()
    text = _take_urls(text, found)
    text = _take_emails(text, found)
    text = _take_handles(text, found)
    text = _take_phones(text, found)
    text = _tidy_spaces(text)
    return Normalized(
        text=found.render(text, redact=False),
        contacts=found.contacts(),
        redacted=_tidy_spaces(found.render(text, redact=True)),
    )


# From this many texts on, normalising a batch is worth a second process.
_LARGE_BATCH = 20_000


def screening_views(texts: list[str]) -> list[tuple[str, str]]:
    """(normalised text, redacted text) of every text: what the rules and the classifier
    read. Training normalises whole corpora this way; screening one post calls
    ``normalize``."""
    if len(texts) < _LARGE_BATCH:
        return [_views(text) for text in texts]
    # Normalising is pure Python; on a large corpus two processes halve the wait.
    with ProcessPoolExecutor(max_workers=2) as pool:
        return list(pool.map(_views, texts, chunksize=2000))


def _views(text: str) -> tuple[str, str]:
    normalized = normalize(text)
    return normalized.text, normalized.redacted
