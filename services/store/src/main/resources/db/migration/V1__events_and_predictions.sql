-- The store's tables, in schema "store" (Flyway's default schema for this service; the enrich
-- service keeps its own tables in schema "enrich" of the same database).

-- One row per alert, whatever stage redelivers it: event_id is the alert's identity from ingest on,
-- so the primary key is what makes storing idempotent (INSERT ... ON CONFLICT DO NOTHING).
CREATE TABLE ocsf_events (
    event_id      uuid        PRIMARY KEY,
    tenant_id     text        NOT NULL,
    class_uid     integer     NOT NULL,
    severity_id   integer     NOT NULL,
    time          timestamptz NOT NULL,
    src_ip        inet,
    dst_ip        inet,
    user_name     text,
    host_name     text,
    source_format text        NOT NULL,
    stored_at     timestamptz NOT NULL DEFAULT now(),
    ocsf          jsonb       NOT NULL
);

-- Listing pages newest first with a keyset cursor on (time, event_id): this index serves the
-- order and the cursor condition of every list query of a tenant.
CREATE INDEX ocsf_events_tenant_time ON ocsf_events (tenant_id, time DESC, event_id DESC);
-- The API's filters, each always combined with the tenant.
CREATE INDEX ocsf_events_tenant_class ON ocsf_events (tenant_id, class_uid);
CREATE INDEX ocsf_events_tenant_severity ON ocsf_events (tenant_id, severity_id);
CREATE INDEX ocsf_events_tenant_src_ip ON ocsf_events (tenant_id, src_ip);
CREATE INDEX ocsf_events_tenant_user ON ocsf_events (tenant_id, user_name);
CREATE INDEX ocsf_events_tenant_host ON ocsf_events (tenant_id, host_name);

-- A model's prediction for an alert. No foreign key to ocsf_events: the score service reads the
-- same topic as the store, so a prediction may well be stored before its event.
CREATE TABLE predictions (
    event_id      uuid             PRIMARY KEY,
    tenant_id     text             NOT NULL,
    label         text             NOT NULL,
    probability   double precision NOT NULL,
    model_version text             NOT NULL,
    features      jsonb            NOT NULL,
    stored_at     timestamptz      NOT NULL DEFAULT now()
);

CREATE INDEX predictions_tenant ON predictions (tenant_id);
