from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, LargeBinary, String, Text, false, func, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import db, utcnow
from models.states import VISIBLE_IN_THREAD, PostStatus


class Thread(db.Model):
    __tablename__ = "threads"
    __table_args__ = (
        # The front page: published threads, newest activity first, keyset-paginated.
        Index("ix_threads_listing", "status", "last_activity_at", "id"),
        # The few pinned threads, on top of the front page. With the status first, SQLite
        # picks it over ix_threads_listing (which would read every published thread).
        Index(
            "ix_threads_pinned",
            "status",
            "last_activity_at",
            postgresql_where=text("pinned"),
            sqlite_where=text("pinned = 1"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    # Mirrors the opening post's status, so the front page needs no join to filter.
    status: Mapped[str] = mapped_column(String(16), default=PostStatus.PUBLISHED)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_activity_at: Mapped[datetime] = mapped_column(default=utcnow)
    reply_count: Mapped[int] = mapped_column(default=0)
    # Moderators' thread actions (app/mod/thread_actions.py): a locked thread takes no
    # new replies and shows its note; a pinned one stays on top of the front page.
    locked: Mapped[bool] = mapped_column(default=False, server_default=false())
    lock_note: Mapped[str | None] = mapped_column(String(500))
    pinned: Mapped[bool] = mapped_column(default=False, server_default=false())

    posts: Mapped[list["Post"]] = relationship(
        back_populates="thread", order_by="Post.id", cascade="all, delete-orphan"
    )

    def refresh_stats(self) -> None:
        """Recount what the front page shows from the posts themselves.

        The thread row is locked first, so concurrent replies recount one after another
        and each sees the others' committed posts (PostgreSQL; SQLite has one writer at a
        time anyway). NO KEY UPDATE, because inserting a post holds a KEY SHARE lock on its
        thread, which a plain FOR UPDATE would wait on: two replies would deadlock.
        """
        db.session.execute(
            db.select(Thread.id).where(Thread.id == self.id).with_for_update(key_share=True)
        )
        published = (Post.thread_id == self.id) & (Post.status == PostStatus.PUBLISHED)
        count, latest = db.session.execute(
            db.select(func.count(Post.id), func.max(Post.created_at)).where(
                published, Post.is_opening.is_(False)
            )
        ).one()
        self.reply_count = count
        self.last_activity_at = max(latest or self.created_at, self.created_at)

    def __repr__(self) -> str:
        return f"<Thread {self.id} {self.title!r}>"


class Post(db.Model):
    __tablename__ = "posts"
    __table_args__ = (
        # A thread's posts in order; with the status, counting the posts readers see
        # before a post (its page number) reads the index alone.
        Index("ix_posts_thread_order", "thread_id", "id", "status"),
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
    wordings: Mapped[list["PostWording"]] = relationship(  # noqa: F821
        cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def is_visible_to_readers(self) -> bool:
        return self.status in VISIBLE_IN_THREAD

    def set_status(self, status: PostStatus, *, awaiting_review: bool) -> None:
        """Change the post's status and whether it waits in the moderators' queue.

        The thread keeps a copy of its opening post's status for the front page. A
        deleted opening post leaves its thread as it was: the replies stay readable
        around the placeholder.
        """
        self.status = status
        self.awaiting_review = awaiting_review
        if self.is_opening and status != PostStatus.DELETED:
            self.thread.status = status

    def ask_for_review(self) -> None:
        """Put the post in the moderators' queue (a report, an appeal) as it stands."""
        self.awaiting_review = True

    def hide_if_reported(self, reporting_readers: int, hide_threshold: int) -> bool:
        """Hide a published post once ``hide_threshold`` readers (each on an address of
        their own) have reported it: out of sight until a moderator looks."""
        if reporting_readers < hide_threshold or self.status != PostStatus.PUBLISHED:
            return False
        self.set_status(PostStatus.HIDDEN, awaiting_review=True)
        return True

    def stage_edit(self, body: str, title: str | None) -> None:
        """Keep an edit beside the text readers see, for a moderator to approve."""
        self.pending_body = body
        self.pending_title = title if self.is_opening else None
        self.awaiting_review = True

    def apply_edit(self, body: str, title: str | None) -> None:
        """Show ``body`` (and, for an opening post, ``title`` as its thread's title) from
        now on; an edit that was waiting beside the old text is gone with it."""
        self.body = body
        if self.is_opening and title:
            self.thread.title = title
        self.pending_body = self.pending_title = None

    def approve_edit(self) -> str:
        """Show the edit that was waiting. Returns the text it replaced."""
        replaced = self.body
        self.apply_edit(self.pending_body, self.pending_title)
        return replaced

    def refuse_edit(self) -> str:
        """Drop the edit that was waiting; the text readers see stays. Returns the edit."""
        refused = self.pending_body
        self.pending_body = self.pending_title = None
        return refused

    def reopen_edit(self, replaced_body: str | None, refused_body: str | None) -> None:
        """Undo ``approve_edit`` (the replaced text is shown again, the approved one waits
        again) or ``refuse_edit`` (the refused edit waits again)."""
        if replaced_body is not None:
            self.pending_body, self.body = self.body, replaced_body
        if refused_body is not None:
            self.pending_body = refused_body

    def __repr__(self) -> str:
        return f"<Post {self.id} thread={self.thread_id} {self.status}>"


class RecoveryCode(db.Model):
    """A browser's saved posts, for another device: its edit tokens sealed with a key
    only the recovery code gives (app/forum/recovery.py). The row holds a keyed hash of
    the code to find it by, never the code or a token, so the database alone (with or
    without SECRET_KEY) opens nothing."""

    __tablename__ = "recovery_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # Which browser saved it (a keyed hash of its poster key, with a key of its own, so
    # it matches no poster hash on a post): saving again replaces its code.
    owner_hash: Mapped[str] = mapped_column(String(64), unique=True)
    sealed: Mapped[bytes] = mapped_column(LargeBinary)
    post_count: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
