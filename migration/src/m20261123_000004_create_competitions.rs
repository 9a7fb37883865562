//! Competitions and their set-up: stages, the criteria tree per stage, the document checklist
//! and the prize table. Scores are fixed-point integers (ten-thousandths of a point) and money
//! whole rupiah, both BIGINT, so SQLite and PostgreSQL agree to the unit.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Competition {
    Table,
    Id,
    Name,
    Year,
    Level,
    RegionCode,
    Category,
    Status,
    Description,
    NominationOpensAt,
    NominationClosesAt,
    JudgingClosesAt,
    AnnouncementAt,
    EligibleStatuses,
    RequireDefinitiveHead,
    MaxEntries,
    TieBreaks,
    TiePolicy,
    MinimumScore,
    CashBudget,
    AssistanceBudget,
    AppealsEnabled,
    AppealDays,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Stage {
    Table,
    Id,
    CompetitionId,
    Position,
    Code,
    Name,
    Kind,
    Weight,
    Aggregation,
    TrimK,
    Quorum,
    Shortlist,
    PassThreshold,
    Normalize,
    MinEntriesPerJudge,
    JudgesPerEntry,
}

#[derive(DeriveIden)]
enum Criterion {
    Table,
    Id,
    StageId,
    ParentId,
    Code,
    Name,
    Guidance,
    Weight,
    Position,
    ScaleMin,
    ScaleMax,
    ScaleStep,
    Optional,
    RequiresEvidence,
}

#[derive(DeriveIden)]
enum DocumentRequirement {
    Table,
    Id,
    CompetitionId,
    Position,
    Code,
    Label,
    Description,
    Kind,
    Required,
}

#[derive(DeriveIden)]
enum PrizeTier {
    Table,
    Id,
    CompetitionId,
    Rank,
    Label,
    Cash,
    Assistance,
    Trophy,
    Certificate,
}

fn id(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col)
        .uuid()
        .not_null()
        .primary_key()
        .to_owned()
}

fn belongs_to(
    table: impl IntoIden,
    col: impl IntoIden,
    parent: impl IntoIden,
    parent_col: impl IntoIden,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from_tbl(table)
        .from_col(col)
        .to_tbl(parent)
        .to_col(parent_col)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use Competition as C;
        m.create_table(
            Table::create()
                .table(C::Table)
                .col(id(C::Id))
                .col(ColumnDef::new(C::Name).string_len(200).not_null())
                .col(ColumnDef::new(C::Year).integer().not_null())
                .col(ColumnDef::new(C::Level).string_len(16).not_null())
                .col(ColumnDef::new(C::RegionCode).string_len(13).null())
                .col(ColumnDef::new(C::Category).string_len(16).not_null())
                .col(ColumnDef::new(C::Status).string_len(16).not_null())
                .col(ColumnDef::new(C::Description).text().not_null().default(""))
                .col(
                    ColumnDef::new(C::NominationOpensAt)
                        .timestamp_with_time_zone()
                        .null(),
                )
                .col(
                    ColumnDef::new(C::NominationClosesAt)
                        .timestamp_with_time_zone()
                        .null(),
                )
                .col(
                    ColumnDef::new(C::JudgingClosesAt)
                        .timestamp_with_time_zone()
                        .null(),
                )
                .col(
                    ColumnDef::new(C::AnnouncementAt)
                        .timestamp_with_time_zone()
                        .null(),
                )
                .col(
                    ColumnDef::new(C::EligibleStatuses)
                        .string_len(200)
                        .not_null()
                        .default(""),
                )
                .col(
                    ColumnDef::new(C::RequireDefinitiveHead)
                        .boolean()
                        .not_null()
                        .default(false),
                )
                .col(ColumnDef::new(C::MaxEntries).integer().null())
                .col(ColumnDef::new(C::TieBreaks).text().not_null().default("[]"))
                .col(
                    ColumnDef::new(C::TiePolicy)
                        .string_len(16)
                        .not_null()
                        .default("split"),
                )
                .col(ColumnDef::new(C::MinimumScore).big_integer().null())
                .col(ColumnDef::new(C::CashBudget).big_integer().null())
                .col(ColumnDef::new(C::AssistanceBudget).big_integer().null())
                .col(
                    ColumnDef::new(C::AppealsEnabled)
                        .boolean()
                        .not_null()
                        .default(false),
                )
                .col(
                    ColumnDef::new(C::AppealDays)
                        .integer()
                        .not_null()
                        .default(0),
                )
                .col(ColumnDef::new(C::CreatedBy).uuid().null())
                .col(
                    ColumnDef::new(C::CreatedAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(C::UpdatedAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_competition_status_region")
                .table(C::Table)
                .col(C::Status)
                .col(C::RegionCode)
                .to_owned(),
        )
        .await?;

        use Stage as S;
        m.create_table(
            Table::create()
                .table(S::Table)
                .col(id(S::Id))
                .col(ColumnDef::new(S::CompetitionId).uuid().not_null())
                .col(ColumnDef::new(S::Position).integer().not_null())
                .col(ColumnDef::new(S::Code).string_len(32).not_null())
                .col(ColumnDef::new(S::Name).string_len(120).not_null())
                .col(ColumnDef::new(S::Kind).string_len(16).not_null())
                .col(ColumnDef::new(S::Weight).integer().not_null())
                .col(ColumnDef::new(S::Aggregation).string_len(16).not_null())
                .col(ColumnDef::new(S::TrimK).integer().not_null().default(0))
                .col(ColumnDef::new(S::Quorum).integer().not_null().default(1))
                .col(ColumnDef::new(S::Shortlist).integer().null())
                .col(ColumnDef::new(S::PassThreshold).big_integer().null())
                .col(
                    ColumnDef::new(S::Normalize)
                        .boolean()
                        .not_null()
                        .default(false),
                )
                .col(
                    ColumnDef::new(S::MinEntriesPerJudge)
                        .integer()
                        .not_null()
                        .default(5),
                )
                .col(
                    ColumnDef::new(S::JudgesPerEntry)
                        .integer()
                        .not_null()
                        .default(3),
                )
                .foreign_key(&mut belongs_to(S::Table, S::CompetitionId, C::Table, C::Id))
                .index(
                    Index::create()
                        .name("uq_stage_code")
                        .unique()
                        .col(S::CompetitionId)
                        .col(S::Code),
                )
                .to_owned(),
        )
        .await?;

        use Criterion as K;
        m.create_table(
            Table::create()
                .table(K::Table)
                .col(id(K::Id))
                .col(ColumnDef::new(K::StageId).uuid().not_null())
                .col(ColumnDef::new(K::ParentId).uuid().null())
                .col(ColumnDef::new(K::Code).string_len(32).not_null())
                .col(ColumnDef::new(K::Name).string_len(200).not_null())
                .col(ColumnDef::new(K::Guidance).text().not_null().default(""))
                .col(ColumnDef::new(K::Weight).integer().not_null())
                .col(ColumnDef::new(K::Position).integer().not_null())
                .col(ColumnDef::new(K::ScaleMin).big_integer().null())
                .col(ColumnDef::new(K::ScaleMax).big_integer().null())
                .col(ColumnDef::new(K::ScaleStep).big_integer().null())
                .col(
                    ColumnDef::new(K::Optional)
                        .boolean()
                        .not_null()
                        .default(false),
                )
                .col(
                    ColumnDef::new(K::RequiresEvidence)
                        .boolean()
                        .not_null()
                        .default(false),
                )
                .foreign_key(&mut belongs_to(K::Table, K::StageId, S::Table, S::Id))
                .foreign_key(&mut belongs_to(K::Table, K::ParentId, K::Table, K::Id))
                .index(
                    Index::create()
                        .name("uq_criterion_code")
                        .unique()
                        .col(K::StageId)
                        .col(K::Code),
                )
                .to_owned(),
        )
        .await?;

        use DocumentRequirement as D;
        m.create_table(
            Table::create()
                .table(D::Table)
                .col(id(D::Id))
                .col(ColumnDef::new(D::CompetitionId).uuid().not_null())
                .col(ColumnDef::new(D::Position).integer().not_null())
                .col(ColumnDef::new(D::Code).string_len(32).not_null())
                .col(ColumnDef::new(D::Label).string_len(200).not_null())
                .col(ColumnDef::new(D::Description).text().not_null().default(""))
                .col(ColumnDef::new(D::Kind).string_len(8).not_null())
                .col(
                    ColumnDef::new(D::Required)
                        .boolean()
                        .not_null()
                        .default(true),
                )
                .foreign_key(&mut belongs_to(D::Table, D::CompetitionId, C::Table, C::Id))
                .index(
                    Index::create()
                        .name("uq_document_requirement_code")
                        .unique()
                        .col(D::CompetitionId)
                        .col(D::Code),
                )
                .to_owned(),
        )
        .await?;

        use PrizeTier as P;
        m.create_table(
            Table::create()
                .table(P::Table)
                .col(id(P::Id))
                .col(ColumnDef::new(P::CompetitionId).uuid().not_null())
                .col(ColumnDef::new(P::Rank).integer().not_null())
                .col(ColumnDef::new(P::Label).string_len(60).not_null())
                .col(ColumnDef::new(P::Cash).big_integer().not_null().default(0))
                .col(
                    ColumnDef::new(P::Assistance)
                        .big_integer()
                        .not_null()
                        .default(0),
                )
                .col(
                    ColumnDef::new(P::Trophy)
                        .boolean()
                        .not_null()
                        .default(false),
                )
                .col(
                    ColumnDef::new(P::Certificate)
                        .boolean()
                        .not_null()
                        .default(true),
                )
                .foreign_key(&mut belongs_to(P::Table, P::CompetitionId, C::Table, C::Id))
                .index(
                    Index::create()
                        .name("uq_prize_tier_rank")
                        .unique()
                        .col(P::CompetitionId)
                        .col(P::Rank),
                )
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            PrizeTier::Table.into_iden(),
            DocumentRequirement::Table.into_iden(),
            Criterion::Table.into_iden(),
            Stage::Table.into_iden(),
            Competition::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
