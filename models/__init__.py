"""Database models. Owns ``db``; imports nothing from ``app``."""

from models.base import db, utcnow
from models.forum import Post, Thread
from models.moderation import Appeal, Ban, Decision, PostContact, QueueClaim, Report
from models.screening import (
    SETTINGS_ID,
    AdminEvent,
    ModelVersion,
    ScreeningRule,
    ScreeningSettings,
    TrainingJob,
)
from models.staff import LoginFailure, StaffUser
from models.states import (
    DECIDING_ACTIONS,
    VISIBLE_IN_THREAD,
    AppealState,
    DecisionAction,
    Label,
    PostStatus,
    Role,
    TrainingState,
)

__all__ = [
    "db",
    "utcnow",
    "DECIDING_ACTIONS",
    "SETTINGS_ID",
    "VISIBLE_IN_THREAD",
    "AdminEvent",
    "ModelVersion",
    "ScreeningRule",
    "ScreeningSettings",
    "TrainingJob",
    "TrainingState",
    "Appeal",
    "AppealState",
    "Ban",
    "Decision",
    "DecisionAction",
    "Label",
    "LoginFailure",
    "Post",
    "PostContact",
    "PostStatus",
    "QueueClaim",
    "Report",
    "Role",
    "StaffUser",
    "Thread",
]
