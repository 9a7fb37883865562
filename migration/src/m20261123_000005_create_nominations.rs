//! Nominations (one per village per competition, enforced by a unique index), their evidence
//! documents, and the audit trail of decisions (reviews, rule changes, status transitions).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Nomination {
    Table,
    Id,
    CompetitionId,
    VillageCode,
    Status,
    Origin,
    SourceCompetitionId,
    HeadName,
    HeadIsActing,
    DevelopmentStatus,
    Population,
    Households,
    ContactName,
    ContactPhone,
    ContactEmail,
    Achievements,
    Description,
    SubmittedAt,
    ReviewedAt,
    ReviewedBy,
    ReviewNote,
    WithdrawnAt,
    Version,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum NominationDocument {
    Table,
    Id,
    NominationId,
    RequirementId,
    CriterionId,
    Kind,
    Label,
    Url,
    StoredName,
    ContentType,
    SizeBytes,
    Sha256,
    UploadedBy,
    UploadedAt,
}

#[derive(DeriveIden)]
enum AuditEvent {
    Table,
    Id,
    CompetitionId,
    NominationId,
    ActorId,
    Action,
    Reason,
    Details,
    At,
}

#[derive(DeriveIden)]
enum ApiToken {
    Table,
    Id,
    UserId,
    Name,
    Prefix,
    TokenHash,
    CreatedAt,
    LastUsedAt,
    RevokedAt,
}

#[derive(DeriveIden)]
enum Competition {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Village {
    Table,
    Code,
}

#[derive(DeriveIden)]
enum User {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use Nomination as N;
        m.create_table(
            Table::create()
                .table(N::Table)
                .col(ColumnDef::new(N::Id).uuid().not_null().primary_key())
                .col(ColumnDef::new(N::CompetitionId).uuid().not_null())
                .col(ColumnDef::new(N::VillageCode).string_len(13).not_null())
                .col(ColumnDef::new(N::Status).string_len(16).not_null())
                .col(
                    ColumnDef::new(N::Origin)
                        .string_len(16)
                        .not_null()
                        .default("self"),
                )
                .col(ColumnDef::new(N::SourceCompetitionId).uuid().null())
                .col(
                    ColumnDef::new(N::HeadName)
                        .string_len(120)
                        .not_null()
                        .default(""),
                )
                .col(
                    ColumnDef::new(N::HeadIsActing)
                        .boolean()
                        .not_null()
                        .default(false),
                )
                .col(
                    ColumnDef::new(N::DevelopmentStatus)
                        .string_len(24)
                        .not_null()
                        .default(""),
                )
                .col(ColumnDef::new(N::Population).integer().null())
                .col(ColumnDef::new(N::Households).integer().null())
                .col(
                    ColumnDef::new(N::ContactName)
                        .string_len(120)
                        .not_null()
                        .default(""),
                )
                .col(
                    ColumnDef::new(N::ContactPhone)
                        .string_len(32)
                        .not_null()
                        .default(""),
                )
                .col(
                    ColumnDef::new(N::ContactEmail)
                        .string_len(120)
                        .not_null()
                        .default(""),
                )
                .col(
                    ColumnDef::new(N::Achievements)
                        .text()
                        .not_null()
                        .default(""),
                )
                .col(ColumnDef::new(N::Description).text().not_null().default(""))
                .col(
                    ColumnDef::new(N::SubmittedAt)
                        .timestamp_with_time_zone()
                        .null(),
                )
                .col(
                    ColumnDef::new(N::ReviewedAt)
                        .timestamp_with_time_zone()
                        .null(),
                )
                .col(ColumnDef::new(N::ReviewedBy).uuid().null())
                .col(ColumnDef::new(N::ReviewNote).text().not_null().default(""))
                .col(
                    ColumnDef::new(N::WithdrawnAt)
                        .timestamp_with_time_zone()
                        .null(),
                )
                .col(ColumnDef::new(N::Version).integer().not_null().default(0))
                .col(ColumnDef::new(N::CreatedBy).uuid().null())
                .col(
                    ColumnDef::new(N::CreatedAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(N::UpdatedAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(N::Table, N::CompetitionId)
                        .to(Competition::Table, Competition::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(N::Table, N::VillageCode)
                        .to(Village::Table, Village::Code),
                )
                .index(
                    Index::create()
                        .name("uq_nomination_village")
                        .unique()
                        .col(N::CompetitionId)
                        .col(N::VillageCode),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_nomination_competition_status")
                .table(N::Table)
                .col(N::CompetitionId)
                .col(N::Status)
                .to_owned(),
        )
        .await?;

        use NominationDocument as D;
        m.create_table(
            Table::create()
                .table(D::Table)
                .col(ColumnDef::new(D::Id).uuid().not_null().primary_key())
                .col(ColumnDef::new(D::NominationId).uuid().not_null())
                .col(ColumnDef::new(D::RequirementId).uuid().null())
                .col(ColumnDef::new(D::CriterionId).uuid().null())
                .col(ColumnDef::new(D::Kind).string_len(8).not_null())
                .col(ColumnDef::new(D::Label).string_len(255).not_null())
                .col(ColumnDef::new(D::Url).text().null())
                .col(ColumnDef::new(D::StoredName).string_len(80).null())
                .col(ColumnDef::new(D::ContentType).string_len(64).null())
                .col(ColumnDef::new(D::SizeBytes).big_integer().null())
                .col(ColumnDef::new(D::Sha256).string_len(64).null())
                .col(ColumnDef::new(D::UploadedBy).uuid().null())
                .col(
                    ColumnDef::new(D::UploadedAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(D::Table, D::NominationId)
                        .to(N::Table, N::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_nomination_document_nomination")
                .table(D::Table)
                .col(D::NominationId)
                .to_owned(),
        )
        .await?;

        use AuditEvent as A;
        m.create_table(
            Table::create()
                .table(A::Table)
                .col(
                    ColumnDef::new(A::Id)
                        .big_integer()
                        .not_null()
                        .auto_increment()
                        .primary_key(),
                )
                .col(ColumnDef::new(A::CompetitionId).uuid().null())
                .col(ColumnDef::new(A::NominationId).uuid().null())
                .col(ColumnDef::new(A::ActorId).uuid().null())
                .col(ColumnDef::new(A::Action).string_len(64).not_null())
                .col(ColumnDef::new(A::Reason).text().not_null().default(""))
                .col(ColumnDef::new(A::Details).text().not_null().default(""))
                .col(ColumnDef::new(A::At).timestamp_with_time_zone().not_null())
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_audit_event_competition")
                .table(A::Table)
                .col(A::CompetitionId)
                .col(A::At)
                .to_owned(),
        )
        .await?;

        use ApiToken as T;
        m.create_table(
            Table::create()
                .table(T::Table)
                .col(ColumnDef::new(T::Id).uuid().not_null().primary_key())
                .col(ColumnDef::new(T::UserId).uuid().not_null())
                .col(ColumnDef::new(T::Name).string_len(100).not_null())
                .col(ColumnDef::new(T::Prefix).string_len(16).not_null())
                .col(
                    ColumnDef::new(T::TokenHash)
                        .string_len(64)
                        .not_null()
                        .unique_key(),
                )
                .col(
                    ColumnDef::new(T::CreatedAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(T::LastUsedAt)
                        .timestamp_with_time_zone()
                        .null(),
                )
                .col(
                    ColumnDef::new(T::RevokedAt)
                        .timestamp_with_time_zone()
                        .null(),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(T::Table, T::UserId)
                        .to(User::Table, User::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            ApiToken::Table.into_iden(),
            AuditEvent::Table.into_iden(),
            NominationDocument::Table.into_iden(),
            Nomination::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
