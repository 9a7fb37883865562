//! Which hash a results snapshot carries: 1 = SHA-256 over the stored inputs and outputs (the
//! first versions), 2 = SHA-256 over the published verification file, which also covers the
//! version and the correction's reason. Existing rows keep scheme 1.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ResultSnapshot {
    Table,
    HashScheme,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(ResultSnapshot::Table)
                    .add_column(
                        ColumnDef::new(ResultSnapshot::HashScheme)
                            .integer()
                            .not_null()
                            .default(1),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(ResultSnapshot::Table)
                    .drop_column(ResultSnapshot::HashScheme)
                    .to_owned(),
            )
            .await
    }
}
