"""Anonymous identity: poster keys, per-thread pseudonyms, edit tokens, address hashes.

Everything that could identify a person is stored only as a keyed hash. Keys are
derived from SECRET_KEY, one per purpose, so a leaked hash of one kind says nothing
about another.
"""

import hashlib
import hmac
import secrets

from flask import current_app, request

POSTER_COOKIE = "mend_poster"
TOKENS_COOKIE = "mend_tokens"
POSTER_COOKIE_MAX_AGE = 2 * 365 * 24 * 3600
# Cookies are limited to about 4 KB; each remembered token takes ~30 bytes.
MAX_REMEMBERED_TOKENS = 60

ADJECTIVES = (
    "Amber Brave Bright Calm Candid Clear Cosy Curious Dappled Daring Dawn Dusky Earnest "
    "Easy Fern Fond Gentle Golden Hazel Hopeful Humble Ivory Jade Kind Lilac Lively Lucky "
    "Mellow Merry Mild Misty Modest Mossy Noble Open Patient Pearl Plucky Quiet Rosy Rustic "
    "Sage Silver Sincere Snowy Soft Steady Sunny Swift Tender Thistle Tidy True Velvet Warm "
    "Willow Wise Wren Young Zesty Autumn Breezy Cedar"
).split()
ANIMALS = (
    "Otter Heron Finch Badger Hare Robin Fox Owl Lark Seal Wren Dove Swan Crane Deer Lynx "
    "Marten Puffin Stoat Vole Kestrel Plover Dolphin Panda Koala Lemur Gecko Ibis Magpie "
    "Moth Newt Oriole Pika Quail Raven Sparrow Tern Toad Turtle Walrus Yak Zebra Beaver "
    "Bison Camel Coyote Egret Ferret Gull Hedgehog Jay Kiwi Llama Mole Osprey Pelican "
    "Rabbit Salmon Thrush Weasel Whale Wolf Bear"
).split()


def _key(purpose: str) -> bytes:
    secret = current_app.config["SECRET_KEY"].encode()
    return hmac.new(secret, purpose.encode(), hashlib.sha256).digest()


def keyed_hash(purpose: str, value: str) -> str:
    return hmac.new(_key(purpose), value.encode(), hashlib.sha256).hexdigest()


def address_hash(remote_addr: str | None) -> str:
    return keyed_hash("address", remote_addr or "unknown")


def poster_hash(poster_key: str) -> str:
    return keyed_hash("poster", poster_key)


def new_poster_key() -> str:
    return secrets.token_urlsafe(24)


def current_poster_key() -> str | None:
    """The poster key from the request's cookie, if it looks like one of ours."""
    key = request.cookies.get(POSTER_COOKIE, "")
    return key if 20 <= len(key) <= 64 and key.replace("-", "").replace("_", "").isalnum() else None


def pseudonym_candidate(thread_id: int, poster_key: str, attempt: int = 0) -> str:
    """A friendly name from a keyed hash of (thread, poster): stable in a thread,
    unrelated across threads. ``attempt`` picks another name after a clash."""
    digest = bytes.fromhex(keyed_hash("pseudonym", f"{thread_id}:{poster_key}:{attempt}"))
    adjective = ADJECTIVES[int.from_bytes(digest[:4], "big") % len(ADJECTIVES)]
    animal = ANIMALS[int.from_bytes(digest[4:8], "big") % len(ANIMALS)]
    return f"{adjective} {animal}"


def new_edit_token() -> str:
    return secrets.token_urlsafe(18)


def token_hash(token: str) -> str:
    # Tokens are 144 random bits, so a plain hash cannot be brute-forced; keying it
    # still means a database dump alone is useless.
    return keyed_hash("edit-token", token)


def token_matches(token: str | None, stored_hash: str | None) -> bool:
    if not token or not stored_hash:
        return False
    return hmac.compare_digest(token_hash(token.strip()), stored_hash)


def remembered_tokens() -> dict[int, str]:
    """Edit tokens this browser holds, by post id."""
    from app.forum.services import MAX_ROW_ID  # the forum imports this module

    tokens: dict[int, str] = {}
    for pair in request.cookies.get(TOKENS_COOKIE, "").split("|"):
        post_id, _, token = pair.partition(":")
        # No post has a larger id; the database driver would overflow, not just miss.
        if post_id.isdigit() and len(post_id) <= 10 and int(post_id) <= MAX_ROW_ID and token:
            tokens[int(post_id)] = token
    return tokens


def tokens_cookie_value(tokens: dict[int, str]) -> str:
    newest = sorted(tokens.items())[-MAX_REMEMBERED_TOKENS:]
    return "|".join(f"{post_id}:{token}" for post_id, token in newest)
