"""Initial archive schema: events, sources, follow-ups and their mentions."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the four tables."""
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("event_date", sa.Date, nullable=True),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("countries", sa.Text, nullable=False),
        sa.Column("place_en", sa.Text, nullable=False, server_default=""),
        sa.Column("place_ar", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("ix_events_key", "events", ["key"])
    op.create_index("ix_events_event_date", "events", ["event_date"])
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("note_id", sa.Text, nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
    )
    op.create_index("ix_sources_event_id", "sources", ["event_id"])
    op.create_index("ix_sources_key", "sources", ["key"])
    op.create_table(
        "followups",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("who", sa.Text, nullable=True),
        sa.Column("who_country", sa.String(16), nullable=True),
        sa.Column("target_country", sa.String(16), nullable=True),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("closed_by", sa.Integer, sa.ForeignKey("events.id", ondelete="SET NULL"), nullable=True),
        sa.Column("closed_on", sa.Date, nullable=True),
        sa.Column("manual", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("confirm_event", sa.Integer, sa.ForeignKey("events.id", ondelete="SET NULL"), nullable=True),
        sa.Column("confirm_reason", sa.Text, nullable=True),
    )
    op.create_index("ix_followups_event_id", "followups", ["event_id"])
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("followup_id", sa.Integer, sa.ForeignKey("followups.id", ondelete="CASCADE"), nullable=False),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
        sa.Column("item", sa.Integer, nullable=False),
    )
    op.create_index("ix_mentions_followup_id", "mentions", ["followup_id"])
    op.create_index("ix_mentions_source_id", "mentions", ["source_id"])


def downgrade() -> None:
    """Drop the four tables."""
    for table in ("mentions", "followups", "sources", "events"):
        op.drop_table(table)
