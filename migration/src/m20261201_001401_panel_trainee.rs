//! Trainee judges (*juri magang*): a panel member who is assigned and scores like the others,
//! is shown to the committee, and is never counted in results (`db::results::inputs` leaves
//! their sheets and scope out; the assignment draw gives counted judges only).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum PanelMember {
    Table,
    Trainee,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(PanelMember::Table)
                .add_column(
                    ColumnDef::new(PanelMember::Trainee)
                        .boolean()
                        .not_null()
                        .default(false),
                )
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(PanelMember::Table)
                .drop_column(PanelMember::Trainee)
                .to_owned(),
        )
        .await
    }
}
