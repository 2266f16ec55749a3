"""threads can be locked and pinned; a post's page is counted from an index

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 05:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("threads", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("locked", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("lock_note", sa.String(length=500), nullable=True))
        batch_op.add_column(
            sa.Column("pinned", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.create_index(
        "ix_threads_pinned",
        "threads",
        ["status", "last_activity_at"],
        postgresql_where=sa.text("pinned"),
        sqlite_where=sa.text("pinned = 1"),
    )
    # The status joins the thread-order index: a post's page number is a count of the
    # posts readers see before it, read from the index alone.
    op.drop_index("ix_posts_thread_order", table_name="posts")
    op.create_index("ix_posts_thread_order", "posts", ["thread_id", "id", "status"])


def downgrade():
    op.drop_index("ix_posts_thread_order", table_name="posts")
    op.create_index("ix_posts_thread_order", "posts", ["thread_id", "id"])
    op.drop_index("ix_threads_pinned", table_name="threads")
    with op.batch_alter_table("threads", schema=None) as batch_op:
        batch_op.drop_column("pinned")
        batch_op.drop_column("lock_note")
        batch_op.drop_column("locked")
