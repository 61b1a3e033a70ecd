-- Screenings, decisions and API keys (SQLite). Keep in step with migrations/postgres/0001_init.sql.
CREATE TABLE screenings (
    seq                INTEGER PRIMARY KEY AUTOINCREMENT,
    screening_id       TEXT    NOT NULL UNIQUE,
    tenant             TEXT    NOT NULL,
    created_at         TEXT    NOT NULL,
    created_unix       INTEGER NOT NULL,
    request_id         TEXT,
    input_sha256       TEXT    NOT NULL,
    input_format       TEXT    NOT NULL,
    input_bytes        INTEGER NOT NULL,
    indicators_version TEXT    NOT NULL,
    lines              INTEGER NOT NULL,
    prohibited         INTEGER NOT NULL,
    presumption        INTEGER NOT NULL,
    high_risk          INTEGER NOT NULL,
    review             INTEGER NOT NULL,
    clear              INTEGER NOT NULL,
    errors             INTEGER NOT NULL,
    manifest_gz        BLOB    NOT NULL,
    result_gz          BLOB    NOT NULL
);
CREATE INDEX screenings_by_tenant ON screenings (tenant, seq);
CREATE INDEX screenings_by_age ON screenings (created_unix);

CREATE TABLE decisions (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    decision_id  TEXT    NOT NULL UNIQUE,
    tenant       TEXT    NOT NULL,
    screening_id TEXT    NOT NULL REFERENCES screenings (screening_id) ON DELETE CASCADE,
    line         INTEGER NOT NULL,
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
    secret_sha256 BLOB NOT NULL,
    created_at    TEXT NOT NULL,
    revoked_at    TEXT
);
