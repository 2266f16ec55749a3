"""Turning a post's stored text into safe HTML.

The only module that knows about bleach (deprecated upstream, security fixes only):
swapping it for nh3 means changing this file alone. Text is stored as written; here
it is escaped in full, then bare http(s) URLs become links. Line breaks are kept by
CSS (``white-space: pre-wrap``), so no markup is added for them.
"""

import html
import threading

import bleach
from bleach.linkifier import LinkifyFilter
from markupsafe import Markup

from app.text_memo import text_memo

LINK_REL = "nofollow ugc noopener"
ALLOWED_PROTOCOLS = frozenset({"http", "https"})


def _set_link_attributes(attrs: dict, new: bool = False) -> dict | None:
    href = attrs.get((None, "href"), "")
    if href.split(":", 1)[0].lower() not in ALLOWED_PROTOCOLS:
        return None  # leave the text as text
    attrs[(None, "rel")] = LINK_REL
    attrs[(None, "target")] = "_blank"
    return attrs


def _new_cleaner() -> bleach.Cleaner:
    return bleach.Cleaner(
        tags={"a"},
        attributes={"a": ["href", "rel", "target"]},
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        filters=[lambda source: LinkifyFilter(source, callbacks=[_set_link_attributes])],
    )


# A Cleaner keeps parser state between calls and is not thread-safe: under a threaded
# server two requests sharing one failed inside html5lib (the load test caught it).
_local = threading.local()


def _cleaner() -> bleach.Cleaner:
    cleaner = getattr(_local, "cleaner", None)
    if cleaner is None:
        cleaner = _local.cleaner = _new_cleaner()
    return cleaner


# Forgotten after five minutes, or at once by the worker deleting the post.
@text_memo(max_size=2048, max_age=300)
def render_post_text(text: str) -> Markup:
    """Escaped text with its URLs made into nofollow links."""
    # Escaping first means no markup the author wrote is ever interpreted; the
    # cleaner then only ever sees the links the linkifier made. The result depends on
    # the text alone, so the posts of popular pages are cleaned once per worker.
    return Markup(_cleaner().clean(html.escape(text, quote=False)))
