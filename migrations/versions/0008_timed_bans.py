"""bans with a reason (and, already possible, an end); the history of model activations

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 04:45:00.000000

A poster's ban may now end (``expires_at``, which address bans already had) and says why
(``reason``). "Roll back" walks ``model_activations`` instead of swapping two ids; the
settings' active and previous versions start that history, so a rollback right after the
upgrade goes where it went before.
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("bans", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reason", sa.String(length=32), nullable=True))
    activations = op.create_table(
        "model_activations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("activated_at", sa.DateTime(), nullable=False),
        sa.Column("activated_by", sa.String(length=64), nullable=False),
        sa.Column("rolled_back_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["model_versions.id"],
            name=op.f("fk_model_activations_version_id_model_versions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_model_activations")),
    )
    op.create_index(
        op.f("ix_model_activations_version_id"), "model_activations", ["version_id"]
    )
    settings = (
        op.get_bind()
        .execute(sa.text("SELECT active_version_id, previous_version_id FROM screening_settings"))
        .first()
    )
    if settings is not None and settings.active_version_id is not None:
        now = datetime.now(UTC).replace(tzinfo=None)
        history = [settings.previous_version_id, settings.active_version_id]
        op.bulk_insert(
            activations,
            [
                {"version_id": v, "activated_at": now, "activated_by": "upgrade"}
                for v in history
                if v is not None
            ],
        )


def downgrade():
    op.drop_index(op.f("ix_model_activations_version_id"), table_name="model_activations")
    op.drop_table("model_activations")
    with op.batch_alter_table("bans", schema=None) as batch_op:
        batch_op.drop_column("reason")
