"""the helpline allow-list as admins edit it

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 05:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade():
    # Empty: the bundled list is in force until an admin first changes it, and is
    # copied here then (app/admin/helplines.py).
    op.create_table(
        "helplines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("country", sa.String(length=8), nullable=False),
        sa.Column("numbers", sa.Text(), nullable=False),
        sa.Column("emails", sa.Text(), nullable=False),
        sa.Column("domains", sa.Text(), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade():
    op.drop_table("helplines")
