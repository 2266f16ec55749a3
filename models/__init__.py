"""Database models. Owns ``db``; imports nothing from ``app``."""

from models.base import db, utcnow
from models.forum import Post, PostStatus, Thread
from models.moderation import Appeal, Ban, Decision, Label, PostContact, Report
from models.staff import LoginFailure, Role, StaffUser

__all__ = [
    "db",
    "utcnow",
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
