"""The archive's tables (SQLAlchemy Core); migrations/ creates and evolves them."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, DateTime, ForeignKey, Integer, MetaData, String, Table, Text, false

metadata = MetaData()

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", Text, nullable=False, index=True),  # EventKey.text, for people and listing
    Column("event_date", Date, nullable=True, index=True),
    Column("type", String(20), nullable=False),
    Column("countries", Text, nullable=False),  # sorted principal countries, comma-joined
    Column("place_en", Text, nullable=False, server_default=""),
    Column("place_ar", Text, nullable=False, server_default=""),
    Column("picked_source", Integer, nullable=True),  # the source a person chose where sources disagree
)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("key", Text, nullable=False, index=True),  # dedup.source_key
    Column("note_id", Text, nullable=False),
    Column("summary", Text, nullable=False),  # canonical JSON of the summary (format 1)
    Column("content_hash", String(64), nullable=False, server_default=""),  # sha256 of `summary`
)

followups = Table(
    "followups",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("kind", String(20), nullable=False),
    Column("who", Text, nullable=True),
    Column("who_country", String(16), nullable=True),
    Column("target_country", String(16), nullable=True),
    Column("status", String(12), nullable=False),
    Column("closed_by", Integer, ForeignKey("events.id", ondelete="SET NULL"), nullable=True),
    Column("closed_on", Date, nullable=True),
    Column("manual", Boolean, nullable=False, server_default=false()),
    Column("confirm_event", Integer, ForeignKey("events.id", ondelete="SET NULL"), nullable=True),
    Column("confirm_reason", Text, nullable=True),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("followup_id", Integer, ForeignKey("followups.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("source_id", Integer, ForeignKey("sources.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("item", Integer, nullable=False),  # index in the summary's follow_ups
)

source_versions = Table(  # every version of every source, kept when its event moves or goes
    "source_versions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source_key", Text, nullable=False, index=True),
    Column("event_id", Integer, nullable=False, index=True),  # the event it was stored under (no FK: history outlives it)
    Column("action", String(12), nullable=False),  # added · updated · moved · removed
    Column("summary", Text, nullable=True),  # canonical JSON (None when removed)
    Column("recorded_at", DateTime, nullable=True),  # UTC; None for versions older than revision 0002
)

decisions = Table(  # a person's word on a follow-up and a candidate event
    "decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("followup_id", Integer, ForeignKey("followups.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("verdict", String(12), nullable=False),  # confirmed · rejected
)

candidates = Table(  # events that may fulfil a follow-up, dated so that past views can be rebuilt
    "candidates",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("followup_id", Integer, ForeignKey("followups.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("event_date", Date, nullable=False),
    Column("score", Integer, nullable=False),  # briefing.summary.fulfilment.rank: lower is better
    Column("reason", Text, nullable=False),
)
