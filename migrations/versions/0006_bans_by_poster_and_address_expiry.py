"""bans by poster, time-limited address bans, reports per address, address hashes expire

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 23:55:00.000000

Address hashes are now keyed per period (app/poster_identity.py), so the hashes stored so far
can never match again; they are blanked rather than kept to be brute-forced. Existing
bans keep their poster part and lose their address part, which had no end and blocked
everyone on the banned poster's connection.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("bans", schema=None) as batch_op:
        batch_op.add_column(sa.Column("expires_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.add_column(sa.Column("address_hash", sa.String(length=64), nullable=True))
    op.execute("UPDATE bans SET address_hash = NULL")
    op.execute("UPDATE posts SET address_hash = ''")
    op.execute("DELETE FROM login_failures")
    op.drop_index("ix_posts_address_hash", table_name="posts")
    op.create_index(
        "ix_posts_address_kept",
        "posts",
        ["created_at"],
        postgresql_where=sa.text("address_hash <> ''"),
        sqlite_where=sa.text("address_hash <> ''"),
    )


def downgrade():
    op.drop_index("ix_posts_address_kept", table_name="posts")
    op.create_index("ix_posts_address_hash", "posts", ["address_hash"], unique=False)
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_column("address_hash")
    with op.batch_alter_table("bans", schema=None) as batch_op:
        batch_op.drop_column("expires_at")
