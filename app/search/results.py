"""Running a search on the database's own full-text index, and showing its hits.

The index (``post_search``, made by migration 0013_search, and ``thread_search``, the
opening posts alone, 0016) holds only published posts in published threads, kept
current by triggers, so whatever it returns may be shown.
SQLite ranks with FTS5's bm25, PostgreSQL with ts_rank; the thread title counts four
times as much as the body on both.
"""

from dataclasses import dataclass

from markupsafe import Markup, escape
from sqlalchemy import text

from app.reader_view import mask_end_after, mask_start_before, reader_body
from app.search.query import WORD, Term, fts5_match, tsquery
from models import Post, Thread, db

SNIPPET_WORDS = 32
WORDS_BEFORE_HIT = 6

# Only the newest ``window`` matches are ranked. The inner query reads the matches newest
# first and stops at the window; ranking reads what it ranks.
_SQLITE_SEARCH = """
    SELECT post_id FROM (
        SELECT rowid AS post_id, bm25({table}, {weights}) AS score
        FROM {table} WHERE {table} MATCH :match
        ORDER BY rowid DESC LIMIT :window
    ) ORDER BY score, post_id DESC LIMIT :limit OFFSET :offset
"""
# "Threads only" searches the opening posts' own index (migration 0016), a tenth of the
# size, rather than filtering every post's matches (on both databases).
_SQLITE_POSTS = text(_SQLITE_SEARCH.format(table="post_search", weights="4.0, 1.0, 0.0"))
_SQLITE_OPENINGS = text(_SQLITE_SEARCH.format(table="thread_search", weights="4.0, 1.0"))

_PG_SEARCH = """
    SELECT post_id FROM (
        SELECT post_id, ts_rank(document, query) AS score
        FROM {table}, to_tsquery('simple', :tsquery) AS query
        WHERE document @@ query
        ORDER BY post_id DESC LIMIT :window
    ) AS hits ORDER BY score DESC, post_id DESC LIMIT :limit OFFSET :offset
"""
_PG_POSTS = text(_PG_SEARCH.format(table="post_search"))
_PG_OPENINGS = text(_PG_SEARCH.format(table="thread_search"))


@dataclass
class Hit:
    post: Post
    thread: Thread
    title: Markup
    snippet: Markup


def search_statement(terms: list[Term], threads_only: bool, limit: int, offset: int, window: int):
    """The statement and its parameters for this database (bench/scale.py explains it).
    Only the newest ``window`` matches are ranked: ranking reads every match it ranks,
    and a common word matches a large part of the forum."""
    params = {"window": window, "limit": limit, "offset": offset}
    if db.engine.dialect.name == "postgresql":
        statement = _PG_OPENINGS if threads_only else _PG_POSTS
        return statement, {**params, "tsquery": tsquery(terms)}
    if threads_only:
        return _SQLITE_OPENINGS, {**params, "match": fts5_match(terms)}
    return _SQLITE_POSTS, {**params, "match": "{title body} : (" + fts5_match(terms) + ")"}


def search_posts(
    terms: list[Term], threads_only: bool, per_page: int, page: int, window: int
) -> tuple[list[Hit], bool]:
    """One page of hits, best first, and whether another page follows."""
    offset = (page - 1) * per_page
    statement, params = search_statement(terms, threads_only, per_page + 1, offset, window)
    ids = list(db.session.execute(statement, params).scalars())
    has_more = len(ids) > per_page
    ids = ids[:per_page]
    rows = db.session.execute(
        db.select(Post, Thread).join(Thread, Thread.id == Post.thread_id).where(Post.id.in_(ids))
    ).all()
    by_id = {post.id: (post, thread) for post, thread in rows}
    hits = []
    for post_id in ids:
        if post_id not in by_id:  # gone between the two queries
            continue
        post, thread = by_id[post_id]
        shown = reader_body(post)
        if shown != post.body and not _all_terms_in(terms, thread.title, shown, post.is_opening):
            continue  # found only by words readers see as "[contact removed]"
        title, body = highlight(thread.title, terms), snippet(shown, terms)
        hits.append(Hit(post, thread, title, body))
    return hits, has_more


def _all_terms_in(terms: list[Term], title: str, body: str, is_opening: bool) -> bool:
    """Whether what readers see of a post (its thread's title for an opening post, and
    its body with a warning's masks applied) holds every term: the index holds the
    text as written, and a masked contact must not be found, or it could be read back
    from the hits one guessed prefix at a time."""
    texts = [body, title] if is_opening else [body]
    tokens = [[w.lower() for w in WORD.findall(text)] for text in texts]
    return all(any(_term_in(term, words) for words in tokens) for term in terms)


def _term_in(term: Term, words: list[str]) -> bool:
    if term.prefix or len(term.words) == 1:
        return any(term.matches(word) for word in words)
    size = len(term.words)
    return any(tuple(words[i : i + size]) == term.words for i in range(len(words) - size + 1))


def highlight(source: str, terms: list[Term]) -> Markup:
    """``source`` escaped, with each word a term matches in ``<mark>``."""
    return _marked(source, terms, 0, len(source))


def snippet(body: str, terms: list[Term]) -> Markup:
    """About ``SNIPPET_WORDS`` words of ``body`` around its first matching word, escaped
    and highlighted; "…" where it was cut."""
    words = list(WORD.finditer(body))
    first = next((i for i, w in enumerate(words) if _matches(w.group(), terms)), 0)
    start_word = max(0, first - WORDS_BEFORE_HIT)
    end_word = min(len(words), start_word + SNIPPET_WORDS)
    start = words[start_word].start() if words and start_word > 0 else 0
    end = words[end_word - 1].end() if words and end_word < len(words) else len(body)
    # Never half of a "[contact removed]": the whole mask is in, or none of it.
    start, end = mask_start_before(body, start), mask_end_after(body, end)
    marked = _marked(body, terms, start, end)
    before = Markup("… ") if start > 0 else Markup("")
    after = Markup(" …") if end < len(body) else Markup("")
    return before + marked + after


def _matches(word: str, terms: list[Term]) -> bool:
    lowered = word.lower()
    return any(term.matches(lowered) for term in terms)


def _marked(source: str, terms: list[Term], start: int, end: int) -> Markup:
    # The text is escaped piece by piece; only the <mark> tags are ours.
    pieces = []
    position = start
    for word in WORD.finditer(source, start, end):
        if _matches(word.group(), terms):
            pieces.append(escape(source[position : word.start()]))
            pieces.append(Markup("<mark>") + escape(word.group()) + Markup("</mark>"))
            position = word.end()
    pieces.append(escape(source[position:end]))
    return Markup("").join(pieces)
