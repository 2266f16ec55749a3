"""Which posts a browser's author may edit and delete: the tokens it holds, verified."""

from app.poster_identity import MAX_REMEMBERED_TOKENS, token_hash, token_matches
from models import Post, PostStatus, db


def is_author(post: Post, token: str | None) -> bool:
    return token_matches(token, post.edit_token_hash)


def verified_own_posts(tokens: dict[int, str], thread_id: int | None = None) -> frozenset[int]:
    """The posts among a browser's remembered ``tokens`` whose token matches the stored
    hash: the only ids a cookie proves its holder wrote. The ids alone are claims anyone
    can forge. One query, whatever the cookie lists; a browser keeps at most
    MAX_REMEMBERED_TOKENS, so more than that are not looked at."""
    candidates = sorted(tokens)[-MAX_REMEMBERED_TOKENS:]
    if not candidates:
        return frozenset()
    query = db.select(Post.id, Post.edit_token_hash).where(Post.id.in_(candidates))
    if thread_id is not None:
        query = query.where(Post.thread_id == thread_id)
    return frozenset(
        post_id
        for post_id, stored in db.session.execute(query)
        if token_matches(tokens[post_id], stored)
    )


def own_posts(tokens: dict[int, str]) -> list[Post]:
    """The posts, not yet deleted, whose tokens this browser verifiably holds."""
    own = verified_own_posts(tokens)
    if not own:
        return []
    return list(
        db.session.execute(
            db.select(Post)
            .where(Post.id.in_(own), Post.status != PostStatus.DELETED)
            .options(db.joinedload(Post.thread))
            .order_by(Post.id)
        ).scalars()
    )


def post_with_token(token: str) -> Post | None:
    """The post, not deleted, whose token this is (pasted on another device). Tokens
    are 144 random bits and keyed-hashed, so the hash is a safe key to look up by."""
    if not token or len(token) > 64:
        return None
    return db.session.execute(
        db.select(Post).where(
            Post.edit_token_hash == token_hash(token.strip()),
            Post.status != PostStatus.DELETED,
        )
    ).scalar_one_or_none()
