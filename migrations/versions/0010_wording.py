"""post wordings: each post's near-duplicate band keys, to find a campaign by wording

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 05:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "post_wordings",
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("band_key", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.ForeignKeyConstraint(
            ["post_id"],
            ["posts.id"],
            name=op.f("fk_post_wordings_post_id_posts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("post_id", "band_key", name=op.f("pk_post_wordings")),
    )
    op.create_index("ix_post_wordings_band_key", "post_wordings", ["band_key"])


def downgrade():
    op.drop_index("ix_post_wordings_band_key", table_name="post_wordings")
    op.drop_table("post_wordings")
