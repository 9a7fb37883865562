//! Level descriptors (*rubrik*) on a leaf criterion: what each value of its scale means, as
//! JSON `[{"value": <ten-thousandths>, "text": "…"}, …]` in value order
//! (`juara_domain::criteria::levels`). Kept on the row because they are part of the leaf's
//! definition: they are edited, copied by templates and clones, and frozen with it.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Criterion {
    Table,
    Levels,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Criterion::Table)
                .add_column(
                    ColumnDef::new(Criterion::Levels)
                        .text()
                        .not_null()
                        .default("[]"),
                )
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Criterion::Table)
                .drop_column(Criterion::Levels)
                .to_owned(),
        )
        .await
    }
}
