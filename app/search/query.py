"""What a reader typed in the search box, made into terms both databases can run.

Readers' syntax is small: words (all must match), "quoted phrases", and ``word*`` for a
prefix. Everything else (FTS5 or tsquery operators, unbalanced quotes, brackets, NUL,
punctuation, very long input) is reduced to those, never passed on: the MATCH and
tsquery expressions are built here from letters and digits only, so no input can be a
syntax error in the database.
"""

import re
from dataclasses import dataclass

# Letters and digits of any script: the runs SQLite's unicode61 tokenizer (and the
# PostgreSQL index, which replaces everything else by spaces) treats as words.
WORD = re.compile(r"[^\W_]+")
QUOTED = re.compile(r'"([^"]*)"')
MAX_QUERY_CHARS = 300
MAX_TERMS = 8
MAX_WORD_CHARS = 60
# "a*" would match a large part of the index; shorter prefixes are searched as words.
MIN_PREFIX_CHARS = 2


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # one word, or the words of a phrase in order
    prefix: bool = False  # the (only) word is a prefix

    def matches(self, token: str) -> bool:
        """Whether ``token`` (lower-cased) is one of this term's words, for highlighting."""
        if self.prefix:
            return token.startswith(self.words[0])
        return token in self.words


def parse(raw: str) -> list[Term]:
    """The terms of ``raw``, at most ``MAX_TERMS``, duplicates dropped, in order."""
    text = raw[:MAX_QUERY_CHARS].replace("\x00", " ")
    terms: list[Term] = []
    position = 0
    for match in QUOTED.finditer(text):
        terms += _loose_terms(text[position : match.start()])
        words = _words(match.group(1))
        if len(words) > 1:
            terms.append(Term(tuple(words)))
        elif words:
            terms.append(Term((words[0],)))
        position = match.end()
    # What follows the last pair of quotes, an unbalanced quote included, is plain words.
    terms += _loose_terms(text[position:])
    unique = list(dict.fromkeys(terms))
    return unique[:MAX_TERMS]


def _words(text: str) -> list[str]:
    return [w.lower()[:MAX_WORD_CHARS] for w in WORD.findall(text)]


def _loose_terms(text: str) -> list[Term]:
    terms = []
    for match in WORD.finditer(text):
        word = match.group().lower()[:MAX_WORD_CHARS]
        starred = text[match.end() : match.end() + 1] == "*"
        terms.append(Term((word,), prefix=starred and len(word) >= MIN_PREFIX_CHARS))
    return terms


def fts5_match(terms: list[Term]) -> str:
    """An FTS5 MATCH expression: every term quoted (letters and digits only inside)."""
    parts = []
    for term in terms:
        quoted = '"' + " ".join(term.words) + '"'
        parts.append(quoted + " *" if term.prefix else quoted)
    return " AND ".join(parts)


def tsquery(terms: list[Term]) -> str:
    """A ``to_tsquery('simple', ...)`` expression: quoted lexemes, ``<->`` for phrases,
    ``:*`` for prefixes, ``&`` between terms."""
    parts = []
    for term in terms:
        lexemes = [f"'{word}'" for word in term.words]
        if term.prefix:
            parts.append(lexemes[0] + ":*")
        elif len(lexemes) > 1:
            parts.append("(" + " <-> ".join(lexemes) + ")")
        else:
            parts.append(lexemes[0])
    return " & ".join(parts)
