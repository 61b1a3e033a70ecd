//! The schema, as numbered migrations, one list per backend with the same numbers and the same
//! tables and columns (a test compares them). A database records the migrations it has run in
//! `schema_migrations`; opening it runs the missing ones in order, each in its own transaction,
//! and refuses a database migrated by a newer program (its schema is not ours to guess at).

/// `(version, SQL)` for SQLite.
pub const SQLITE: &[(i64, &str)] = &[
    (1, include_str!("../../migrations/sqlite/0001_init.sql")),
    (2, include_str!("../../migrations/sqlite/0002_parts.sql")),
];

/// `(version, SQL)` for PostgreSQL.
pub const POSTGRES: &[(i64, &str)] = &[
    (1, include_str!("../../migrations/postgres/0001_init.sql")),
    (2, include_str!("../../migrations/postgres/0002_parts.sql")),
];

/// The table that records which migrations ran (same SQL on both backends).
pub const LEDGER: &str = "CREATE TABLE IF NOT EXISTS schema_migrations (
    version    BIGINT PRIMARY KEY,
    applied_at TEXT NOT NULL
)";

/// The newest version this program knows.
pub fn latest(list: &[(i64, &str)]) -> i64 {
    list.iter().map(|(v, _)| *v).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `table.column` for every column the SQL creates, in order.
    fn columns(sql: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut table = None;
        for line in sql.lines().map(str::trim) {
            if let Some(rest) = line.strip_prefix("CREATE TABLE ") {
                table = rest.split_whitespace().next().map(str::to_owned);
            } else if line.starts_with(')') {
                table = None;
            } else if let (Some(t), Some(word)) = (&table, line.split_whitespace().next()) {
                out.push(format!("{t}.{word}"));
            }
        }
        out
    }

    #[test]
    fn both_backends_have_the_same_versions_tables_and_columns() {
        let versions = |list: &[(i64, &str)]| list.iter().map(|(v, _)| *v).collect::<Vec<_>>();
        assert_eq!(versions(SQLITE), versions(POSTGRES));
        let mut all = 0;
        for ((_, lite), (_, pg)) in SQLITE.iter().zip(POSTGRES) {
            let (lite, pg) = (columns(lite), columns(pg));
            assert!(!lite.is_empty(), "a migration creates no column");
            all += lite.len();
            assert_eq!(lite, pg);
        }
        assert!(all > 20, "{all} columns");
        let index = |sql: &str| {
            sql.lines()
                .filter(|l| l.starts_with("CREATE INDEX"))
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        assert_eq!(index(SQLITE[0].1), index(POSTGRES[0].1));
    }

    #[test]
    fn versions_count_up_from_one() {
        for list in [SQLITE, POSTGRES] {
            for (i, (version, _)) in list.iter().enumerate() {
                assert_eq!(*version, i as i64 + 1);
            }
            assert_eq!(latest(list), list.len() as i64);
        }
    }
}
