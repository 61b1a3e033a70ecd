//! Storage of the service's records: every screening (with the manifest as received), analysts'
//! decisions about hits, and API keys with their tenants.
//!
//! One small async trait, [`Store`], with two real backends behind it: [`sqlite`] (embedded, the
//! default, one file) and [`postgres`] (several replicas sharing one database). Both run the same
//! numbered migrations ([`migrations`]) and the same integration tests (`tests/store`), so a
//! deployment can move between them without the service noticing. The trait speaks in plain
//! records ([`records`]); tenancy is a parameter of every read, so a query cannot forget it.
//!
//! Durability: `insert_screening` returns only after the row is committed, and the HTTP handler
//! answers only after that, so an acknowledged screening survives a crash of the process.

pub mod keep;
pub mod keys;
pub mod migrations;
pub mod packing;
pub mod postgres;
pub mod records;
pub mod spool;
pub mod sqlite;

use std::path::PathBuf;
use std::sync::Arc;

use async_trait::async_trait;

pub use records::{
    Decision, KeyRecord, NewDecision, NewScreening, Page, PageQuery, Pruned, Role, ScreeningRow,
    StoredScreening,
};

/// The default database: a SQLite file in the working directory.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://caatsa-screen.db";

/// Most rows one list request returns.
pub const MAX_PAGE: u32 = 200;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "the database URL {0:?} is not understood: use sqlite://PATH or postgres://USER@HOST/DB"
    )]
    Url(String),
    #[error("SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("PostgreSQL: {0}")]
    Postgres(String),
    #[error("the database schema is at version {found}, newer than this program knows ({known}); upgrade caatsa-screen")]
    SchemaTooNew { found: i64, known: i64 },
    #[error("a stored record is damaged: {0}")]
    Corrupt(String),
    #[error("the storage worker stopped: {0}")]
    Worker(String),
}

/// Where records live. Every read takes the tenant: rows of another tenant are invisible.
#[async_trait]
pub trait Store: Send + Sync + 'static {
    /// `sqlite` or `postgres`, for logs and metrics.
    fn backend(&self) -> &'static str;

    /// Stores a screening; returns once it is committed.
    async fn insert_screening(&self, screening: NewScreening) -> Result<(), StoreError>;

    /// One screening of `tenant`, with its manifest and result.
    async fn screening(
        &self,
        tenant: &str,
        id: &str,
    ) -> Result<Option<StoredScreening>, StoreError>;

    /// Screenings of `tenant`, newest first.
    async fn list_screenings(&self, tenant: &str, query: &PageQuery) -> Result<Page, StoreError>;

    /// Appends a decision (decisions are never edited or removed one by one).
    async fn append_decision(&self, decision: NewDecision) -> Result<(), StoreError>;

    /// The decisions recorded on one line of one screening, oldest first.
    async fn line_decisions(
        &self,
        tenant: &str,
        screening_id: &str,
        line: u32,
    ) -> Result<Vec<Decision>, StoreError>;

    /// The decisions of `tenant` about any of `subject_keys`, oldest first.
    async fn subject_decisions(
        &self,
        tenant: &str,
        subject_keys: &[String],
    ) -> Result<Vec<Decision>, StoreError>;

    async fn insert_key(&self, key: KeyRecord) -> Result<(), StoreError>;

    /// A key by its public id (revoked keys too: the caller checks).
    async fn key(&self, id: &str) -> Result<Option<KeyRecord>, StoreError>;

    /// Every key, oldest first.
    async fn keys(&self) -> Result<Vec<KeyRecord>, StoreError>;

    /// Marks a key revoked; false when no unrevoked key has that id.
    async fn revoke_key(&self, id: &str, at: &str) -> Result<bool, StoreError>;

    /// Deletes screenings created before `before_unix` (seconds), with their decisions.
    async fn prune(&self, before_unix: i64) -> Result<Pruned, StoreError>;
}

/// Opens (creating and migrating as needed) the database at `url`.
pub async fn open(url: &str) -> Result<Arc<dyn Store>, StoreError> {
    match parse_url(url)? {
        Target::Sqlite(path, sync) => Ok(Arc::new(sqlite::SqliteStore::open_with(&path, sync)?)),
        Target::Postgres(url) => Ok(Arc::new(postgres::PgStore::connect(&url).await?)),
    }
}

/// What a database URL names.
#[derive(Debug, PartialEq)]
pub enum Target {
    Sqlite(PathBuf, Synchronous),
    Postgres(String),
}

/// When SQLite forces a commit to disk (`?synchronous=` of a `sqlite://` URL).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Synchronous {
    /// The default: a commit is in the WAL file when it is acknowledged, so a crash or
    /// `kill -9` of the process loses nothing acknowledged; a power cut or kernel crash may
    /// lose the last commits before the next checkpoint.
    Normal,
    /// Every commit group is fsynced before it is acknowledged: survives a power cut too, at
    /// the cost of one fsync per group on the request path.
    Full,
}

impl Synchronous {
    pub fn pragma(self) -> &'static str {
        match self {
            Synchronous::Normal => "NORMAL",
            Synchronous::Full => "FULL",
        }
    }
}

/// `sqlite://PATH[?synchronous=normal|full]` (relative or absolute, `sqlite:///abs` too),
/// `sqlite:PATH`, or `postgres://...` / `postgresql://...`.
pub fn parse_url(url: &str) -> Result<Target, StoreError> {
    let url = url.trim();
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        return Ok(Target::Postgres(url.to_owned()));
    }
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .ok_or_else(|| StoreError::Url(redacted(url)))?;
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    if path.is_empty() {
        return Err(StoreError::Url(redacted(url)));
    }
    let sync = match query {
        "" | "synchronous=normal" => Synchronous::Normal,
        "synchronous=full" => Synchronous::Full,
        _ => return Err(StoreError::Url(redacted(url))),
    };
    Ok(Target::Sqlite(PathBuf::from(path), sync))
}

/// Shows a database URL without its password, for logs.
pub fn redacted(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_name_their_backend() {
        assert_eq!(
            parse_url("sqlite://caatsa.db").unwrap(),
            Target::Sqlite("caatsa.db".into(), Synchronous::Normal)
        );
        assert_eq!(
            parse_url("sqlite:///var/lib/c.db?synchronous=full").unwrap(),
            Target::Sqlite("/var/lib/c.db".into(), Synchronous::Full)
        );
        assert!(parse_url("sqlite://c.db?synchronous=off").is_err());
        assert_eq!(
            parse_url("postgresql://u@h/db").unwrap(),
            Target::Postgres("postgresql://u@h/db".into())
        );
        assert!(parse_url("mysql://u@h/db").is_err());
        assert!(parse_url("sqlite://").is_err());
    }

    #[test]
    fn passwords_are_not_logged() {
        assert_eq!(
            redacted("postgres://app:s3cret@db:5432/x"),
            "postgres://app:***@db:5432/x"
        );
        assert_eq!(redacted("postgres://app@db/x"), "postgres://app@db/x");
        assert_eq!(redacted("sqlite://a.db"), "sqlite://a.db");
    }
}
