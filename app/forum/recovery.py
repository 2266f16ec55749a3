""" "Save my posts": one recovery code that gives another device this browser's tokens.

The code is 125 random bits, written as five groups of five letters and digits from an
alphabet without look-alikes. The server keeps, per saving browser, one row:

- a keyed hash of the code, to find the row by (keyed like every other hash, so a
  database dump alone cannot even test a guess);
- the browser's tokens, sealed with AES-GCM under a key derived from the code alone:
  the code is never stored, so neither the database nor SECRET_KEY opens them;
- a keyed hash of the saving browser's poster key (its own purpose, so it matches no
  post's poster hash), so that saving again, or deleting everything, replaces or drops
  that browser's code.

Restoring checks every sealed token against its post's stored hash again, as a cookie's
tokens are: a code gives only what its tokens still prove.
"""

import json
import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy.exc import IntegrityError

from app.forum.authorship import verified_own_posts
from app.poster_identity import keyed_hash
from models import Post, PostStatus, RecoveryCode, db

# Crockford's base32: no I, L, O or U, so nothing is mistaken for 1, 0 or V.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
GROUPS, GROUP_LENGTH = 5, 5
CODE_LENGTH = GROUPS * GROUP_LENGTH  # 25 characters of 5 bits: 125 bits
# What people type for the letters left out.
LOOK_ALIKES = str.maketrans({"I": "1", "L": "1", "O": "0"})
NONCE_BYTES = 12


class NotACode(ValueError):
    """What was typed cannot be a recovery code (length or characters)."""


@dataclass
class Restored:
    tokens: dict[int, str]
    saved: int  # how many the code held; the rest were deleted since


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + GROUP_LENGTH] for i in range(0, CODE_LENGTH, GROUP_LENGTH))


def normalise(typed: str) -> str:
    """The code as stored, from what a person typed: case, spaces, dashes and the
    look-alike letters do not matter."""
    code = "".join(ch for ch in (typed or "")[:200].upper() if ch not in " -\t\r\n")
    code = code.translate(LOOK_ALIKES)
    if len(code) != CODE_LENGTH or any(ch not in ALPHABET for ch in code):
        raise NotACode(typed)
    return code


def _code_hash(code: str) -> str:
    return keyed_hash("recovery-code", code)


def owner_hash(poster_key: str) -> str:
    return keyed_hash("recovery-owner", poster_key)


def _sealing_key(code: str) -> bytes:
    # The code has 125 random bits: a fast derivation is enough, nothing to stretch.
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"mend recovery code").derive(
        code.encode()
    )


def _seal(code: str, tokens: dict[int, str], code_hash: str) -> bytes:
    nonce = secrets.token_bytes(NONCE_BYTES)
    plain = json.dumps({str(k): v for k, v in tokens.items()}).encode()
    # The code's hash is the associated data: a sealed list moved to another row fails.
    return nonce + AESGCM(_sealing_key(code)).encrypt(nonce, plain, code_hash.encode())


def _open(code: str, row: RecoveryCode) -> dict[int, str] | None:
    nonce, sealed = row.sealed[:NONCE_BYTES], row.sealed[NONCE_BYTES:]
    try:
        plain = AESGCM(_sealing_key(code)).decrypt(nonce, sealed, row.code_hash.encode())
        return {int(k): str(v) for k, v in json.loads(plain).items()}
    except (InvalidTag, ValueError, TypeError, AttributeError):
        return None


def saved_code(poster_key: str | None) -> RecoveryCode | None:
    """The code this browser saved last, if any (its date and count, nothing else)."""
    if not poster_key:
        return None
    return db.session.execute(
        db.select(RecoveryCode).where(RecoveryCode.owner_hash == owner_hash(poster_key))
    ).scalar_one_or_none()


def _alive_posts(tokens: dict[int, str]) -> set[int]:
    """The posts, not deleted, whose tokens these are (each checked against its hash)."""
    own = verified_own_posts(tokens)
    return set(
        db.session.execute(
            db.select(Post.id).where(Post.id.in_(own), Post.status != PostStatus.DELETED)
        ).scalars()
    )


def save_tokens(poster_key: str, tokens: dict[int, str]) -> tuple[str, int] | None:
    """Seal the tokens this browser verifiably holds for posts not deleted under a new
    code, replacing the one it saved before. Returns the code (to show once) and how
    many posts it covers; None when there is nothing to save."""
    alive = _alive_posts(tokens)
    if not alive:
        return None
    kept = {post_id: tokens[post_id].strip() for post_id in sorted(alive)}
    code = new_code()
    hashed = _code_hash(normalise(code))
    owner = owner_hash(poster_key)
    db.session.execute(db.delete(RecoveryCode).where(RecoveryCode.owner_hash == owner))
    db.session.add(
        RecoveryCode(
            code_hash=hashed,
            owner_hash=owner,
            sealed=_seal(normalise(code), kept, hashed),
            post_count=len(kept),
        )
    )
    try:
        db.session.commit()
    except IntegrityError:  # the same browser saving twice at once: the other one won
        db.session.rollback()
        return None
    return code, len(kept)


def restore(typed: str) -> Restored | None:
    """The tokens a code still proves, or None if no saved posts have that code.
    Raises NotACode for text that cannot be a code."""
    code = normalise(typed)
    row = db.session.execute(
        db.select(RecoveryCode).where(RecoveryCode.code_hash == _code_hash(code))
    ).scalar_one_or_none()
    if row is None:
        return None
    tokens = _open(code, row)
    if tokens is None:
        return None
    alive = _alive_posts(tokens)
    if not alive:
        # Every post it held is deleted: the code can never give anything again.
        db.session.delete(row)
        db.session.commit()
    return Restored(tokens={i: tokens[i] for i in sorted(alive)}, saved=len(tokens))


def drop_code(poster_key: str | None) -> None:
    """Forget the code this browser saved (it deleted everything it posted)."""
    if poster_key:
        db.session.execute(
            db.delete(RecoveryCode).where(RecoveryCode.owner_hash == owner_hash(poster_key))
        )
        db.session.commit()
