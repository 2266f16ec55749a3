"""What readers see of a post's stored text: a warning's quoted contacts masked.

The text is stored as written; the screener's verdict lists the pieces of it that
readers see as "[contact removed]" (``moderation.masking``). Every page that shows a
post's words to readers goes through ``reader_body``; moderators' pages (the queue,
the log, campaigns, check-ins) show the text as written.
"""

from models import Post
from moderation import Verdict
from moderation.masking import MASK, apply_masks, contacts_in


def mask_start_before(text: str, position: int) -> int:
    """``position``, or the start of the "[contact removed]" it falls inside, so that a
    cut there never leaves half a mask."""
    start = text.rfind(MASK, max(0, position - len(MASK) + 1), position + len(MASK) - 1)
    return start if start != -1 and start < position < start + len(MASK) else position


def mask_end_after(text: str, position: int) -> int:
    """``position``, or the end of the "[contact removed]" it falls inside."""
    start = mask_start_before(text, position)
    return start + len(MASK) if start != position else position


def post_masks(post: Post) -> list[str]:
    return list((post.verdict or {}).get("masks") or [])


def reader_body(post: Post) -> str:
    """The post's text as readers see it."""
    masks = post_masks(post)
    return apply_masks(post.body, masks) if masks else post.body


def fit_masks(verdict: Verdict, body: str, title: str | None) -> Verdict:
    """The verdict, or a hold for the poster's safety if its masks would not hide every
    contact they mask in what readers see: the body with the masks applied, and a
    thread's title, which is shown as written."""
    if not verdict.masks:
        return verdict
    masked = set(verdict.masked_contacts)
    shown = contacts_in(apply_masks(body, verdict.masks)) | (contacts_in(title) if title else set())
    if masked & {str(contact) for contact in shown}:
        return verdict.held_for_safety()
    return verdict


def keep_published_masks(verdict: Verdict, post: Post) -> Verdict:
    """A verdict on an edit that waits beside the published text: readers still see
    that text, so its masks stay in force beside the edit's own."""
    published = post_masks(post)
    if not published:
        return verdict
    return Verdict.from_dict({**verdict.to_dict(), "masks": [*verdict.masks, *published]})


QUOTE_MAX = 1_000


def quote_text(post: Post, link: str) -> str:
    """The start of a reply quoting ``post`` as readers see it (masked): who wrote it,
    linked to it, then its words as a Markdown quote, cut at a word past QUOTE_MAX."""
    words = reader_body(post).strip()
    if len(words) > QUOTE_MAX:
        words = words[:QUOTE_MAX].rsplit(maxsplit=1)[0] + " …"
    quoted = "\n".join(f"> {line}".rstrip() for line in words.splitlines())
    return f"[{post.pseudonym}]({link}) wrote:\n{quoted}\n\n"
