//! The two storage backends under test, each handing out a database no other test uses: a new
//! SQLite file, or a new schema in the PostgreSQL test database (selected through the
//! connection's `search_path`).

use tokio_postgres::NoTls;

use crate::api::support::fresh_sqlite_url;

/// The PostgreSQL test database unless `CAATSA_TEST_POSTGRES_URL` says otherwise.
pub const DEFAULT_POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/caatsa_test";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// A database URL of this backend that no other test uses.
    pub async fn fresh_url(self) -> String {
        match self {
            Backend::Sqlite => fresh_sqlite_url(),
            Backend::Postgres => fresh_postgres_schema().await,
        }
    }
}

/// Creates a schema in the test database and returns a URL whose sessions use it.
async fn fresh_postgres_schema() -> String {
    let base = std::env::var("CAATSA_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| DEFAULT_POSTGRES_URL.to_owned());
    let (client, connection) = tokio_postgres::connect(&base, NoTls)
        .await
        .unwrap_or_else(|e| {
            panic!(
                "the PostgreSQL tests need a server at {base} (set CAATSA_TEST_POSTGRES_URL; \
             .ci/run creates the database): {e}"
            )
        });
    tokio::spawn(connection);
    let schema = format!("t_{}", uuid::Uuid::new_v4().simple());
    client
        .batch_execute(&format!("CREATE SCHEMA {schema}"))
        .await
        .expect("a test schema is created");
    let separator = if base.contains('?') { '&' } else { '?' };
    format!("{base}{separator}options=-c%20search_path%3D{schema}")
}
