//! Persistence: connecting, migrating, and one repository file per aggregate. Repository
//! functions are generic over `ConnectionTrait`, so they run on the pool or in a transaction.
//! No HTTP and no business rules here.

pub mod api_tokens;
pub mod audit;
pub mod competition_setup;
pub mod competitions;
pub mod documents;
pub mod judging;
pub mod meta;
pub mod nominations;
pub mod region_index;
pub mod regions;
pub mod results;
pub mod users;
pub mod villages;

use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbErr};
use std::time::Duration;

/// Arbitrary constant naming Juara's start-up advisory lock on PostgreSQL.
const STARTUP_LOCK_KEY: i64 = 0x004a_7561_7261; // "Juara"

/// Opens a connection pool. SQLite files are created on demand (`mode=rwc`).
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    let mut opts = ConnectOptions::new(url.to_owned());
    opts.sqlx_logging(false)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(10));
    if url.starts_with("sqlite:") {
        // One writer at a time anyway; a small pool avoids "database is locked" storms.
        opts.max_connections(8);
    } else {
        opts.max_connections(20);
    }
    Database::connect(opts).await
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

/// True when the database answers a trivial query.
pub async fn ping(db: &DatabaseConnection) -> bool {
    db.execute_unprepared("SELECT 1").await.is_ok()
}

/// True when the error is a unique-constraint violation (on either backend).
#[must_use]
pub fn is_unique_violation(err: &DbErr) -> bool {
    matches!(
        err.sql_err(),
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
    )
}
