//! Published rules with versions (*aturan lomba*): opening a competition publishes its rules
//! as version 1, and every later change that moves them makes the next version, with its
//! reason, who and when (`app::competition::published`). The rules are stored whole, as
//! JSON of `juara_domain::rules::RuleBook`, with their SHA-256; what changed between two
//! versions is computed from the two books. A result snapshot names the version it was
//! computed under.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum RulesVersion {
    Table,
    Id,
    CompetitionId,
    Number,
    Book,
    Hash,
    Reason,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Competition {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ResultSnapshot {
    Table,
    RulesVersion,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use RulesVersion as R;
        m.create_table(
            Table::create()
                .table(R::Table)
                .col(ColumnDef::new(R::Id).uuid().not_null().primary_key())
                .col(ColumnDef::new(R::CompetitionId).uuid().not_null())
                .col(ColumnDef::new(R::Number).integer().not_null())
                .col(ColumnDef::new(R::Book).text().not_null())
                .col(ColumnDef::new(R::Hash).string_len(64).not_null())
                .col(ColumnDef::new(R::Reason).text().not_null().default(""))
                .col(ColumnDef::new(R::CreatedBy).uuid().null())
                .col(
                    ColumnDef::new(R::CreatedAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(R::Table, R::CompetitionId)
                        .to(Competition::Table, Competition::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        // Two saves racing for the same next number: one fails instead of both landing.
        m.create_index(
            Index::create()
                .name("ux_rules_version_number")
                .table(R::Table)
                .col(R::CompetitionId)
                .col(R::Number)
                .unique()
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(ResultSnapshot::Table)
                .add_column(
                    ColumnDef::new(ResultSnapshot::RulesVersion)
                        .integer()
                        .null(),
                )
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(ResultSnapshot::Table)
                .drop_column(ResultSnapshot::RulesVersion)
                .to_owned(),
        )
        .await?;
        m.drop_table(Table::drop().table(RulesVersion::Table).to_owned())
            .await
    }
}
