//! The records commands: `keys create|list|revoke` (API keys and their tenants), `prune` (delete
//! old screenings, never automatically) and `backup` (a consistent copy of a SQLite database
//! while the service runs). They open the same database the service uses (`--database-url`,
//! `CAATSA_DATABASE_URL`), so a key created here is valid at the service's next request.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{bail, Context};
use caatsa_screen::store::{self, keys, Role, Store};

/// The database option shared by the records commands and `screen --store`.
#[derive(Debug, Clone, clap::Args)]
pub struct DatabaseArgs {
    /// `sqlite://PATH` or `postgres://USER@HOST/DB`.
    #[arg(
        long,
        env = "CAATSA_DATABASE_URL",
        value_name = "URL",
        default_value = store::DEFAULT_DATABASE_URL
    )]
    pub database_url: String,
}

impl DatabaseArgs {
    /// Opens the database on `runtime`.
    pub fn open(&self, runtime: &tokio::runtime::Runtime) -> anyhow::Result<Arc<dyn Store>> {
        runtime
            .block_on(store::open(&self.database_url))
            .with_context(|| format!("opening {}", store::redacted(&self.database_url)))
    }
}

/// A runtime for the store's async calls.
pub fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")
}

#[derive(Debug, clap::Subcommand)]
pub enum KeysCommand {
    /// Create a key for a tenant; the key is printed once and only its hash is kept.
    Create {
        /// The tenant whose screenings the key reads and writes.
        #[arg(long)]
        tenant: String,
        /// A label for the key, recorded with every decision made with it.
        #[arg(long)]
        name: Option<String>,
        #[arg(long, value_enum, default_value = "analyst")]
        role: RoleArg,
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// List keys (ids, tenants, names, roles; never secrets).
    List {
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// Revoke a key by its id (`csk_<id>_...`, or the id alone).
    Revoke {
        key_id: String,
        #[command(flatten)]
        db: DatabaseArgs,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum RoleArg {
    /// Screen, read stored screenings and record decisions.
    Analyst,
    /// An analyst who may also reload the knowledge base.
    Admin,
}

/// Tenant names: what an operator types and logs show, so letters, digits, `-`, `_`, `.`.
fn check_label(what: &str, text: &str) -> anyhow::Result<()> {
    let ok = !text.is_empty()
        && text.len() <= 64
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if !ok {
        bail!("{what} {text:?} must be 1 to 64 letters, digits, '-', '_' or '.'");
    }
    Ok(())
}

pub fn keys(command: KeysCommand) -> anyhow::Result<ExitCode> {
    let runtime = runtime()?;
    let now = caatsa_screen::screening::screener::now_rfc3339();
    match command {
        KeysCommand::Create {
            tenant,
            name,
            role,
            db,
        } => {
            check_label("the tenant", &tenant)?;
            let name = name.unwrap_or_else(|| format!("{tenant}-key"));
            check_label("the name", &name)?;
            let role = match role {
                RoleArg::Analyst => Role::Analyst,
                RoleArg::Admin => Role::Admin,
            };
            let store = db.open(&runtime)?;
            let issued = keys::issue(&tenant, &name, role, &now)?;
            let id = issued.record.key_id.clone();
            runtime.block_on(store.insert_key(issued.record))?;
            println!("{}", issued.key);
            eprintln!(
                "created key {id} ({}, tenant {tenant}, name {name}); it is shown only now: keep \
                 it in a secret store. A running server without keys must be restarted to \
                 require keys.",
                role.as_str()
            );
        }
        KeysCommand::List { db } => {
            let store = db.open(&runtime)?;
            let all = runtime.block_on(store.keys())?;
            println!("key_id\ttenant\tname\trole\tcreated_at\trevoked_at");
            for k in all {
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{}",
                    k.key_id,
                    k.tenant,
                    k.name,
                    k.role.as_str(),
                    k.created_at,
                    k.revoked_at.as_deref().unwrap_or("-")
                );
            }
        }
        KeysCommand::Revoke { key_id, db } => {
            let id = keys::split(&key_id).map_or(key_id.as_str(), |(id, _)| id);
            let store = db.open(&runtime)?;
            if !runtime.block_on(store.revoke_key(id, &now))? {
                bail!("no active key has the id {id:?} (`caatsa-screen keys list` shows them)");
            }
            eprintln!("revoked key {id}; requests with it now answer 401");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The shortest retention `prune` accepts without `--force`: OFAC requires transaction records
/// to be available for at least five years (31 C.F.R. 501.601).
pub const MIN_RETENTION_DAYS: u32 = 5 * 366;

#[derive(Debug, clap::Args)]
pub struct PruneArgs {
    /// Delete screenings (and their decisions) created more than this many days ago.
    #[arg(long, value_name = "DAYS")]
    older_than: u32,
    /// Allow fewer than 1830 days (OFAC expects records for at least five years, 31 C.F.R.
    /// 501.601).
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    db: DatabaseArgs,
}

pub fn prune(args: PruneArgs) -> anyhow::Result<ExitCode> {
    if args.older_than < MIN_RETENTION_DAYS && !args.force {
        bail!(
            "refusing to delete records younger than {MIN_RETENTION_DAYS} days: OFAC expects \
             transaction records to be available for at least 5 years (31 C.F.R. 501.601). \
             Pass --force if your counsel has decided otherwise"
        );
    }
    let runtime = runtime()?;
    let store = args.db.open(&runtime)?;
    let cutoff = time::OffsetDateTime::now_utc() - time::Duration::days(i64::from(args.older_than));
    let pruned = runtime.block_on(store.prune(cutoff.unix_timestamp()))?;
    eprintln!(
        "deleted {} screenings created before {} and the {} decisions recorded on them",
        pruned.screenings,
        cutoff
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default(),
        pruned.decisions,
    );
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    /// Where to write the copy (a new SQLite file).
    #[arg(long, value_name = "FILE")]
    to: PathBuf,
    #[command(flatten)]
    db: DatabaseArgs,
}

/// SQLite's online backup: a consistent copy while the service writes. PostgreSQL has
/// `pg_dump` for that.
pub fn backup(args: BackupArgs) -> anyhow::Result<ExitCode> {
    let path = match store::parse_url(&args.db.database_url)? {
        store::Target::Sqlite(path, _) => path,
        store::Target::Postgres(_) => {
            bail!("back up PostgreSQL with pg_dump (docs/service.md, \"Backups\")")
        }
    };
    if !path.is_file() {
        bail!(
            "{} does not exist: nothing to back up (check --database-url)",
            path.display()
        );
    }
    if args.to.exists() {
        bail!("{} exists; choose a new file", args.to.display());
    }
    let runtime = runtime()?;
    let store = store::sqlite::SqliteStore::open(&path)
        .with_context(|| format!("opening {}", path.display()))?;
    runtime.block_on(store.backup(&args.to))?;
    eprintln!("copied {} to {}", path.display(), args.to.display());
    Ok(ExitCode::SUCCESS)
}
