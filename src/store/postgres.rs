//! The PostgreSQL backend, for deployments where several replicas share one database:
//! `tokio-postgres` through a `deadpool` pool (16 connections, 5 s to get one), prepared
//! statements cached per connection, and a `statement_timeout` on every session so a stuck
//! query fails instead of holding a request forever. Migrations run under an advisory lock, so
//! replicas starting together migrate once. Every write is one autocommitted statement (or one
//! transaction), acknowledged by the server after its commit.
//!
//! Connections are not encrypted (`NoTls`): run it on a private network or through a TLS
//! tunnel; docs/service.md says so.

use std::time::Duration;

use async_trait::async_trait;
use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod, Runtime};
use tokio_postgres::{NoTls, Row};

use super::migrations::{self, LEDGER};
use super::records::{
    summary_of, Decision, KeyRecord, NewDecision, NewScreening, Page, PageQuery, Pruned, Role,
    ScreeningRow, StoredScreening, DECISION_COLUMNS, FIRST_COUNT_COLUMN, KEY_COLUMNS, ROW_COLUMNS,
};
use super::records::{MANIFEST, RESULT};
use super::{Store, StoreError};
use crate::screening::prior::DecisionKind;

/// Connections in the pool.
const POOL_SIZE: usize = 16;
/// The longest any statement may run, in milliseconds.
const STATEMENT_TIMEOUT_MS: u64 = 10_000;
/// The longest a request waits for a connection.
const POOL_WAIT: Duration = Duration::from_secs(5);
/// The advisory lock held while migrating ("caatsa" in ASCII).
const MIGRATION_LOCK: i64 = 0x6361_6174_7361;

pub struct PgStore {
    pool: Pool,
}

fn pg(error: impl std::fmt::Display) -> StoreError {
    StoreError::Postgres(error.to_string())
}

fn db(error: tokio_postgres::Error) -> StoreError {
    match error.as_db_error() {
        Some(e) => StoreError::Postgres(format!("{} ({})", e.message(), e.code().code())),
        None => StoreError::Postgres(match std::error::Error::source(&error) {
            Some(source) => format!("{error}: {source}"),
            None => error.to_string(),
        }),
    }
}

impl PgStore {
    /// Connects to `url`, checks the server answers and brings the schema up to date.
    pub async fn connect(url: &str) -> Result<PgStore, StoreError> {
        let mut config: tokio_postgres::Config = url.parse().map_err(pg)?;
        let timeout = format!("-c statement_timeout={STATEMENT_TIMEOUT_MS}");
        let options = match config.get_options() {
            Some(given) if !given.is_empty() => format!("{given} {timeout}"),
            _ => timeout,
        };
        config.options(&options);
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(POOL_WAIT);
        }
        let manager = Manager::from_config(
            config,
            NoTls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(POOL_SIZE)
            .wait_timeout(Some(POOL_WAIT))
            .create_timeout(Some(POOL_WAIT))
            .runtime(Runtime::Tokio1)
            .build()
            .map_err(pg)?;
        let store = PgStore { pool };
        store.migrate().await?;
        Ok(store)
    }

    async fn client(&self) -> Result<deadpool_postgres::Object, StoreError> {
        self.pool
            .get()
            .await
            .map_err(|e| StoreError::Postgres(format!("no database connection: {e}")))
    }

    async fn migrate(&self) -> Result<(), StoreError> {
        let mut client = self.client().await?;
        client
            .execute("SELECT pg_advisory_lock($1)", &[&MIGRATION_LOCK])
            .await
            .map_err(db)?;
        let outcome = migrate_locked(&mut client).await;
        let unlocked = client
            .execute("SELECT pg_advisory_unlock($1)", &[&MIGRATION_LOCK])
            .await
            .map_err(db);
        outcome.and(unlocked.map(|_| ()))
    }

    async fn query(
        &self,
        sql: &str,
        params: &[&(dyn tokio_postgres::types::ToSql + Sync)],
    ) -> Result<Vec<Row>, StoreError> {
        let client = self.client().await?;
        let statement = client.prepare_cached(sql).await.map_err(db)?;
        client.query(&statement, params).await.map_err(db)
    }

    async fn execute(
        &self,
        sql: &str,
        params: &[&(dyn tokio_postgres::types::ToSql + Sync)],
    ) -> Result<u64, StoreError> {
        let client = self.client().await?;
        let statement = client.prepare_cached(sql).await.map_err(db)?;
        client.execute(&statement, params).await.map_err(db)
    }
}

async fn migrate_locked(client: &mut deadpool_postgres::Object) -> Result<(), StoreError> {
    client.batch_execute(LEDGER).await.map_err(db)?;
    let found: i64 = client
        .query_one(
            "SELECT COALESCE(MAX(version), 0)::BIGINT FROM schema_migrations",
            &[],
        )
        .await
        .map_err(db)?
        .get(0);
    let known = migrations::latest(migrations::POSTGRES);
    if found > known {
        return Err(StoreError::SchemaTooNew { found, known });
    }
    for (version, sql) in migrations::POSTGRES.iter().filter(|(v, _)| *v > found) {
        let tx = client.transaction().await.map_err(db)?;
        tx.batch_execute(sql).await.map_err(db)?;
        tx.execute(
            "INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)",
            &[version, &crate::screening::screener::now_rfc3339()],
        )
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)?;
    }
    Ok(())
}

fn screening_row(r: &Row) -> Result<ScreeningRow, StoreError> {
    let mut counts = [0i64; 7];
    for (i, count) in counts.iter_mut().enumerate() {
        *count = r.try_get::<_, i64>(FIRST_COUNT_COLUMN + i).map_err(db)?;
    }
    Ok(ScreeningRow {
        screening_id: r.try_get(0).map_err(db)?,
        created_at: r.try_get(1).map_err(db)?,
        request_id: r.try_get(2).map_err(db)?,
        input_sha256: r.try_get(3).map_err(db)?,
        input_format: r.try_get(4).map_err(db)?,
        input_bytes: r.try_get::<_, i64>(5).map_err(db)?.max(0) as u64,
        indicators_version: r.try_get(6).map_err(db)?,
        summary: summary_of(counts),
    })
}

fn decision(r: &Row) -> Result<Decision, StoreError> {
    let kind: String = r.try_get(4).map_err(db)?;
    Ok(Decision {
        decision_id: r.try_get(0).map_err(db)?,
        screening_id: r.try_get(1).map_err(db)?,
        line: r.try_get::<_, i64>(2).map_err(db)?.max(0) as u32,
        flag: r.try_get(3).map_err(db)?,
        decision: DecisionKind::parse(&kind)
            .ok_or_else(|| StoreError::Corrupt(format!("unknown decision {kind:?}")))?,
        note: r.try_get(5).map_err(db)?,
        decided_by: r.try_get(6).map_err(db)?,
        decided_at: r.try_get(7).map_err(db)?,
        subject_key: r.try_get(8).map_err(db)?,
    })
}

fn key_record(r: &Row) -> Result<KeyRecord, StoreError> {
    let role: String = r.try_get(3).map_err(db)?;
    Ok(KeyRecord {
        key_id: r.try_get(0).map_err(db)?,
        tenant: r.try_get(1).map_err(db)?,
        name: r.try_get(2).map_err(db)?,
        role: Role::parse(&role)
            .ok_or_else(|| StoreError::Corrupt(format!("unknown role {role:?}")))?,
        secret_sha256: r.try_get(4).map_err(db)?,
        created_at: r.try_get(5).map_err(db)?,
        revoked_at: r.try_get(6).map_err(db)?,
    })
}

#[async_trait]
impl Store for PgStore {
    fn backend(&self) -> &'static str {
        "postgres"
    }

    async fn insert_screening(&self, s: NewScreening) -> Result<(), StoreError> {
        let row = &s.row;
        let n = |v: usize| v as i64;
        let (lines, prohibited, presumption) = (
            n(row.summary.lines),
            n(row.summary.prohibited),
            n(row.summary.presumption),
        );
        let (high_risk, review, clear, errors) = (
            n(row.summary.high_risk),
            n(row.summary.review),
            n(row.summary.clear),
            n(row.summary.errors),
        );
        let input_bytes = row.input_bytes as i64;
        let empty: &[u8] = &[];
        // One transaction: the row and its parts commit together, or not at all.
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(db)?;
        let insert = tx
            .prepare_cached(
            "INSERT INTO screenings (screening_id, tenant, created_at, created_unix, request_id, \
             input_sha256, input_format, input_bytes, indicators_version, lines, prohibited, \
             presumption, high_risk, review, clear, errors, manifest_gz, result_gz) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, \
             $18)",
            )
            .await
            .map_err(db)?;
        tx.execute(
            &insert,
            &[
                &row.screening_id,
                &s.tenant,
                &row.created_at,
                &s.created_unix,
                &row.request_id,
                &row.input_sha256,
                &row.input_format,
                &input_bytes,
                &row.indicators_version,
                &lines,
                &prohibited,
                &presumption,
                &high_risk,
                &review,
                &clear,
                &errors,
                &empty,
                &empty,
            ],
        )
        .await
        .map_err(db)?;
        let part = tx
            .prepare_cached(
                "INSERT INTO screening_parts (screening_id, kind, part, bytes) \
                 VALUES ($1, $2, $3, $4)",
            )
            .await
            .map_err(db)?;
        for (kind, spooled) in [(MANIFEST, &s.manifest), (RESULT, &s.result)] {
            for (i, bytes) in spooled.parts().enumerate() {
                let bytes =
                    bytes.map_err(|e| StoreError::Postgres(format!("reading a spool: {e}")))?;
                let i = i as i64;
                tx.execute(&part, &[&row.screening_id, &kind, &i, &bytes])
                    .await
                    .map_err(db)?;
            }
        }
        tx.commit().await.map_err(db)
    }

    async fn screening(
        &self,
        tenant: &str,
        id: &str,
    ) -> Result<Option<StoredScreening>, StoreError> {
        let rows = self
            .query(
                &format!(
                    "SELECT {ROW_COLUMNS}, manifest_gz, result_gz FROM screenings \
                     WHERE tenant = $1 AND screening_id = $2"
                ),
                &[&tenant, &id],
            )
            .await?;
        let Some(r) = rows.first() else {
            return Ok(None);
        };
        let mut stored = StoredScreening {
            row: screening_row(r)?,
            manifest_gz: r.try_get(14).map_err(db)?,
            result_gz: r.try_get(15).map_err(db)?,
        };
        // Rows written since migration 2 keep their bytes in parts.
        for (kind, into) in [
            (MANIFEST, &mut stored.manifest_gz),
            (RESULT, &mut stored.result_gz),
        ] {
            let parts = self
                .query(
                    "SELECT bytes FROM screening_parts WHERE screening_id = $1 AND kind = $2 \
                     ORDER BY part",
                    &[&stored.row.screening_id, &kind],
                )
                .await?;
            for part in parts {
                into.extend_from_slice(part.try_get::<_, &[u8]>(0).map_err(db)?);
            }
        }
        Ok(Some(stored))
    }

    async fn list_screenings(&self, tenant: &str, query: &PageQuery) -> Result<Page, StoreError> {
        // The verdict names a column from a fixed list, never client text.
        let verdict = query
            .verdict
            .map(|v| format!(" AND {} > 0", v.as_str()))
            .unwrap_or_default();
        let before = query.before.unwrap_or(i64::MAX);
        let limit = i64::from(query.limit) + 1;
        let rows = self
            .query(
                &format!(
                    "SELECT {ROW_COLUMNS}, seq FROM screenings \
                     WHERE tenant = $1 AND seq < $2{verdict} ORDER BY seq DESC LIMIT $3"
                ),
                &[&tenant, &before, &limit],
            )
            .await?;
        let mut page = Page {
            rows: Vec::new(),
            next: None,
        };
        let mut last_seq = None;
        for r in &rows {
            if page.rows.len() == query.limit as usize {
                page.next = last_seq;
                break;
            }
            page.rows.push(screening_row(r)?);
            last_seq = Some(r.try_get::<_, i64>(14).map_err(db)?);
        }
        Ok(page)
    }

    async fn append_decision(&self, d: NewDecision) -> Result<(), StoreError> {
        let line = i64::from(d.line);
        self.execute(
            "INSERT INTO decisions (decision_id, tenant, screening_id, line, flag, subject_key, \
             decision, note, decided_by, decided_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            &[
                &d.decision_id,
                &d.tenant,
                &d.screening_id,
                &line,
                &d.flag,
                &d.subject_key,
                &d.decision.as_str(),
                &d.note,
                &d.decided_by,
                &d.decided_at,
            ],
        )
        .await
        .map(|_| ())
    }

    async fn line_decisions(
        &self,
        tenant: &str,
        screening_id: &str,
        line: u32,
    ) -> Result<Vec<Decision>, StoreError> {
        let line = i64::from(line);
        self.query(
            &format!(
                "SELECT {DECISION_COLUMNS} FROM decisions \
                 WHERE tenant = $1 AND screening_id = $2 AND line = $3 ORDER BY seq"
            ),
            &[&tenant, &screening_id, &line],
        )
        .await?
        .iter()
        .map(decision)
        .collect()
    }

    async fn subject_decisions(
        &self,
        tenant: &str,
        subject_keys: &[String],
    ) -> Result<Vec<Decision>, StoreError> {
        if subject_keys.is_empty() {
            return Ok(Vec::new());
        }
        self.query(
            &format!(
                "SELECT {DECISION_COLUMNS} FROM decisions \
                 WHERE tenant = $1 AND subject_key = ANY($2) ORDER BY seq"
            ),
            &[&tenant, &subject_keys],
        )
        .await?
        .iter()
        .map(decision)
        .collect()
    }

    async fn insert_key(&self, key: KeyRecord) -> Result<(), StoreError> {
        self.execute(
            &format!("INSERT INTO api_keys ({KEY_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)"),
            &[
                &key.key_id,
                &key.tenant,
                &key.name,
                &key.role.as_str(),
                &key.secret_sha256,
                &key.created_at,
                &key.revoked_at,
            ],
        )
        .await
        .map(|_| ())
    }

    async fn key(&self, id: &str) -> Result<Option<KeyRecord>, StoreError> {
        self.query(
            &format!("SELECT {KEY_COLUMNS} FROM api_keys WHERE key_id = $1"),
            &[&id],
        )
        .await?
        .first()
        .map(key_record)
        .transpose()
    }

    async fn keys(&self) -> Result<Vec<KeyRecord>, StoreError> {
        self.query(
            &format!("SELECT {KEY_COLUMNS} FROM api_keys ORDER BY created_at, key_id"),
            &[],
        )
        .await?
        .iter()
        .map(key_record)
        .collect()
    }

    async fn revoke_key(&self, id: &str, at: &str) -> Result<bool, StoreError> {
        self.execute(
            "UPDATE api_keys SET revoked_at = $2 WHERE key_id = $1 AND revoked_at IS NULL",
            &[&id, &at],
        )
        .await
        .map(|n| n > 0)
    }

    async fn prune(&self, before_unix: i64) -> Result<Pruned, StoreError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(db)?;
        let decisions = tx
            .execute(
                "DELETE FROM decisions WHERE screening_id IN \
                 (SELECT screening_id FROM screenings WHERE created_unix < $1)",
                &[&before_unix],
            )
            .await
            .map_err(db)?;
        tx.execute(
            "DELETE FROM screening_parts WHERE screening_id IN \
             (SELECT screening_id FROM screenings WHERE created_unix < $1)",
            &[&before_unix],
        )
        .await
        .map_err(db)?;
        let screenings = tx
            .execute(
                "DELETE FROM screenings WHERE created_unix < $1",
                &[&before_unix],
            )
            .await
            .map_err(db)?;
        tx.commit().await.map_err(db)?;
        Ok(Pruned {
            screenings,
            decisions,
        })
    }
}
