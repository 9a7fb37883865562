//! Which devices saved a score sheet lately: one row per (sheet, device) with the time of its
//! last save through the offline sync, so a judge who opens a sheet that another of their
//! devices is editing is warned (`app::judging::sync`). The device id is a random id the
//! browser keeps; it proves nothing and grants nothing.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SheetDevice {
    Table,
    SheetId,
    DeviceId,
    SavedAt,
}

#[derive(DeriveIden)]
enum ScoreSheet {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use SheetDevice as D;
        m.create_table(
            Table::create()
                .table(D::Table)
                .col(ColumnDef::new(D::SheetId).uuid().not_null())
                .col(ColumnDef::new(D::DeviceId).string_len(64).not_null())
                .col(
                    ColumnDef::new(D::SavedAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .primary_key(Index::create().col(D::SheetId).col(D::DeviceId))
                .foreign_key(
                    ForeignKey::create()
                        .from(D::Table, D::SheetId)
                        .to(ScoreSheet::Table, ScoreSheet::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(SheetDevice::Table).to_owned())
            .await
    }
}
