"""check-in: who checked a visitor in, fair-day codes

Revision ID: 7c2e9d41b5a3
Revises: f4a1c1a61a06
Create Date: 2026-12-03 23:50:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7c2e9d41b5a3'
down_revision = 'f4a1c1a61a06'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('checked_in_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_registrations_checked_in_by_id_users'),
                                    'users', ['checked_in_by_id'], ['id'], ondelete='SET NULL')
    op.create_table('fair_day_codes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fair_id', sa.Integer(), nullable=False),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_fair_day_codes_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['fair_id'], ['fairs.id'], name=op.f('fk_fair_day_codes_fair_id_fairs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fair_day_codes')),
    sa.UniqueConstraint('digest', name=op.f('uq_fair_day_codes_digest'))
    )
    with op.batch_alter_table('fair_day_codes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fair_day_codes_fair_id'), ['fair_id'], unique=False)


def downgrade():
    with op.batch_alter_table('fair_day_codes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fair_day_codes_fair_id'))
    op.drop_table('fair_day_codes')
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_registrations_checked_in_by_id_users'), type_='foreignkey')
        batch_op.drop_column('checked_in_by_id')
