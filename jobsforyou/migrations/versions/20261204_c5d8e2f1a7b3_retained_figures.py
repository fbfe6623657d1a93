"""retained figures: statistics kept when personal data is deleted

Revision ID: c5d8e2f1a7b3
Revises: d41f0c7a9e25
Create Date: 2026-12-04 02:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c5d8e2f1a7b3'
down_revision = 'd41f0c7a9e25'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('retained_figures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fair_id', sa.Integer(), nullable=False),
    sa.Column('figure', sa.String(length=40), nullable=False),
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['fair_id'], ['fairs.id'], name=op.f('fk_retained_figures_fair_id_fairs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_retained_figures')),
    sa.UniqueConstraint('fair_id', 'figure', 'key', name=op.f('uq_retained_figures_fair_id_figure_key'))
    )
    with op.batch_alter_table('retained_figures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_retained_figures_fair_id'), ['fair_id'], unique=False)


def downgrade():
    with op.batch_alter_table('retained_figures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_retained_figures_fair_id'))

    op.drop_table('retained_figures')
