//! The office letterhead (*kop surat*) every official document prints at its top: one row per
//! admin scope (`scope` is the region code of the office, the empty string for a national
//! committee), with the government and office name, address, contact line and an optional
//! logo (a stored upload). The plenary minutes gain the time the meeting opened (`HH:MM` in
//! the competition's zone), which the berita acara prints next to its date.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Letterhead {
    Table,
    Id,
    Scope,
    Government,
    Office,
    Address,
    Contact,
    LogoStored,
    LogoType,
    UpdatedBy,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum PlenaryMinutes {
    Table,
    HeldTime,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use Letterhead as L;
        m.create_table(
            Table::create()
                .table(L::Table)
                .col(ColumnDef::new(L::Id).uuid().not_null().primary_key())
                .col(ColumnDef::new(L::Scope).string().not_null().unique_key())
                .col(ColumnDef::new(L::Government).text().not_null())
                .col(ColumnDef::new(L::Office).text().not_null())
                .col(ColumnDef::new(L::Address).text().not_null())
                .col(ColumnDef::new(L::Contact).text().not_null())
                .col(ColumnDef::new(L::LogoStored).string().null())
                .col(ColumnDef::new(L::LogoType).string().null())
                .col(ColumnDef::new(L::UpdatedBy).uuid().null())
                .col(
                    ColumnDef::new(L::UpdatedAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(PlenaryMinutes::Table)
                .add_column(ColumnDef::new(PlenaryMinutes::HeldTime).string().null())
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(PlenaryMinutes::Table)
                .drop_column(PlenaryMinutes::HeldTime)
                .to_owned(),
        )
        .await?;
        m.drop_table(Table::drop().table(Letterhead::Table).to_owned())
            .await
    }
}
