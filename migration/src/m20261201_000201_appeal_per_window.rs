//! One appeal per appeal window instead of one per competition: a correction that changes a
//! village's standing opens a fresh window for it (`app::results::window`), so the village may
//! appeal again against the corrected version. The unique index moves from (competition,
//! nomination) to (competition, nomination, version appealed); existing rows already satisfy it.
//!
//! The old rule was created inline with the table, so it is a table constraint: PostgreSQL
//! drops it with `ALTER TABLE … DROP CONSTRAINT`; SQLite cannot drop a constraint, so the table
//! is rebuilt from its own stored definition without it (nothing references `appeal`).

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DatabaseBackend, Statement};

const OLD_SQLITE: &str =
    r#"CONSTRAINT "uq_appeal_nomination" UNIQUE ("competition_id", "nomination_id"), "#;

async fn drop_old_rule(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    match db.get_database_backend() {
        DatabaseBackend::Sqlite => {
            let row = db
                .query_one_raw(Statement::from_string(
                    DatabaseBackend::Sqlite,
                    "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'appeal'",
                ))
                .await?
                .ok_or_else(|| DbErr::Migration("no appeal table".into()))?;
            let sql: String = row.try_get("", "sql")?;
            if !sql.contains(OLD_SQLITE) {
                return Err(DbErr::Migration(format!("unexpected appeal table: {sql}")));
            }
            let rebuilt =
                sql.replace(OLD_SQLITE, "")
                    .replacen(r#""appeal""#, r#""appeal_rebuilt""#, 1);
            // One batch, so every step runs on the same pooled connection.
            let batch = format!(
                "{rebuilt}; INSERT INTO appeal_rebuilt SELECT * FROM appeal; DROP TABLE appeal; \
                 ALTER TABLE appeal_rebuilt RENAME TO appeal;"
            );
            db.execute_unprepared(&batch).await?;
            Ok(())
        }
        _ => {
            db.execute_unprepared("ALTER TABLE appeal DROP CONSTRAINT uq_appeal_nomination")
                .await?;
            Ok(())
        }
    }
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Appeal {
    Table,
    CompetitionId,
    NominationId,
    SnapshotVersion,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_old_rule(manager).await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_appeal_nomination_version")
                    .table(Appeal::Table)
                    .unique()
                    .col(Appeal::CompetitionId)
                    .col(Appeal::NominationId)
                    .col(Appeal::SnapshotVersion)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("uq_appeal_nomination_version")
                    .table(Appeal::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_appeal_nomination")
                    .table(Appeal::Table)
                    .unique()
                    .col(Appeal::CompetitionId)
                    .col(Appeal::NominationId)
                    .to_owned(),
            )
            .await
    }
}
