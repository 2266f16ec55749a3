from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import db, utcnow


class PostStatus:
    PUBLISHED = "published"
    HELD = "held"
    REMOVED = "removed"
    DELETED = "deleted"
    # Reported by enough readers: out of sight until a moderator looks.
    HIDDEN = "hidden"
    # What readers see in a thread: a deleted post stays as a placeholder so the
    # replies around it keep their context.
    VISIBLE_IN_THREAD = (PUBLISHED, DELETED)


class Thread(db.Model):
    __tablename__ = "threads"
    __table_args__ = (
        # The front page: published threads, newest activity first, keyset-paginated.
        Index("ix_threads_listing", "status", "last_activity_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    # Mirrors the opening post's status, so the front page needs no join to filter.
    status: Mapped[str] = mapped_column(String(16), default=PostStatus.PUBLISHED)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_activity_at: Mapped[datetime] = mapped_column(default=utcnow)
    reply_count: Mapped[int] = mapped_column(default=0)

    posts: Mapped[list["Post"]] = relationship(
        back_populates="thread", order_by="Post.id", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"<Thread {self.id} {self.title!r}>"


class Post(db.Model):
    __tablename__ = "posts"
    __table_args__ = (
        Index("ix_posts_thread_order", "thread_id", "id"),
        # Partial indexes over the few posts staff look at, so the queue and the staff
        # bar's counts stay fast at a million posts (bench/scale.py). SQLite's planner
        # needs the queue one; PostgreSQL already uses ix_posts_awaiting_review.
        Index(
            "ix_posts_care_unseen",
            "status",
            postgresql_where=text("care AND care_seen_at IS NULL"),
            sqlite_where=text("care = 1 AND care_seen_at IS NULL"),
        ),
        Index(
            "ix_posts_queue",
            "id",
            postgresql_where=text("awaiting_review"),
            sqlite_where=text("awaiting_review = 1"),
        ),
        # The posts whose address hash is still kept (a few weeks' worth): the purge
        # finds the old ones among them without reading every post.
        Index(
            "ix_posts_address_kept",
            "created_at",
            postgresql_where=text("address_hash <> ''"),
            sqlite_where=text("address_hash <> ''"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"))
    is_opening: Mapped[bool] = mapped_column(default=False)
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default=PostStatus.PUBLISHED, index=True)
    pseudonym: Mapped[str] = mapped_column(String(64))
    # Keyed hashes only: never the poster key, the edit token or the address itself.
    # The address hash is '' once older than ADDRESS_RETENTION_DAYS (app/privacy.py).
    poster_hash: Mapped[str] = mapped_column(String(64), index=True)
    address_hash: Mapped[str] = mapped_column(String(64))
    # Indexed: a token pasted on another device finds its post (forum.add_mine).
    edit_token_hash: Mapped[str] = mapped_column(String(64), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    edited_at: Mapped[datetime | None]
    # The screener's verdict at the last screening: score, action, reasons, contacts.
    score: Mapped[float | None]
    verdict: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    care: Mapped[bool] = mapped_column(default=False)
    # A moderator has looked at this care post in the check-in tab.
    care_seen_at: Mapped[datetime | None]
    # In the moderators' queue: held, reported, appealed or with an edit waiting.
    awaiting_review: Mapped[bool] = mapped_column(default=False, index=True)
    # An edit of a published post that screening held: the published text stays
    # visible until a moderator approves this one.
    pending_body: Mapped[str | None] = mapped_column(Text)
    pending_title: Mapped[str | None] = mapped_column(String(200))
    # The latest moderator label ("spam" or "ham"); the decisions keep the history.
    label: Mapped[str | None] = mapped_column(String(8), index=True)

    thread: Mapped[Thread] = relationship(back_populates="posts")
    contacts: Mapped[list["PostContact"]] = relationship(  # noqa: F821
        cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def is_visible_to_readers(self) -> bool:
        return self.status in PostStatus.VISIBLE_IN_THREAD

    def __repr__(self) -> str:
        return f"<Post {self.id} thread={self.thread_id} {self.status}>"
