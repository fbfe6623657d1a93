"""outcomes at the booth

Revision ID: b7e3d52a9c14
Revises: 7c2e9d41b5a3
Create Date: 2026-12-03 23:50:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b7e3d52a9c14'
down_revision = '7c2e9d41b5a3'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('outcomes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fair_id', sa.Integer(), nullable=False),
    sa.Column('registration_id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('vacancy_id', sa.Integer(), nullable=True),
    sa.Column('vacancy_key', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('talked', 'interview_planned', 'trial_day', 'contract_offered', 'hired', 'not_a_fit', name='outcomestatus', native_enum=False, length=30), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_outcomes_employer_id_employers')),
    sa.ForeignKeyConstraint(['fair_id'], ['fairs.id'], name=op.f('fk_outcomes_fair_id_fairs')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_outcomes_recorded_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['registration_id'], ['registrations.id'], name=op.f('fk_outcomes_registration_id_registrations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['vacancy_id'], ['vacancies.id'], name=op.f('fk_outcomes_vacancy_id_vacancies')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outcomes')),
    sa.UniqueConstraint('registration_id', 'employer_id', 'vacancy_key', name=op.f('uq_outcomes_registration_id_employer_id_vacancy_key'))
    )
    with op.batch_alter_table('outcomes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outcomes_employer_id'), ['employer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_outcomes_fair_id'), ['fair_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_outcomes_registration_id'), ['registration_id'], unique=False)


def downgrade():
    with op.batch_alter_table('outcomes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outcomes_registration_id'))
        batch_op.drop_index(batch_op.f('ix_outcomes_fair_id'))
        batch_op.drop_index(batch_op.f('ix_outcomes_employer_id'))

    op.drop_table('outcomes')
