"""The anonymous poster: poster keys, per-thread pseudonyms, edit tokens, address hashes,
and the cookies that carry the key and the remembered tokens.

Everything that could identify a person is stored only as a keyed hash. Keys are
derived from SECRET_KEY, one per purpose, so a leaked hash of one kind says nothing
about another.

A view asks for the poster (``current_poster``) and says which tokens to remember or
forget; the cookies are written once, after the view, by ``register``'s hook.
"""

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from flask import Flask, Response, current_app, g, request

from app.guards import row_id

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


# What an address hash is for. Each has its own key, so a report, a failed staff login
# and a post from one connection cannot be linked by their hashes.
POSTING_ADDRESS = "address"  # posts, address bans
REPORTING_ADDRESS = "report-address"
LOGIN_ADDRESS = "login-address"
LIMIT_ADDRESS = "rate-limit"


def address_period(now: datetime | None = None) -> int:
    """The number of the current ADDRESS_HASH_DAYS-long period since 1970: the same in
    every worker and server, so they all hash one address alike."""
    now = now or datetime.now(UTC).replace(tzinfo=None)
    seconds = current_app.config["ADDRESS_HASH_DAYS"] * 86400
    return int(now.replace(tzinfo=UTC).timestamp() // seconds)


def address_hash(
    remote_addr: str | None, purpose: str = POSTING_ADDRESS, now: datetime | None = None
) -> str:
    """A keyed hash of a client address whose key changes every period: one address gives
    unrelated hashes in different periods, so old rows cannot be linked to new ones."""
    return _address_hash(remote_addr, purpose, address_period(now))


def _address_hash(remote_addr: str | None, purpose: str, period: int) -> str:
    return keyed_hash(f"{purpose}@{period}", remote_addr or "unknown")


def recent_address_hashes(remote_addr: str | None, purpose: str = POSTING_ADDRESS) -> list[str]:
    """This address's hash in this period and the one before: what an address ban, made
    from a post's stored hash, is matched against."""
    period = address_period()
    return [_address_hash(remote_addr, purpose, p) for p in (period, period - 1)]


def address_hash_valid_until(hashed_at: datetime) -> datetime:
    """When a hash made at ``hashed_at`` stops matching this address: the end of the
    period after its own (see ``recent_address_hashes``)."""
    seconds = current_app.config["ADDRESS_HASH_DAYS"] * 86400
    end = (address_period(hashed_at) + 2) * seconds
    return datetime.fromtimestamp(end, UTC).replace(tzinfo=None)


def poster_hash(poster_key: str) -> str:
    return keyed_hash("poster", poster_key)


def reporter_hash(poster_key: str) -> str:
    # Not the poster hash: a report must not point at its reporter's own posts.
    return keyed_hash("reporter", poster_key)


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


def token_hashes(tokens: list[str]) -> list[str]:
    """``token_hash`` of each token, deriving the key once (the header's link hashes
    every token a browser holds on each page)."""
    key = _key("edit-token")
    return [hmac.new(key, t.strip().encode(), hashlib.sha256).hexdigest() for t in tokens]


def token_matches(token: str | None, stored_hash: str | None) -> bool:
    if not token or not stored_hash:
        return False
    return hmac.compare_digest(token_hash(token.strip()), stored_hash)


def remembered_tokens() -> dict[int, str]:
    """Edit tokens this browser holds, by post id."""
    tokens: dict[int, str] = {}
    for pair in request.cookies.get(TOKENS_COOKIE, "").split("|"):
        post_id, _, token = pair.partition(":")
        if row_id(post_id) is not None and token:  # ids past 2**31-1 are nobody's post
            tokens[int(post_id)] = token
    return tokens


def tokens_cookie_value(tokens: dict[int, str]) -> str:
    newest = sorted(tokens.items())[-MAX_REMEMBERED_TOKENS:]
    return "|".join(f"{post_id}:{token}" for post_id, token in newest)


def remember_token(post_id: int, token: str) -> None:
    """Keep ``token`` for ``post_id`` in this browser's tokens cookie."""
    g.setdefault("remember_tokens", {})[post_id] = token


def forget_tokens(post_ids: list[int]) -> None:
    """Drop these posts' tokens from this browser (the posts are deleted: no use left)."""
    g.forget_tokens = post_ids


@dataclass
class Poster:
    key: str
    address_hash: str


def current_poster() -> Poster:
    """The anonymous poster behind this request; a new key is issued on first post."""
    key = current_poster_key()
    if key is None:
        key = g.new_poster_key = new_poster_key()
    return Poster(key=key, address_hash=address_hash(request.remote_addr))


def poster_limit_key() -> str:
    """Whom a posting rate limit counts: the poster key, or the address without one."""
    key = current_poster_key()
    return poster_hash(key) if key else address_hash(request.remote_addr, LIMIT_ADDRESS)


def _set_identity_cookies(response: Response) -> Response:
    secure = current_app.config["POSTER_COOKIE_SECURE"]
    new_key = g.pop("new_poster_key", None)
    if new_key:
        response.set_cookie(
            POSTER_COOKIE,
            new_key,
            max_age=POSTER_COOKIE_MAX_AGE,
            httponly=True,
            samesite="Lax",
            secure=secure,
        )
    remembered = g.pop("remember_tokens", {})
    forgotten = g.pop("forget_tokens", ())
    if remembered or forgotten:
        tokens = remembered_tokens()
        tokens.update(remembered)
        for post_id in forgotten:
            tokens.pop(post_id, None)
        response.set_cookie(
            TOKENS_COOKIE,
            tokens_cookie_value(tokens),
            max_age=POSTER_COOKIE_MAX_AGE if tokens else 0,
            httponly=True,
            samesite="Lax",
            secure=secure,
        )
    return response


def register(app: Flask) -> None:
    app.after_request(_set_identity_cookies)
