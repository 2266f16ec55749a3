"""partial indexes for the moderator queue and the unseen care count

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 12:45:00.000000

"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(
        "ix_posts_care_unseen",
        "posts",
        ["status"],
        postgresql_where=sa.text("care AND care_seen_at IS NULL"),
        sqlite_where=sa.text("care = 1 AND care_seen_at IS NULL"),
    )
    op.create_index(
        "ix_posts_queue",
        "posts",
        ["id"],
        postgresql_where=sa.text("awaiting_review"),
        sqlite_where=sa.text("awaiting_review = 1"),
    )


def downgrade():
    op.drop_index("ix_posts_queue", table_name="posts")
    op.drop_index("ix_posts_care_unseen", table_name="posts")
