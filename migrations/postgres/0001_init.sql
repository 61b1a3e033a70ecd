-- Screenings, decisions and API keys (PostgreSQL). Keep in step with migrations/sqlite/0001_init.sql.
CREATE TABLE screenings (
    seq                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    screening_id       TEXT    NOT NULL UNIQUE,
    tenant             TEXT    NOT NULL,
    created_at         TEXT    NOT NULL,
    created_unix       BIGINT  NOT NULL,
    request_id         TEXT,
    input_sha256       TEXT    NOT NULL,
    input_format       TEXT    NOT NULL,
    input_bytes        BIGINT  NOT NULL,
    indicators_version TEXT    NOT NULL,
    lines              BIGINT  NOT NULL,
    prohibited         BIGINT  NOT NULL,
    presumption        BIGINT  NOT NULL,
    high_risk          BIGINT  NOT NULL,
    review             BIGINT  NOT NULL,
    clear              BIGINT  NOT NULL,
    errors             BIGINT  NOT NULL,
    manifest_gz        BYTEA   NOT NULL,
    result_gz          BYTEA   NOT NULL
);
CREATE INDEX screenings_by_tenant ON screenings (tenant, seq);
CREATE INDEX screenings_by_age ON screenings (created_unix);

CREATE TABLE decisions (
    seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    decision_id  TEXT    NOT NULL UNIQUE,
    tenant       TEXT    NOT NULL,
    screening_id TEXT    NOT NULL REFERENCES screenings (screening_id) ON DELETE CASCADE,
    line         BIGINT  NOT NULL,
    flag         TEXT    NOT NULL,
    subject_key  TEXT    NOT NULL,
    decision     TEXT    NOT NULL,
    note         TEXT    NOT NULL,
    decided_by   TEXT    NOT NULL,
    decided_at   TEXT    NOT NULL
);
CREATE INDEX decisions_by_line ON decisions (tenant, screening_id, line, seq);
CREATE INDEX decisions_by_subject ON decisions (tenant, subject_key, seq);

CREATE TABLE api_keys (
    key_id        TEXT PRIMARY KEY,
    tenant        TEXT NOT NULL,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL,
    secret_sha256 BYTEA NOT NULL,
    created_at    TEXT NOT NULL,
    revoked_at    TEXT
);
