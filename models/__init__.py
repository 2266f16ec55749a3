"""Database models. Owns ``db``; imports nothing from ``app``."""

from models.base import db, utcnow
from models.forum import Post, PostStatus, Thread
from models.moderation import Appeal, Ban, Decision, Label, PostContact, Report
from models.screening import (
    SETTINGS_ID,
    AdminEvent,
    ModelVersion,
    ScreeningRule,
    ScreeningSettings,
    TrainingJob,
)
from models.staff import LoginFailure, Role, StaffUser
from models.states import TrainingState

__all__ = [
    "db",
    "utcnow",
    "SETTINGS_ID",
    "AdminEvent",
    "ModelVersion",
    "ScreeningRule",
    "ScreeningSettings",
    "TrainingJob",
    "TrainingState",
    "Appeal",
    "Ban",
    "Decision",
    "Label",
    "LoginFailure",
    "Post",
    "PostContact",
    "PostStatus",
    "Report",
    "Role",
    "StaffUser",
    "Thread",
]
