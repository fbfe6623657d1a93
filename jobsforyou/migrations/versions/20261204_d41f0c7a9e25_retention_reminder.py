"""retention: when the reminder before a kept profile's deletion was sent

Revision ID: d41f0c7a9e25
Revises: b7e3d52a9c14
Create Date: 2026-12-04 02:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd41f0c7a9e25'
down_revision = 'b7e3d52a9c14'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('retention_reminder_sent_at', sa.DateTime(timezone=True), nullable=True)
        )


def downgrade():
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.drop_column('retention_reminder_sent_at')
