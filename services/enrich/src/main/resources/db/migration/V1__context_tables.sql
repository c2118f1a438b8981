-- Asset and user context of each tenant, read by the enrich service. Every row belongs to one
-- tenant and every query filters by tenant_id first (it leads every key and index).

CREATE TABLE assets (
    tenant_id   text     NOT NULL,
    asset_id    text     NOT NULL,
    ip          inet,
    hostname    text,
    criticality smallint NOT NULL DEFAULT 3 CHECK (criticality BETWEEN 1 AND 5),
    owner       text,
    environment text,
    PRIMARY KEY (tenant_id, asset_id)
);

CREATE INDEX assets_tenant_ip ON assets (tenant_id, ip);

CREATE TABLE users (
    tenant_id  text     NOT NULL,
    user_id    text     NOT NULL,
    user_name  text     NOT NULL,
    department text,
    risk_score smallint NOT NULL DEFAULT 0 CHECK (risk_score BETWEEN 0 AND 100),
    privileged boolean  NOT NULL DEFAULT false,
    PRIMARY KEY (tenant_id, user_id)
);

-- Alerts name users by login, in whatever case the sensor logged it.
CREATE UNIQUE INDEX users_tenant_login ON users (tenant_id, lower(user_name));
