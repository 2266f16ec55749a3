"""Campaigns: the posts that share a contact or the same wording, looked at together and
rejected together, only those a moderator ticks.

A campaign page starts from one contact ("email:drx@example.com") or one post, takes
the posts that carry that contact (or share a contact with that post), then every post
with the same wording as one of them (``moderation.near_duplicates``). Published and
approved posts, and every post by their authors, are left out of the action unless a
moderator ticks them: someone warning readers about a scam quotes its number too.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import func
from sqlalchemy.orm import aliased

from app.mod.decisions import DecisionBatch, Outcome
from models import (
    Appeal,
    AppealState,
    Ban,
    DecisionAction,
    Label,
    Post,
    PostContact,
    PostStatus,
    PostWording,
    StaffUser,
    Thread,
    db,
)
from moderation.near_duplicates import MIN_SHARED_BANDS

# A campaign page lists at most this many posts (a wave larger than this is acted on
# page by page: those rejected leave the default selection of the next look).
MAX_CAMPAIGN_POSTS = 300
CONTACT_MAX = 300


def parse_contact(raw: str | None) -> tuple[str, str] | None:
    kind, sep, value = (raw or "").partition(":")
    if not sep or not kind or not value or len(raw) > CONTACT_MAX:
        return None
    return kind, value


@dataclass(frozen=True)
class Seed:
    """Where a campaign page starts: a contact, or one post's own links."""

    contact: tuple[str, str] | None = None
    post_id: int | None = None

    @property
    def query(self) -> dict[str, str | int]:
        """The page's URL arguments (and the forms' hidden fields)."""
        if self.contact is not None:
            return {"contact": f"{self.contact[0]}:{self.contact[1]}"}
        return {"post": self.post_id}


@dataclass
class CampaignPost:
    post: Post
    thread: Thread
    by_contact: bool
    by_wording: bool
    appeal: Appeal | None = None
    # Why the post is out of the default selection (None: ticked by default).
    left_out: str | None = None

    @property
    def done(self) -> bool:
        """Nothing left to decide: rejected already, or deleted by its author."""
        post = self.post
        removed = post.status == PostStatus.REMOVED and not post.awaiting_review
        return removed or post.status == PostStatus.DELETED

    @property
    def linked_by(self) -> str:
        return " and ".join(
            words
            for words, linked in (("contact", self.by_contact), ("wording", self.by_wording))
            if linked
        )


@dataclass
class Campaign:
    seed: Seed
    posts: list[CampaignPost]
    contact_posts: int  # how many carry the seed's contact (or link to the seed post)
    truncated: bool = False

    @property
    def ticked(self) -> list[CampaignPost]:
        return [p for p in self.posts if not p.done and p.left_out is None]

    @property
    def left_out(self) -> list[CampaignPost]:
        return [p for p in self.posts if not p.done and p.left_out is not None]

    @property
    def done(self) -> list[CampaignPost]:
        return [p for p in self.posts if p.done]


def wording_neighbours(post_ids: list[int] | set[int]) -> dict[int, set[int]]:
    """For each of ``post_ids``, the other posts with the same wording: those sharing at
    least ``MIN_SHARED_BANDS`` band keys with it, found through the band-key index."""
    if not post_ids:
        return {}
    rows = db.session.execute(neighbours_query(post_ids)).all()
    found: dict[int, set[int]] = {}
    for post_id, other in rows:
        found.setdefault(post_id, set()).add(other)
    return found


def neighbours_query(post_ids: list[int] | set[int]):
    """(post, neighbour) pairs: each post's band keys looked up in the band-key index."""
    mine, theirs = aliased(PostWording), aliased(PostWording)
    return (
        db.select(mine.post_id, theirs.post_id)
        .join(theirs, theirs.band_key == mine.band_key)
        .where(mine.post_id.in_(sorted(post_ids)), theirs.post_id != mine.post_id)
        .group_by(mine.post_id, theirs.post_id)
        .having(func.count() >= MIN_SHARED_BANDS)
    )


def same_wording_counts(post_ids: list[int]) -> dict[int, int]:
    """How many posts (itself included) have each post's wording, for the queue; posts
    with no other are left out."""
    return {post_id: len(others) + 1 for post_id, others in wording_neighbours(post_ids).items()}


def _posts_with_contact(kind: str, value: str) -> set[int]:
    return set(
        db.session.execute(
            db.select(PostContact.post_id).where(
                PostContact.kind == kind, PostContact.value == value
            )
        ).scalars()
    )


def _posts_sharing_a_contact_with(post_id: int) -> set[int]:
    theirs = aliased(PostContact)
    mine = aliased(PostContact)
    return set(
        db.session.execute(
            db.select(theirs.post_id)
            .join(mine, (mine.kind == theirs.kind) & (mine.value == theirs.value))
            .where(mine.post_id == post_id)
        ).scalars()
    ) | {post_id}


def find_campaign(seed: Seed) -> Campaign:
    """The posts linked to ``seed`` by contact or by wording, oldest first, each with
    its open appeal and whether it is left out of the default selection."""
    if seed.contact is not None:
        linked = _posts_with_contact(*seed.contact)
    elif db.session.get(Post, seed.post_id) is not None:
        linked = _posts_sharing_a_contact_with(seed.post_id)
    else:
        linked = set()
    # Wording neighbours of the oldest posts only: each post's neighbours cost one
    # index lookup per band, so a huge wave is read a page at a time.
    neighbours = wording_neighbours(sorted(linked)[:MAX_CAMPAIGN_POSTS])
    # A linked post with a neighbour is linked by its wording as well.
    by_wording = set(neighbours).union(*neighbours.values())
    ids = sorted(linked | by_wording)
    truncated = len(ids) > MAX_CAMPAIGN_POSTS
    ids = ids[:MAX_CAMPAIGN_POSTS]
    rows = db.session.execute(
        db.select(Post, Thread)
        .join(Thread, Post.thread_id == Thread.id)
        .where(Post.id.in_(ids))
        .order_by(Post.id)
    ).all()
    appeals = {
        appeal.post_id: appeal
        for appeal in db.session.execute(
            db.select(Appeal).where(Appeal.post_id.in_(ids), Appeal.state == AppealState.OPEN)
        ).scalars()
    }
    posts = [
        CampaignPost(
            post=post,
            thread=thread,
            by_contact=post.id in linked and post.id != seed.post_id,
            by_wording=post.id in by_wording,
            appeal=appeals.get(post.id),
        )
        for post, thread in rows
    ]
    _leave_out_the_trusted(posts)
    contact_posts = len(linked) - (1 if seed.post_id in linked else 0)
    return Campaign(seed, posts, contact_posts, truncated)


def _published_or_approved(post: Post) -> bool:
    hidden_after_approval = post.status == PostStatus.HIDDEN and post.label == Label.HAM
    return post.status == PostStatus.PUBLISHED or hidden_after_approval


def _leave_out_the_trusted(posts: list[CampaignPost]) -> None:
    """Published or approved posts, and all posts of their authors, stay unticked: a
    warning that quotes the scam's number is not the scam. So do posts whose author
    appealed: an appeal deserves reading before it is refused."""
    trusted_authors = {p.post.poster_hash for p in posts if _published_or_approved(p.post)}
    for item in posts:
        if item.done:
            continue
        if _published_or_approved(item.post):
            approved = item.post.label == Label.HAM
            item.left_out = "approved by a moderator" if approved else "published"
        elif item.post.poster_hash in trusted_authors:
            item.left_out = "its author wrote a published post here"
        elif item.appeal is not None:
            item.left_out = "its author appealed"


@dataclass
class Plan:
    """Exactly what acting on the ticked posts of a campaign changes."""

    reject: list[CampaignPost] = field(default_factory=list)
    # Other waiting posts of the posters banned: a ban rejects them too.
    also_rejected: list[Post] = field(default_factory=list)
    posters_to_ban: int = 0
    already_banned: int = 0
    appeals: int = 0
    skipped: int = 0  # ticked, but decided or deleted since the page was shown
    untouched: list[CampaignPost] = field(default_factory=list)

    @property
    def summary(self) -> str:
        posts = len(self.reject) + len(self.also_rejected)
        words = f"Reject {posts} post{'s' if posts != 1 else ''}"
        words += f", ban {self.posters_to_ban} poster{'s' if self.posters_to_ban != 1 else ''}"
        if self.appeals:
            verb = "appeal will be" if self.appeals == 1 else "appeals will be"
            words += f"; {self.appeals} open {verb} answered (refused)"
        return words

    @property
    def check(self) -> str:
        """A short account of the plan, sent back with the confirmation: if the posts
        changed meanwhile, the moderator sees the new plan before anything happens."""
        posts = sorted(
            f"{post.id}:{post.status}"
            for post in [item.post for item in self.reject] + self.also_rejected
        )
        return f"{','.join(posts)}|{self.posters_to_ban}|{self.appeals}"


class NotInCampaign(ValueError):
    """A ticked post is not one of the campaign's."""


def plan_action(campaign: Campaign, ticked_ids: list[int]) -> Plan:
    ticked = set(ticked_ids)
    by_id = {p.post.id: p for p in campaign.posts}
    if not ticked <= set(by_id):
        raise NotInCampaign(sorted(ticked - set(by_id)))
    plan = Plan()
    for item in campaign.posts:
        if item.post.id not in ticked:
            if not item.done:
                plan.untouched.append(item)
        elif item.done:
            plan.skipped += 1
        else:
            plan.reject.append(item)
    posters = {item.post.poster_hash for item in plan.reject}
    banned = set(
        db.session.execute(
            db.select(Ban.poster_hash).where(Ban.lifted_at.is_(None), Ban.poster_hash.in_(posters))
        ).scalars()
    )
    plan.already_banned = len(banned)
    plan.posters_to_ban = len(posters - banned)
    rejected_ids = {item.post.id for item in plan.reject}
    if posters:
        plan.also_rejected = list(
            db.session.execute(
                db.select(Post)
                .where(
                    Post.poster_hash.in_(posters),
                    Post.awaiting_review,
                    Post.id.not_in(rejected_ids),
                    Post.status.in_((PostStatus.HELD, PostStatus.HIDDEN)),
                )
                .order_by(Post.id)
            ).scalars()
        )
    every_id = rejected_ids | {post.id for post in plan.also_rejected}
    if every_id:
        plan.appeals = db.session.execute(
            db.select(func.count(Appeal.id)).where(
                Appeal.post_id.in_(every_id), Appeal.state == AppealState.OPEN
            )
        ).scalar_one()
    return plan


def reject_campaign(
    moderator: StaffUser,
    plan: Plan,
    note: str | None,
    address_ban: timedelta | None = None,
    poster_ban: timedelta | None = None,
) -> Outcome:
    """Reject the planned posts as spam and ban their posters for ``poster_ban`` (None:
    until lifted), and, with ``address_ban``, pause their connections for that long;
    nothing else."""
    batch = DecisionBatch(moderator, note, address_ban, poster_ban)
    batch.outcome.skipped = plan.skipped
    banned_posters: set[str] = set()
    for item in plan.reject:
        post = item.post
        # Rejected a moment ago by the ban of the same poster's other post.
        if post.status == PostStatus.REMOVED and not post.awaiting_review:
            continue
        banned = post.poster_hash in banned_posters
        batch.decide(post, DecisionAction.REJECT if banned else DecisionAction.BAN, "spam")
        banned_posters.add(post.poster_hash)
    return batch.commit()
