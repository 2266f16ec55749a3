"""What moderators decide and what readers report: the audit log, reports, bans,
appeals, and the contacts and wordings that link posts of one campaign."""

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import db, utcnow
from models.forum import Post
from models.staff import StaffUser
from models.states import AppealState


class Decision(db.Model):
    """One row of the audit log. Decisions with a label are also training data: ``text``
    keeps the words that were judged, whatever the author does to the post later."""

    __tablename__ = "decisions"
    __table_args__ = (Index("ix_decisions_log", "created_at", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    moderator_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"), index=True)
    post_id: Mapped[int | None] = mapped_column(
        ForeignKey("posts.id", ondelete="SET NULL"), index=True
    )
    action: Mapped[str] = mapped_column(String(16), index=True)
    reason: Mapped[str | None] = mapped_column(String(32))
    note: Mapped[str | None] = mapped_column(Text)
    previous_status: Mapped[str | None] = mapped_column(String(16))
    new_status: Mapped[str | None] = mapped_column(String(16))
    previous_label: Mapped[str | None] = mapped_column(String(8))
    label: Mapped[str | None] = mapped_column(String(8))
    text: Mapped[str | None] = mapped_column(Text)
    # Edits that were waiting: the published text an approved edit replaced, and the
    # waiting edit a refusal discarded, so a reversal can put either back.
    previous_body: Mapped[str | None] = mapped_column(Text)
    pending_body: Mapped[str | None] = mapped_column(Text)
    # A ban rejects the poster's other held posts; those decisions point back to it.
    caused_by_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"), index=True)
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"), unique=True)
    reversed_by_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))

    moderator: Mapped[StaffUser] = relationship()
    post: Mapped[Post | None] = relationship()

    def __repr__(self) -> str:
        return f"<Decision {self.id} {self.action} post={self.post_id}>"


class Report(db.Model):
    __tablename__ = "reports"
    __table_args__ = (UniqueConstraint("post_id", "reporter_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    # Keyed hashes, each with its own key: of the reader's browser (never equal to their
    # poster hash) and of their address in that period ('' is never stored; NULL once
    # purged). A post is hidden only by enough different browsers AND addresses.
    reporter_hash: Mapped[str] = mapped_column(String(64))
    address_hash: Mapped[str | None] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(String(32))
    details: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The decision that dealt with this report; open reports have none.
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))


class Ban(db.Model):
    """Either a poster's ban (``poster_hash``; for the moderator's chosen time, or with
    no ``expires_at`` until lifted) or an address ban (``address_hash``; a moderator's
    explicit choice, always with an ``expires_at``, as it stops everyone who shares that
    connection). ``reason`` is the decision reason shown to the banned poster."""

    __tablename__ = "bans"

    id: Mapped[int] = mapped_column(primary_key=True)
    poster_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    address_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id"), index=True)
    lifted_at: Mapped[datetime | None]
    expires_at: Mapped[datetime | None]
    reason: Mapped[str | None] = mapped_column(String(32))


class Appeal(db.Model):
    """An author's one appeal against a rejection."""

    __tablename__ = "appeals"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), unique=True)
    message: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    state: Mapped[str] = mapped_column(String(16), default=AppealState.OPEN)
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))


class PostContact(db.Model):
    """A contact found in a post by the screener ("email", "drx@example.com"), in
    canonical form, so posts of one campaign can be found by any one of them."""

    __tablename__ = "post_contacts"
    __table_args__ = (
        UniqueConstraint("post_id", "kind", "value"),
        Index("ix_post_contacts_value", "value", "kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(255))


class PostWording(db.Model):
    """One band key of a post's wording fingerprint (``moderation.near_duplicates``):
    posts sharing enough of them have the same wording, found through the index on
    ``band_key`` without reading every post."""

    __tablename__ = "post_wordings"
    __table_args__ = (Index("ix_post_wordings_band_key", "band_key"),)

    post_id: Mapped[int] = mapped_column(
        ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True
    )
    band_key: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)


class QueueClaim(db.Model):
    """A moderator looking at a waiting post: shown to the others, so two people do not
    read and decide the same post at once. Light: it expires by itself after a few
    minutes, and it stops nobody from deciding."""

    __tablename__ = "queue_claims"

    post_id: Mapped[int] = mapped_column(
        ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True
    )
    moderator_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id", ondelete="CASCADE"))
    claimed_at: Mapped[datetime] = mapped_column(default=utcnow)

    moderator: Mapped[StaffUser] = relationship()
