"""The archive's tables (SQLAlchemy Core); migrations/ creates and evolves them."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, ForeignKey, Integer, MetaData, String, Table, Text, false

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
)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("key", Text, nullable=False, index=True),  # dedup.source_key
    Column("note_id", Text, nullable=False),
    Column("summary", Text, nullable=False),  # canonical JSON of the summary (format 1)
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
