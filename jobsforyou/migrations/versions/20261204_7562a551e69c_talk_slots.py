"""talk slots: a schedule per fair and the talks in its slots

Revision ID: 7562a551e69c
Revises: 15bfd3fc847b
Create Date: 2026-12-04 02:28:32.004325

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7562a551e69c'
down_revision = '15bfd3fc847b'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('talk_schedules',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fair_id', sa.Integer(), nullable=False),
    sa.Column('slot_minutes', sa.Integer(), nullable=False),
    sa.Column('starts_at', sa.Time(), nullable=False),
    sa.Column('ends_at', sa.Time(), nullable=False),
    sa.Column('breaks', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['fair_id'], ['fairs.id'], name=op.f('fk_talk_schedules_fair_id_fairs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_talk_schedules')),
    sa.UniqueConstraint('fair_id', name=op.f('uq_talk_schedules_fair_id'))
    )
    op.create_table('talks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fair_id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('booth_id', sa.Integer(), nullable=True),
    sa.Column('registration_id', sa.Integer(), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', sa.Enum('scheduled', 'cancelled', name='talkstatus', native_enum=False, length=20), nullable=False),
    sa.Column('moved_by_id', sa.Integer(), nullable=True),
    sa.Column('moved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['booth_id'], ['booths.id'], name=op.f('fk_talks_booth_id_booths'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_talks_employer_id_employers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['fair_id'], ['fairs.id'], name=op.f('fk_talks_fair_id_fairs'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['moved_by_id'], ['users.id'], name=op.f('fk_talks_moved_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['registration_id'], ['registrations.id'], name=op.f('fk_talks_registration_id_registrations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_talks')),
    sa.UniqueConstraint('registration_id', 'employer_id', name=op.f('uq_talks_registration_id_employer_id'))
    )
    with op.batch_alter_table('talks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_talks_employer_id'), ['employer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_talks_fair_id'), ['fair_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_talks_registration_id'), ['registration_id'], unique=False)



def downgrade():
    with op.batch_alter_table('talks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_talks_registration_id'))
        batch_op.drop_index(batch_op.f('ix_talks_fair_id'))
        batch_op.drop_index(batch_op.f('ix_talks_employer_id'))

    op.drop_table('talks')
    op.drop_table('talk_schedules')
