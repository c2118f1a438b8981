-- When ingest accepted each alert (from its time-ordered event id) next to when it was stored, so
-- the end-to-end latency of every alert can be read back with SQL. stored_at now takes the clock at
-- the row's insert rather than at its transaction's start, which a batch insert would share.
ALTER TABLE ocsf_events ADD COLUMN ingested_at timestamptz;
ALTER TABLE ocsf_events ALTER COLUMN stored_at SET DEFAULT clock_timestamp();
ALTER TABLE predictions ALTER COLUMN stored_at SET DEFAULT clock_timestamp();
