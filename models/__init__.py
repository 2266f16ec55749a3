"""Database models. Owns ``db``; imports nothing from ``app``."""

from models.base import db, utcnow
from models.forum import Post, RecoveryCode, Thread
from models.moderation import (
    Appeal,
    Ban,
    Decision,
    PostContact,
    PostWording,
    QueueClaim,
    Report,
)
from models.screening import (
    SETTINGS_ID,
    AdminEvent,
    HelplineEntry,
    ModelActivation,
    ModelVersion,
    ScreeningRule,
    ScreeningSettings,
    TrainingJob,
)
from models.staff import LoginFailure, StaffUser
from models.states import (
    DECIDING_ACTIONS,
    THREAD_ACTIONS,
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
    "THREAD_ACTIONS",
    "VISIBLE_IN_THREAD",
    "AdminEvent",
    "HelplineEntry",
    "ModelActivation",
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
    "RecoveryCode",
    "PostContact",
    "PostStatus",
    "PostWording",
    "QueueClaim",
    "Report",
    "Role",
    "StaffUser",
    "Thread",
]
