"""organisers' match decisions (pinned or removed pairs)

Revision ID: c5d81e3f6a27
Revises: c5d8e1f2a7b3
Create Date: 2026-12-04 02:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c5d81e3f6a27'
down_revision = 'c5d8e1f2a7b3'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('match_decisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fair_id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('registration_id', sa.Integer(), nullable=False),
    sa.Column('decision', sa.Enum('pinned', 'removed', name='decision', native_enum=False, length=10), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_match_decisions_decided_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_match_decisions_employer_id_employers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['fair_id'], ['fairs.id'], name=op.f('fk_match_decisions_fair_id_fairs'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['registration_id'], ['registrations.id'], name=op.f('fk_match_decisions_registration_id_registrations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_match_decisions')),
    sa.UniqueConstraint('fair_id', 'employer_id', 'registration_id', name=op.f('uq_match_decisions_fair_id_employer_id_registration_id'))
    )
    with op.batch_alter_table('match_decisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_match_decisions_employer_id'), ['employer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_match_decisions_fair_id'), ['fair_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_match_decisions_registration_id'), ['registration_id'], unique=False)


def downgrade():
    with op.batch_alter_table('match_decisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_match_decisions_registration_id'))
        batch_op.drop_index(batch_op.f('ix_match_decisions_fair_id'))
        batch_op.drop_index(batch_op.f('ix_match_decisions_employer_id'))

    op.drop_table('match_decisions')
