"""index posts by their edit token's hash, so a pasted token finds its post

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 00:15:00.000000

"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_posts_edit_token_hash", "posts", ["edit_token_hash"])


def downgrade():
    op.drop_index("ix_posts_edit_token_hash", table_name="posts")
