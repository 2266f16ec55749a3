"""Post cards rendered once per version of the post and reused for every reader.

A card that is the same for everyone (a published or deleted post that is not the
viewer's own) is kept in the shared cache (``app/shared_cache.py``) under the post's id,
with a stamp of everything it shows that can change: status, text, edit time, the care
box, and the relative time ("3 hours ago"), so that as the post ages its card is
rendered again. A stored card whose stamp differs from the post's is rendered again and
replaced. The viewer's own posts (edit and delete links, "waiting for a moderator") are
rendered for each request and never stored.

A change to a post deletes its card in every worker sharing the cache as its
transaction commits (``app.shared_cache``), so a deleted post's words are gone from a
shared cache at once; in each worker's own memory (no ``REDIS_URL``) a card another
worker rendered goes when its stamp no longer matches, or after ``POST_CARD_SECONDS``.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from flask import Flask, current_app, url_for
from markupsafe import Markup

from app.rendering import RENDERING_VERSION
from app.shared_cache import card_key, get_many, set_many
from app.templating import relative_time
from models import VISIBLE_IN_THREAD, Post, utcnow

CARD_TEMPLATES = ("forum/_post.html", "forum/_care.html")


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()


def _stamp(post: Post, starter_hash: str, now: datetime) -> tuple:
    return (
        current_app.extensions["post_card_format"],
        post.status,
        post.edited_at,
        post.care,
        post.poster_hash == starter_hash,
        relative_time(post.created_at, now),
        _digest(post.body),
    )


def post_cards(posts: list[Post], starter_hash: str, own_post_ids: frozenset[int]) -> list[Markup]:
    """The HTML of each post's card, in order; the shared ones from the cache."""
    macro = current_app.jinja_env.get_template("forum/_post.html").module.post_card
    # One url_for for the page: every post link is this prefix and the post's id.
    post_url = url_for("forum.show_post", post_id=0).removesuffix("0")
    now = utcnow()
    shared = [
        post for post in posts if post.id not in own_post_ids and post.status in VISIBLE_IN_THREAD
    ]
    stamps = {post.id: _stamp(post, starter_hash, now) for post in shared}
    keys = [card_key(post.id) for post in shared]
    stored = dict(zip(keys, get_many(keys), strict=True)) if keys else {}
    cards, fresh = [], {}
    for post in posts:
        if post.id not in stamps:
            cards.append(macro(post, starter_hash, own_post_ids, post_url))
            continue
        kept = stored.get(card_key(post.id))
        if kept is not None and kept[0] == stamps[post.id]:
            cards.append(Markup(kept[1]))
            continue
        card = macro(post, starter_hash, frozenset(), post_url)
        fresh[card_key(post.id)] = (stamps[post.id], str(card))
        cards.append(card)
    set_many(fresh)
    return cards


def register(app: Flask) -> None:
    """Cards rendered by another release's templates, care message or way of rendering
    a post's text (``RENDERING_VERSION``) are not reused."""
    sources = [app.jinja_loader.get_source(app.jinja_env, name)[0] for name in CARD_TEMPLATES]
    app.extensions["post_card_format"] = _digest(
        "\0".join([*sources, app.config["CARE_MESSAGE"], RENDERING_VERSION])
    )
