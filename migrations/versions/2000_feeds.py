"""Feeds: an outlet's feeds and their crawl policy, the hosts the crawler visits (politeness,
robots.txt) and the articles feeds list (found once by GUID or URL).

Revision ID: 2000_feeds
Revises: 1400_events
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.core.columns

revision: str = '2000_feeds'
down_revision: str | None = '1500_outlet_claim'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('crawl_host',
    sa.Column('host', sa.String(length=300), nullable=False),
    sa.Column('next_request_at', app.core.columns.UTCDateTime(timezone=True), nullable=False),
    sa.Column('min_delay_seconds', sa.Float(), nullable=True),
    sa.Column('crawl_delay_seconds', sa.Float(), nullable=True),
    sa.Column('failures', sa.Integer(), server_default='0', nullable=False),
    sa.Column('requests', sa.Integer(), server_default='0', nullable=False),
    sa.Column('robots_txt', sa.Text(), nullable=True),
    sa.Column('robots_url', sa.String(length=2100), nullable=True),
    sa.Column('robots_redirects', sa.Integer(), server_default='0', nullable=False),
    sa.Column('robots_status', sa.Integer(), nullable=True),
    sa.Column('robots_fetched_at', app.core.columns.UTCDateTime(timezone=True), nullable=True),
    sa.Column('updated_at', app.core.columns.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('host', name=op.f('pk_crawl_host'))
    )
    op.create_table('feed',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('outlet_id', sa.Integer(), nullable=False),
    sa.Column('url', sa.String(length=2100), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('host', sa.String(length=300), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('poll_interval_seconds', sa.Float(), nullable=True),
    sa.Column('min_delay_seconds', sa.Float(), nullable=True),
    sa.Column('etag', sa.String(length=500), nullable=True),
    sa.Column('last_modified', sa.String(length=100), nullable=True),
    sa.Column('next_poll_at', app.core.columns.UTCDateTime(timezone=True), nullable=False),
    sa.Column('lease_until', app.core.columns.UTCDateTime(timezone=True), nullable=True),
    sa.Column('failures', sa.Integer(), server_default='0', nullable=False),
    sa.Column('polls', sa.Integer(), server_default='0', nullable=False),
    sa.Column('entries_found', sa.Integer(), server_default='0', nullable=False),
    sa.Column('last_polled_at', app.core.columns.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_status', sa.Integer(), nullable=True),
    sa.Column('last_error', sa.String(length=500), nullable=True),
    sa.Column('disabled_at', app.core.columns.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', app.core.columns.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', app.core.columns.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind IN ('feed', 'sitemap')", name=op.f('ck_feed_kind')),
    sa.CheckConstraint("state IN ('active', 'disabled')", name=op.f('ck_feed_state')),
    sa.ForeignKeyConstraint(['outlet_id'], ['outlet.id'], name=op.f('fk_feed_outlet_id_outlet'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feed')),
    sa.UniqueConstraint('url', name=op.f('uq_feed_url'))
    )
    with op.batch_alter_table('feed', schema=None) as batch_op:
        batch_op.create_index('ix_feed_state_next_poll_at', ['state', 'next_poll_at'], unique=False)

    op.create_table('feed_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('feed_id', sa.Integer(), nullable=False),
    sa.Column('outlet_id', sa.Integer(), nullable=False),
    sa.Column('guid', sa.String(length=1000), nullable=True),
    sa.Column('first_url', sa.String(length=2100), nullable=False),
    sa.Column('url', sa.String(length=2100), nullable=False),
    sa.Column('host', sa.String(length=300), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('title', sa.String(length=1000), nullable=True),
    sa.Column('published_at', app.core.columns.UTCDateTime(timezone=True), nullable=True),
    sa.Column('attempts', sa.Integer(), server_default='0', nullable=False),
    sa.Column('redirects', sa.Integer(), server_default='0', nullable=False),
    sa.Column('next_attempt_at', app.core.columns.UTCDateTime(timezone=True), nullable=False),
    sa.Column('lease_until', app.core.columns.UTCDateTime(timezone=True), nullable=True),
    sa.Column('article_id', sa.Integer(), nullable=True),
    sa.Column('last_status', sa.Integer(), nullable=True),
    sa.Column('error', sa.String(length=500), nullable=True),
    sa.Column('created_at', app.core.columns.UTCDateTime(timezone=True), nullable=False),
    sa.Column('fetched_at', app.core.columns.UTCDateTime(timezone=True), nullable=True),
    sa.CheckConstraint("state IN ('pending', 'fetched', 'known', 'disallowed', 'failed')", name=op.f('ck_feed_entry_state')),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], name=op.f('fk_feed_entry_article_id_article'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['feed_id'], ['feed.id'], name=op.f('fk_feed_entry_feed_id_feed'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['outlet_id'], ['outlet.id'], name=op.f('fk_feed_entry_outlet_id_outlet'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feed_entry')),
    sa.UniqueConstraint('first_url', name=op.f('uq_feed_entry_first_url')),
    sa.UniqueConstraint('outlet_id', 'guid', name=op.f('uq_feed_entry_outlet_id_guid'))
    )
    with op.batch_alter_table('feed_entry', schema=None) as batch_op:
        batch_op.create_index('ix_feed_entry_state_next_attempt_at', ['state', 'next_attempt_at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('feed_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_feed_entry_state_next_attempt_at')

    op.drop_table('feed_entry')
    with op.batch_alter_table('feed', schema=None) as batch_op:
        batch_op.drop_index('ix_feed_state_next_poll_at')

    op.drop_table('feed')
    op.drop_table('crawl_host')
