"""queue claims: which moderator is looking at a waiting post, for a few minutes

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 04:45:00.000000

"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "queue_claims",
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("moderator_id", sa.Integer(), nullable=False),
        sa.Column("claimed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["moderator_id"],
            ["staff_users.id"],
            name=op.f("fk_queue_claims_moderator_id_staff_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["post_id"],
            ["posts.id"],
            name=op.f("fk_queue_claims_post_id_posts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("post_id", name=op.f("pk_queue_claims")),
    )


def downgrade():
    op.drop_table("queue_claims")
