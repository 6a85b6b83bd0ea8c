"""The schema of a new SQLite archive: the statements Alembic's migrations leave in it, run at once (a test compares)."""

from __future__ import annotations

REVISION = "0002"  # the revision these statements bring an empty database to (engine.HEAD: a test checks)

# The `sql` of sqlite_master after `upgrade head`, in its order, as SQLite keeps it (ALTER TABLE ADD COLUMN
# appends the column to the CREATE TABLE text): running them gives the very same schema, without Alembic.
SQLITE_SCHEMA = (
    ('CREATE TABLE alembic_version (\n'
     '\tversion_num VARCHAR(32) NOT NULL, \n'
     '\tCONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n'
     ')'),
    ('CREATE TABLE events (\n'
     '\tid INTEGER NOT NULL, \n'
     '\t"key" TEXT NOT NULL, \n'
     '\tevent_date DATE, \n'
     '\ttype VARCHAR(20) NOT NULL, \n'
     '\tcountries TEXT NOT NULL, \n'
     "\tplace_en TEXT DEFAULT '' NOT NULL, \n"
     "\tplace_ar TEXT DEFAULT '' NOT NULL, picked_source INTEGER, \n"
     '\tPRIMARY KEY (id)\n'
     ')'),
    'CREATE INDEX ix_events_key ON events ("key")',
    'CREATE INDEX ix_events_event_date ON events (event_date)',
    ('CREATE TABLE sources (\n'
     '\tid INTEGER NOT NULL, \n'
     '\tevent_id INTEGER NOT NULL, \n'
     '\t"key" TEXT NOT NULL, \n'
     '\tnote_id TEXT NOT NULL, \n'
     "\tsummary TEXT NOT NULL, content_hash VARCHAR(64) DEFAULT '' NOT NULL, \n"
     '\tPRIMARY KEY (id), \n'
     '\tFOREIGN KEY(event_id) REFERENCES events (id) ON DELETE CASCADE\n'
     ')'),
    'CREATE INDEX ix_sources_event_id ON sources (event_id)',
    'CREATE INDEX ix_sources_key ON sources ("key")',
    ('CREATE TABLE followups (\n'
     '\tid INTEGER NOT NULL, \n'
     '\tevent_id INTEGER NOT NULL, \n'
     '\tkind VARCHAR(20) NOT NULL, \n'
     '\twho TEXT, \n'
     '\twho_country VARCHAR(16), \n'
     '\ttarget_country VARCHAR(16), \n'
     '\tstatus VARCHAR(12) NOT NULL, \n'
     '\tclosed_by INTEGER, \n'
     '\tclosed_on DATE, \n'
     '\tmanual BOOLEAN DEFAULT 0 NOT NULL, \n'
     '\tconfirm_event INTEGER, \n'
     '\tconfirm_reason TEXT, \n'
     '\tPRIMARY KEY (id), \n'
     '\tFOREIGN KEY(event_id) REFERENCES events (id) ON DELETE CASCADE, \n'
     '\tFOREIGN KEY(closed_by) REFERENCES events (id) ON DELETE SET NULL, \n'
     '\tFOREIGN KEY(confirm_event) REFERENCES events (id) ON DELETE SET NULL\n'
     ')'),
    'CREATE INDEX ix_followups_event_id ON followups (event_id)',
    ('CREATE TABLE mentions (\n'
     '\tid INTEGER NOT NULL, \n'
     '\tfollowup_id INTEGER NOT NULL, \n'
     '\tsource_id INTEGER NOT NULL, \n'
     '\titem INTEGER NOT NULL, \n'
     '\tPRIMARY KEY (id), \n'
     '\tFOREIGN KEY(followup_id) REFERENCES followups (id) ON DELETE CASCADE, \n'
     '\tFOREIGN KEY(source_id) REFERENCES sources (id) ON DELETE CASCADE\n'
     ')'),
    'CREATE INDEX ix_mentions_followup_id ON mentions (followup_id)',
    'CREATE INDEX ix_mentions_source_id ON mentions (source_id)',
    ('CREATE TABLE source_versions (\n'
     '\tid INTEGER NOT NULL, \n'
     '\tsource_key TEXT NOT NULL, \n'
     '\tevent_id INTEGER NOT NULL, \n'
     '\taction VARCHAR(12) NOT NULL, \n'
     '\tsummary TEXT, \n'
     '\trecorded_at DATETIME, \n'
     '\tPRIMARY KEY (id)\n'
     ')'),
    'CREATE INDEX ix_source_versions_source_key ON source_versions (source_key)',
    'CREATE INDEX ix_source_versions_event_id ON source_versions (event_id)',
    ('CREATE TABLE decisions (\n'
     '\tid INTEGER NOT NULL, \n'
     '\tfollowup_id INTEGER NOT NULL, \n'
     '\tevent_id INTEGER NOT NULL, \n'
     '\tverdict VARCHAR(12) NOT NULL, \n'
     '\tPRIMARY KEY (id), \n'
     '\tFOREIGN KEY(followup_id) REFERENCES followups (id) ON DELETE CASCADE, \n'
     '\tFOREIGN KEY(event_id) REFERENCES events (id) ON DELETE CASCADE\n'
     ')'),
    'CREATE INDEX ix_decisions_followup_id ON decisions (followup_id)',
    ('CREATE TABLE candidates (\n'
     '\tid INTEGER NOT NULL, \n'
     '\tfollowup_id INTEGER NOT NULL, \n'
     '\tevent_id INTEGER NOT NULL, \n'
     '\tevent_date DATE NOT NULL, \n'
     '\tscore INTEGER NOT NULL, \n'
     '\treason TEXT NOT NULL, \n'
     '\tPRIMARY KEY (id), \n'
     '\tFOREIGN KEY(followup_id) REFERENCES followups (id) ON DELETE CASCADE, \n'
     '\tFOREIGN KEY(event_id) REFERENCES events (id) ON DELETE CASCADE\n'
     ')'),
    'CREATE INDEX ix_candidates_followup_id ON candidates (followup_id)',
)
