"""The archive as a memory: source versions, dated candidate events, decisions, picked sources.

Existing archives keep their data: each stored source gets a first version (recorded at an
unknown time), and the events keep the source stored first as the one their account follows
until a person picks another.
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add source versions, candidates, decisions, source hashes and picked sources."""
    op.create_table(
        "source_versions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source_key", sa.Text, nullable=False),
        sa.Column("event_id", sa.Integer, nullable=False),
        sa.Column("action", sa.String(12), nullable=False),
        sa.Column("summary", sa.Text, nullable=True),
        sa.Column("recorded_at", sa.DateTime, nullable=True),
    )
    op.create_index("ix_source_versions_source_key", "source_versions", ["source_key"])
    op.create_index("ix_source_versions_event_id", "source_versions", ["event_id"])
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("followup_id", sa.Integer, sa.ForeignKey("followups.id", ondelete="CASCADE"), nullable=False),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
        sa.Column("verdict", sa.String(12), nullable=False),
    )
    op.create_index("ix_decisions_followup_id", "decisions", ["followup_id"])
    op.create_table(
        "candidates",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("followup_id", sa.Integer, sa.ForeignKey("followups.id", ondelete="CASCADE"), nullable=False),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
        sa.Column("event_date", sa.Date, nullable=False),
        sa.Column("score", sa.Integer, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_index("ix_candidates_followup_id", "candidates", ["followup_id"])
    with op.batch_alter_table("sources") as batch:
        batch.add_column(sa.Column("content_hash", sa.String(64), nullable=False, server_default=""))
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("picked_source", sa.Integer, nullable=True))
    conn = op.get_bind()
    conn.execute(sa.text("INSERT INTO candidates (followup_id, event_id, event_date, score, reason) "
                         "SELECT f.id, f.confirm_event, e.event_date, 8, COALESCE(f.confirm_reason, '') "
                         "FROM followups f JOIN events e ON e.id = f.confirm_event WHERE e.event_date IS NOT NULL"))
    rows = conn.execute(sa.text("SELECT id, key, event_id, summary FROM sources ORDER BY id")).all()
    for row in rows:
        digest = hashlib.sha256(row.summary.encode()).hexdigest()
        conn.execute(sa.text("UPDATE sources SET content_hash = :h WHERE id = :i"), {"h": digest, "i": row.id})
        conn.execute(sa.text("INSERT INTO source_versions (source_key, event_id, action, summary) "
                             "VALUES (:k, :e, 'added', :s)"), {"k": row.key, "e": row.event_id, "s": row.summary})


def downgrade() -> None:
    """Drop what 0002 added."""
    with op.batch_alter_table("events") as batch:
        batch.drop_column("picked_source")
    with op.batch_alter_table("sources") as batch:
        batch.drop_column("content_hash")
    op.drop_table("candidates")
    op.drop_table("decisions")
    op.drop_table("source_versions")
