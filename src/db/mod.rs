//! Persistence: connecting, migrating, and one repository file per aggregate. Repository
//! functions are generic over `ConnectionTrait`, so they run on the pool or in a transaction.
//! No HTTP and no business rules here.

pub mod api_tokens;
pub mod audit;
pub mod competition_setup;
pub mod competitions;
pub mod documents;
pub mod judging;
pub mod letterheads;
pub mod meta;
pub mod nominations;
pub mod region_index;
pub mod regions;
pub mod registry_load;
pub mod results;
pub mod rules;
pub mod scores;
pub mod sessions;
pub mod users;
pub mod villages;

use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbErr};
use std::time::Duration;

/// Arbitrary constant naming Juara's start-up advisory lock on PostgreSQL.
const STARTUP_LOCK_KEY: i64 = 0x004a_7561_7261; // "Juara"

/// How long a request waits for a pooled connection (or a new one) before the app answers
/// 503: a database outage must be reported within seconds, not hang every request.
pub const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(2);
/// PostgreSQL cancels any statement running longer than this (a stuck lock, a runaway query),
/// so a request cannot hold a connection indefinitely.
const STATEMENT_TIMEOUT: &str = "30s";

/// Opens a connection pool. SQLite files are created on demand (`mode=rwc`).
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    let mut opts = ConnectOptions::new(url.to_owned());
    opts.sqlx_logging(false)
        .connect_timeout(ACQUIRE_TIMEOUT)
        .acquire_timeout(ACQUIRE_TIMEOUT);
    if url.starts_with("sqlite:") {
        // One writer at a time anyway; a small pool avoids "database is locked" storms.
        opts.max_connections(8);
    } else {
        opts.max_connections(20)
            .map_sqlx_postgres_opts(|pg| pg.options([("statement_timeout", STATEMENT_TIMEOUT)]));
    }
    Database::connect(opts).await
}

/// True when the error means the database could not be reached or did not answer in time
/// (the request should get 503), rather than that the statement itself failed.
#[must_use]
pub fn is_unavailable(err: &DbErr) -> bool {
    use sea_orm::{RuntimeErr, sqlx};
    let sqlx_err = match err {
        DbErr::ConnectionAcquire(_) => return true,
        DbErr::Conn(RuntimeErr::SqlxError(e))
        | DbErr::Exec(RuntimeErr::SqlxError(e))
        | DbErr::Query(RuntimeErr::SqlxError(e)) => e,
        DbErr::Conn(_) => return true,
        _ => return false,
    };
    match sqlx_err.as_ref() {
        sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::Protocol(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed => true,
        // Connection exceptions (08…), shutdown (57P0…) and the statement timeout (57014).
        sqlx::Error::Database(db) => db
            .code()
            .is_some_and(|c| c.starts_with("08") || c.starts_with("57P") || c == "57014"),
        _ => false,
    }
}

/// Runs `work` while holding the start-up lock, so that several instances starting against one
/// PostgreSQL migrate and seed one at a time. SQLite serializes writers by itself.
pub async fn with_startup_lock<F, Fut, T, E>(url: &str, work: F) -> Result<T, E>
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = Result<T, E>>,
    E: From<DbErr>,
{
    if !url.starts_with("postgres") {
        return work().await;
    }
    // A dedicated single connection holds the session-level lock while the pool does the work.
    let mut opts = ConnectOptions::new(url.to_owned());
    opts.sqlx_logging(false)
        .max_connections(1)
        .min_connections(1);
    let lock = Database::connect(opts).await?;
    let sql = format!("SELECT pg_advisory_lock({STARTUP_LOCK_KEY})");
    lock.execute_unprepared(&sql).await?;
    let result = work().await;
    let unlock = format!("SELECT pg_advisory_unlock({STARTUP_LOCK_KEY})");
    lock.execute_unprepared(&unlock).await?;
    lock.close().await?;
    result
}

/// Applies every pending migration.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    Migrator::up(db, None).await
}

/// True when the database answers a trivial query within `limit`.
pub async fn ping(db: &DatabaseConnection, limit: Duration) -> bool {
    matches!(
        rocket::tokio::time::timeout(limit, db.execute_unprepared("SELECT 1")).await,
        Ok(Ok(_))
    )
}

/// True when the error is a unique-constraint violation (on either backend).
#[must_use]
pub fn is_unique_violation(err: &DbErr) -> bool {
    matches!(
        err.sql_err(),
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
    )
}

/// What the result-lock triggers (migrations `…000007`, `…000101`) say when they refuse a
/// write to an input of an announced result.
const LOCK_TRIGGER_MARK: &str = "locked after the announcement";

/// True when a database error is a result-lock trigger refusing a write.
#[must_use]
pub fn is_lock_violation(e: &DbErr) -> bool {
    e.to_string().contains(LOCK_TRIGGER_MARK)
}
