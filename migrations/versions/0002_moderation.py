"""moderation: staff accounts, decisions, reports, bans, appeals, post contacts

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 09:24:53.362027

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('login_failures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('address_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_login_failures'))
    )
    with op.batch_alter_table('login_failures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_login_failures_address_hash'), ['address_hash'], unique=False)
        batch_op.create_index(batch_op.f('ix_login_failures_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_login_failures_username'), ['username'], unique=False)

    op.create_table('staff_users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_users')),
    sa.UniqueConstraint('username', name=op.f('uq_staff_users_username'))
    )
    op.create_table('decisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('moderator_id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.String(length=32), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('previous_status', sa.String(length=16), nullable=True),
    sa.Column('new_status', sa.String(length=16), nullable=True),
    sa.Column('previous_label', sa.String(length=8), nullable=True),
    sa.Column('label', sa.String(length=8), nullable=True),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('previous_body', sa.Text(), nullable=True),
    sa.Column('pending_body', sa.Text(), nullable=True),
    sa.Column('caused_by_id', sa.Integer(), nullable=True),
    sa.Column('reverses_id', sa.Integer(), nullable=True),
    sa.Column('reversed_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['caused_by_id'], ['decisions.id'], name=op.f('fk_decisions_caused_by_id_decisions')),
    sa.ForeignKeyConstraint(['moderator_id'], ['staff_users.id'], name=op.f('fk_decisions_moderator_id_staff_users')),
    sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_decisions_post_id_posts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['reversed_by_id'], ['decisions.id'], name=op.f('fk_decisions_reversed_by_id_decisions')),
    sa.ForeignKeyConstraint(['reverses_id'], ['decisions.id'], name=op.f('fk_decisions_reverses_id_decisions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_decisions')),
    sa.UniqueConstraint('reverses_id', name=op.f('uq_decisions_reverses_id'))
    )
    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_decisions_action'), ['action'], unique=False)
        batch_op.create_index(batch_op.f('ix_decisions_caused_by_id'), ['caused_by_id'], unique=False)
        batch_op.create_index('ix_decisions_log', ['created_at', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_decisions_moderator_id'), ['moderator_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_decisions_post_id'), ['post_id'], unique=False)

    op.create_table('post_contacts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('value', sa.String(length=255), nullable=False),
    sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_post_contacts_post_id_posts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_post_contacts')),
    sa.UniqueConstraint('post_id', 'kind', 'value', name=op.f('uq_post_contacts_post_id'))
    )
    with op.batch_alter_table('post_contacts', schema=None) as batch_op:
        batch_op.create_index('ix_post_contacts_value', ['value', 'kind'], unique=False)

    op.create_table('appeals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('decision_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['decision_id'], ['decisions.id'], name=op.f('fk_appeals_decision_id_decisions')),
    sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_appeals_post_id_posts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appeals')),
    sa.UniqueConstraint('post_id', name=op.f('uq_appeals_post_id'))
    )
    op.create_table('bans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('poster_hash', sa.String(length=64), nullable=True),
    sa.Column('address_hash', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('decision_id', sa.Integer(), nullable=False),
    sa.Column('lifted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['decision_id'], ['decisions.id'], name=op.f('fk_bans_decision_id_decisions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bans'))
    )
    with op.batch_alter_table('bans', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_bans_address_hash'), ['address_hash'], unique=False)
        batch_op.create_index(batch_op.f('ix_bans_decision_id'), ['decision_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_bans_poster_hash'), ['poster_hash'], unique=False)

    op.create_table('reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=False),
    sa.Column('reporter_hash', sa.String(length=64), nullable=False),
    sa.Column('reason', sa.String(length=32), nullable=False),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('decision_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['decision_id'], ['decisions.id'], name=op.f('fk_reports_decision_id_decisions')),
    sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_reports_post_id_posts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reports')),
    sa.UniqueConstraint('post_id', 'reporter_hash', name=op.f('uq_reports_post_id'))
    )
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reports_post_id'), ['post_id'], unique=False)

    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('care_seen_at', sa.DateTime(), nullable=True))
        # Existing posts start outside the queue.
        batch_op.add_column(sa.Column('awaiting_review', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('pending_body', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('pending_title', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('label', sa.String(length=8), nullable=True))
        batch_op.create_index(batch_op.f('ix_posts_awaiting_review'), ['awaiting_review'], unique=False)
        batch_op.create_index(batch_op.f('ix_posts_label'), ['label'], unique=False)


def downgrade():
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_posts_label'))
        batch_op.drop_index(batch_op.f('ix_posts_awaiting_review'))
        batch_op.drop_column('label')
        batch_op.drop_column('pending_title')
        batch_op.drop_column('pending_body')
        batch_op.drop_column('awaiting_review')
        batch_op.drop_column('care_seen_at')

    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reports_post_id'))

    op.drop_table('reports')
    with op.batch_alter_table('bans', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_bans_poster_hash'))
        batch_op.drop_index(batch_op.f('ix_bans_decision_id'))
        batch_op.drop_index(batch_op.f('ix_bans_address_hash'))

    op.drop_table('bans')
    op.drop_table('appeals')
    with op.batch_alter_table('post_contacts', schema=None) as batch_op:
        batch_op.drop_index('ix_post_contacts_value')

    op.drop_table('post_contacts')
    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_decisions_post_id'))
        batch_op.drop_index(batch_op.f('ix_decisions_moderator_id'))
        batch_op.drop_index('ix_decisions_log')
        batch_op.drop_index(batch_op.f('ix_decisions_caused_by_id'))
        batch_op.drop_index(batch_op.f('ix_decisions_action'))

    op.drop_table('decisions')
    op.drop_table('staff_users')
    with op.batch_alter_table('login_failures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_login_failures_username'))
        batch_op.drop_index(batch_op.f('ix_login_failures_created_at'))
        batch_op.drop_index(batch_op.f('ix_login_failures_address_hash'))

    op.drop_table('login_failures')