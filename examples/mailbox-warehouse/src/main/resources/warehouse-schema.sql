-- Portable DDL: DuckDB (the default warehouse) and PostgreSQL both run it as it is.
CREATE TABLE IF NOT EXISTS mailboxes (
    exchange_guid             VARCHAR(36) PRIMARY KEY,
    identity                  VARCHAR(512),
    display_name              VARCHAR(512),
    user_principal_name       VARCHAR(512),
    primary_smtp_address      VARCHAR(512),
    recipient_type_details    VARCHAR(64),
    hidden_from_address_lists BOOLEAN,
    forwarding_smtp_address   VARCHAR(512),
    prohibit_send_quota_bytes BIGINT,
    when_mailbox_created      VARCHAR(40),
    run_id                    VARCHAR(36),
    loaded_at                 TIMESTAMP
);
CREATE TABLE IF NOT EXISTS mailbox_statistics (
    exchange_guid                 VARCHAR(36) PRIMARY KEY,
    item_count                    BIGINT,
    total_item_size_bytes         BIGINT,
    deleted_item_count            BIGINT,
    total_deleted_item_size_bytes BIGINT,
    last_logon_time               VARCHAR(40),
    run_id                        VARCHAR(36),
    loaded_at                     TIMESTAMP
);
CREATE TABLE IF NOT EXISTS etl_runs (
    run_id     VARCHAR(36) PRIMARY KEY,
    started_at TIMESTAMP,
    ended_at   TIMESTAMP,
    status     VARCHAR(16),
    mailboxes  BIGINT,
    statistics BIGINT,
    failures   BIGINT,
    message    VARCHAR(2000)
);
CREATE TABLE IF NOT EXISTS etl_failures (
    run_id    VARCHAR(36),
    identity  VARCHAR(512),
    step      VARCHAR(64),
    error     VARCHAR(2000),
    failed_at TIMESTAMP
);
-- The unified audit log, loaded incrementally by the audit-log feed; one row per audit record, upserted by its id.
-- audit_data is the record's AuditData JSON as the service sends it: query it with the database's JSON functions.
CREATE TABLE IF NOT EXISTS audit_events (
    record_id     VARCHAR(64) PRIMARY KEY,
    creation_date VARCHAR(40),
    record_type   VARCHAR(64),
    operation     VARCHAR(128),
    user_id       VARCHAR(512),
    audit_data    VARCHAR,
    window_end    TIMESTAMP,
    loaded_at     TIMESTAMP
);
