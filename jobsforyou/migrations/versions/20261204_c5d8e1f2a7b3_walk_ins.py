"""walk-ins: where a registration was made (online or at the desk) and who assisted

Revision ID: c5d8e1f2a7b3
Revises: 7562a551e69c
Create Date: 2026-12-04 02:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c5d8e1f2a7b3'
down_revision = '7562a551e69c'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.add_column(sa.Column(
            'channel', sa.Enum('online', 'desk', name='registrationchannel', native_enum=False,
                               length=20),
            server_default='online', nullable=False))
        batch_op.add_column(sa.Column('assisted_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_registrations_assisted_by_id_users'),
                                    'users', ['assisted_by_id'], ['id'], ondelete='SET NULL')


def downgrade():
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_registrations_assisted_by_id_users'),
                                 type_='foreignkey')
        batch_op.drop_column('assisted_by_id')
        batch_op.drop_column('channel')
