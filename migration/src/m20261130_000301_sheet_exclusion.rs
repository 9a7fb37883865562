//! A score sheet withdrawn by a conflict of interest is kept, not deleted: it is marked
//! excluded from results with the reason (and the conflict that excluded it, so removing the
//! conflict can restore it).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ScoreSheet {
    Table,
    ExcludedAt,
    ExcludedReason,
    ExcludedConflict,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let columns = [
            ColumnDef::new(ScoreSheet::ExcludedAt)
                .timestamp_with_time_zone()
                .null()
                .to_owned(),
            ColumnDef::new(ScoreSheet::ExcludedReason)
                .string()
                .not_null()
                .default("")
                .to_owned(),
            ColumnDef::new(ScoreSheet::ExcludedConflict)
                .uuid()
                .null()
                .to_owned(),
        ];
        // One column per statement: SQLite cannot add several in one ALTER TABLE.
        for mut col in columns {
            m.alter_table(
                Table::alter()
                    .table(ScoreSheet::Table)
                    .add_column(&mut col)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for col in [
            ScoreSheet::ExcludedConflict,
            ScoreSheet::ExcludedReason,
            ScoreSheet::ExcludedAt,
        ] {
            m.alter_table(
                Table::alter()
                    .table(ScoreSheet::Table)
                    .drop_column(col)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}
