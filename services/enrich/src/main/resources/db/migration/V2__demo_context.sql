-- Demo context for the local tenants acme and globex, so that alerts replayed from the Suricata
-- sample sets (shared samples: first-org-conf-2015 and wrccdc-2017) show asset context.
-- 192.168.0.2 and 192.168.0.54 appear in first-org-conf-2015 (an SSH/web server that is scanned and
-- attacked, and a workstation); 10.192.91.91 and 10.10.1.135 in wrccdc-2017. 192.168.0.2 belongs
-- to acme only: a globex alert naming it must not get acme's asset.

INSERT INTO assets (tenant_id, asset_id, ip, hostname, criticality, owner, environment) VALUES
    ('acme',   'acme-web-01',   '192.168.0.2',  'web01.acme.example',   5, 'web-platform', 'production'),
    ('acme',   'acme-ws-054',   '192.168.0.54', 'ws054.acme.example',   2, 'it-desk',      'office'),
    ('acme',   'acme-scan-91',  '10.192.91.91', 'scan91.acme.example',  3, 'secops',       'lab'),
    ('globex', 'globex-dev-135', '10.10.1.135', 'dev135.globex.example', 3, 'engineering', 'development'),
    ('globex', 'globex-db-014', '10.10.1.14',   'db014.globex.example', 5, 'data-platform', 'production');

INSERT INTO users (tenant_id, user_id, user_name, department, risk_score, privileged) VALUES
    ('acme',   'u-1001', 'jdoe',          'finance',     20, false),
    ('acme',   'u-1002', 'admin.smith',   'it',          60, true),
    ('globex', 'g-2001', 'hsimpson',      'operations',  80, false),
    ('globex', 'g-2002', 'root-operator', 'engineering', 40, true);
