"""Atom feeds (RFC 4287) of what readers see: the newest threads, and a thread's posts.

The XML is built with ElementTree, which escapes every text and attribute; post text goes
in as plain text (``type="text"``), so a feed reader shows it as the forum does, as
written. Characters XML 1.0 cannot carry (control characters, which a post may hold) are
left out of the feed only.
"""

import re
from datetime import datetime
from xml.etree import ElementTree

from flask import url_for

from app.reader_view import reader_body
from models import Post, PostStatus, Thread, db

ATOM = "http://www.w3.org/2005/Atom"
ATOM_TYPE = "application/atom+xml"
ENTRIES = 30
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def front_page_feed() -> bytes:
    """The newest published threads, each as its opening post."""
    rows = db.session.execute(
        db.select(Thread, Post)
        .join(Post, (Post.thread_id == Thread.id) & Post.is_opening)
        .where(Thread.status == PostStatus.PUBLISHED, Post.status == PostStatus.PUBLISHED)
        .order_by(Thread.created_at.desc(), Thread.id.desc())
        .limit(ENTRIES)
    ).all()
    feed = _feed(
        "Mend: latest threads",
        url_for("forum.index", _external=True),
        url_for("forum.front_page_feed", _external=True),
        max((post.edited_at or post.created_at for _t, post in rows), default=None),
    )
    for thread, post in rows:
        _entry(feed, thread.title, post)
    return _serialised(feed)


def thread_feed(thread: Thread) -> bytes:
    """The thread's newest published posts, newest first."""
    posts = list(
        db.session.execute(
            db.select(Post)
            .where(Post.thread_id == thread.id, Post.status == PostStatus.PUBLISHED)
            .order_by(Post.id.desc())
            .limit(ENTRIES)
        ).scalars()
    )
    feed = _feed(
        f"Mend: {thread.title}",
        url_for("forum.show_thread", thread_id=thread.id, _external=True),
        url_for("forum.thread_feed", thread_id=thread.id, _external=True),
        max((post.edited_at or post.created_at for post in posts), default=thread.created_at),
    )
    for post in posts:
        title = thread.title if post.is_opening else f"{post.pseudonym} replied"
        _entry(feed, title, post)
    return _serialised(feed)


def _feed(title: str, page: str, itself: str, updated: datetime | None) -> ElementTree.Element:
    feed = ElementTree.Element(f"{{{ATOM}}}feed")
    _text(feed, "id", itself)
    _text(feed, "title", title)
    _text(feed, "updated", _timestamp(updated or datetime(1970, 1, 1)))
    ElementTree.SubElement(feed, f"{{{ATOM}}}link", rel="self", type=ATOM_TYPE, href=itself)
    ElementTree.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=page)
    author = ElementTree.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", "Mend")
    return feed


def _entry(feed: ElementTree.Element, title: str, post: Post) -> None:
    entry = ElementTree.SubElement(feed, f"{{{ATOM}}}entry")
    link = url_for("forum.show_post", post_id=post.id, _external=True)
    _text(entry, "id", link)
    _text(entry, "title", title)
    _text(entry, "published", _timestamp(post.created_at))
    _text(entry, "updated", _timestamp(post.edited_at or post.created_at))
    author = ElementTree.SubElement(entry, f"{{{ATOM}}}author")
    _text(author, "name", post.pseudonym)
    ElementTree.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=link)
    _text(entry, "content", reader_body(post)).set("type", "text")


def _text(parent: ElementTree.Element, name: str, value: str) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, f"{{{ATOM}}}{name}")
    element.text = NOT_IN_XML.sub("", value)
    return element


def _timestamp(moment: datetime) -> str:
    # Stored times are naive UTC.
    return moment.replace(microsecond=0).isoformat() + "Z"


def _serialised(feed: ElementTree.Element) -> bytes:
    ElementTree.register_namespace("", ATOM)
    return ElementTree.tostring(feed, encoding="utf-8", xml_declaration=True)
