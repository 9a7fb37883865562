//! The prize ledger is append-only in the database, not just in the code: a recorded transfer
//! (`disbursement`) and its reversal entry (`disbursement_reversal`) can never be changed or
//! deleted, whichever code path or console tries it. A mistaken transfer is voided by a
//! reversal entry with its reason (`app::results::disburse::void`), so what an auditor reads is
//! every rupiah ever recorded. A competition with payments therefore cannot be deleted either
//! (its rows would cascade).

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLES: [&str; 2] = ["disbursement", "disbursement_reversal"];
const MESSAGE: &str = "the prize ledger is append-only";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        if m.get_database_backend() == DatabaseBackend::Postgres {
            db.execute_unprepared(&format!(
                "CREATE OR REPLACE FUNCTION juara_ledger_append_only() RETURNS trigger AS $$ \
                 BEGIN RAISE EXCEPTION '{MESSAGE}'; END $$ LANGUAGE plpgsql"
            ))
            .await?;
            for table in TABLES {
                db.execute_unprepared(&format!(
                    "CREATE TRIGGER ledger_append_only_{table} BEFORE UPDATE OR DELETE \
                     ON {table} FOR EACH ROW EXECUTE FUNCTION juara_ledger_append_only()"
                ))
                .await?;
            }
        } else {
            for table in TABLES {
                for op in ["UPDATE", "DELETE"] {
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER ledger_append_only_{table}_{lower} BEFORE {op} \
                         ON {table} BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
                        lower = op.to_lowercase()
                    ))
                    .await?;
                }
            }
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        if m.get_database_backend() == DatabaseBackend::Postgres {
            for table in TABLES {
                db.execute_unprepared(&format!(
                    "DROP TRIGGER IF EXISTS ledger_append_only_{table} ON {table}"
                ))
                .await?;
            }
            db.execute_unprepared("DROP FUNCTION IF EXISTS juara_ledger_append_only()")
                .await?;
        } else {
            for table in TABLES {
                for op in ["update", "delete"] {
                    db.execute_unprepared(&format!(
                        "DROP TRIGGER IF EXISTS ledger_append_only_{table}_{op}"
                    ))
                    .await?;
                }
            }
        }
        Ok(())
    }
}
