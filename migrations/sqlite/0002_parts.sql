-- Manifests and results stored in parts of at most 1 MiB (packed), so that neither storing nor
-- reading a large record needs it whole in memory. Rows written before keep their blobs in
-- screenings.manifest_gz / result_gz; new rows leave those empty. Keep in step with
-- migrations/postgres/0002_parts.sql.
CREATE TABLE screening_parts (
    screening_id TEXT    NOT NULL REFERENCES screenings (screening_id) ON DELETE CASCADE,
    kind         TEXT    NOT NULL,
    part         INTEGER NOT NULL,
    bytes        BLOB    NOT NULL,
    PRIMARY KEY (screening_id, kind, part)
);
