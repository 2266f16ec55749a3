"""The states a row can be in, each a ``StrEnum``: its members are the very strings the
database stores and the templates compare, so ``post.status == "held"`` still holds."""

from enum import StrEnum


class PostStatus(StrEnum):
    PUBLISHED = "published"
    HELD = "held"
    REMOVED = "removed"
    DELETED = "deleted"
    # Reported by enough readers: out of sight until a moderator looks.
    HIDDEN = "hidden"


# What readers see in a thread: a deleted post stays as a placeholder so the replies
# around it keep their context.
VISIBLE_IN_THREAD = (PostStatus.PUBLISHED, PostStatus.DELETED)


class Label(StrEnum):
    """A moderator's training label for a post's text."""

    SPAM = "spam"
    HAM = "ham"


class DecisionAction(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"
    REMOVE = "remove"
    BAN = "ban"
    CARE_SEEN = "care_seen"
    REVERSE = "reverse"
    # Thread actions, logged against the thread's opening post.
    LOCK = "lock"
    UNLOCK = "unlock"
    PIN = "pin"
    UNPIN = "unpin"


# The actions that decide a waiting post (not "seen" markers or reversals): what an
# author sees as the outcome of a review.
DECIDING_ACTIONS = (
    DecisionAction.APPROVE,
    DecisionAction.REJECT,
    DecisionAction.REMOVE,
    DecisionAction.BAN,
)


# What each thread action sets, as (thread attribute, value): undoing one sets the other.
THREAD_ACTIONS = {
    DecisionAction.LOCK: ("locked", True),
    DecisionAction.UNLOCK: ("locked", False),
    DecisionAction.PIN: ("pinned", True),
    DecisionAction.UNPIN: ("pinned", False),
}


class AppealState(StrEnum):
    OPEN = "open"
    GRANTED = "granted"
    DENIED = "denied"


class Role(StrEnum):
    """Staff roles, lowest first: a role can do everything the roles before it can."""

    MODERATOR = "moderator"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return list(Role).index(self) + 1

    @classmethod
    def rank_of(cls, role: str) -> int:
        """The rank of a stored role; 0 for a name that is no role (never an error)."""
        try:
            return cls(role).rank
        except ValueError:
            return 0


# Every role's name, for the choices the CLI offers: plain strings, as click shows an
# enum member by its Python name. Set here, as a member cannot list its fellows.
Role.ALL = tuple(role.value for role in Role)


class TrainingState(StrEnum):
    """A training job's way: ``queued`` (waiting in Redis for a worker, only with
    ``REDIS_URL``), ``running``, then ``done`` or ``failed``."""

    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
