//! Results: announced snapshots (immutable, versioned, hashed), the plenary minutes (*berita
//! acara*), appeals (*sanggahan*) and prize disbursements.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ResultSnapshot {
    Table,
    Id,
    CompetitionId,
    Version,
    Status,
    Inputs,
    Outputs,
    ContentHash,
    Reason,
    CreatedBy,
    CreatedAt,
    AnnouncedAt,
}

#[derive(DeriveIden)]
enum PlenaryMinutes {
    Table,
    Id,
    CompetitionId,
    HeldOn,
    Place,
    Members,
    Decision,
    RecordedBy,
    RecordedAt,
}

#[derive(DeriveIden)]
enum Appeal {
    Table,
    Id,
    CompetitionId,
    NominationId,
    SnapshotVersion,
    Body,
    AttachmentName,
    AttachmentStored,
    AttachmentType,
    AttachmentSize,
    AttachmentSha256,
    Status,
    Answer,
    AnsweredBy,
    AnsweredAt,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Disbursement {
    Table,
    Id,
    CompetitionId,
    NominationId,
    Kind,
    Amount,
    RecipientAccount,
    Reference,
    PaidOn,
    ProofStored,
    ProofType,
    ProofSha256,
    RecordedBy,
    RecordedAt,
}

#[derive(DeriveIden)]
enum Competition {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Nomination {
    Table,
    Id,
}

fn id(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col)
        .uuid()
        .not_null()
        .primary_key()
        .to_owned()
}

fn at(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col)
        .timestamp_with_time_zone()
        .not_null()
        .to_owned()
}

fn text(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col).text().not_null().default("").to_owned()
}

fn cascade(
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use ResultSnapshot as R;
        m.create_table(
            Table::create()
                .table(R::Table)
                .col(id(R::Id))
                .col(ColumnDef::new(R::CompetitionId).uuid().not_null())
                .col(ColumnDef::new(R::Version).integer().not_null())
                // `current` or `superseded` (by a correction).
                .col(ColumnDef::new(R::Status).string_len(16).not_null())
                // Canonical JSON of what the engine was given and what it returned.
                .col(ColumnDef::new(R::Inputs).text().not_null())
                .col(ColumnDef::new(R::Outputs).text().not_null())
                // SHA-256 (hex) over the inputs and outputs, shown on the public page.
                .col(ColumnDef::new(R::ContentHash).string_len(64).not_null())
                // Mandatory for a correction (version > 1).
                .col(text(R::Reason))
                .col(ColumnDef::new(R::CreatedBy).uuid().null())
                .col(at(R::CreatedAt))
                .col(at(R::AnnouncedAt))
                .foreign_key(&mut cascade(
                    (R::Table, R::CompetitionId),
                    (Competition::Table, Competition::Id),
                ))
                .index(
                    Index::create()
                        .name("uq_result_snapshot_version")
                        .unique()
                        .col(R::CompetitionId)
                        .col(R::Version),
                )
                .to_owned(),
        )
        .await?;

        use PlenaryMinutes as P;
        m.create_table(
            Table::create()
                .table(P::Table)
                .col(id(P::Id))
                .col(ColumnDef::new(P::CompetitionId).uuid().not_null())
                .col(ColumnDef::new(P::HeldOn).date().not_null())
                .col(text(P::Place))
                // One member per line: "name — role".
                .col(text(P::Members))
                .col(text(P::Decision))
                .col(ColumnDef::new(P::RecordedBy).uuid().null())
                .col(at(P::RecordedAt))
                .foreign_key(&mut cascade(
                    (P::Table, P::CompetitionId),
                    (Competition::Table, Competition::Id),
                ))
                .to_owned(),
        )
        .await?;

        use Appeal as A;
        m.create_table(
            Table::create()
                .table(A::Table)
                .col(id(A::Id))
                .col(ColumnDef::new(A::CompetitionId).uuid().not_null())
                .col(ColumnDef::new(A::NominationId).uuid().not_null())
                // The announced version the appeal is against.
                .col(ColumnDef::new(A::SnapshotVersion).integer().not_null())
                .col(text(A::Body))
                .col(ColumnDef::new(A::AttachmentName).text().null())
                .col(ColumnDef::new(A::AttachmentStored).text().null())
                .col(ColumnDef::new(A::AttachmentType).text().null())
                .col(ColumnDef::new(A::AttachmentSize).big_integer().null())
                .col(ColumnDef::new(A::AttachmentSha256).string_len(64).null())
                // `open`, `accepted` or `rejected`.
                .col(ColumnDef::new(A::Status).string_len(16).not_null())
                .col(text(A::Answer))
                .col(ColumnDef::new(A::AnsweredBy).uuid().null())
                .col(
                    ColumnDef::new(A::AnsweredAt)
                        .timestamp_with_time_zone()
                        .null(),
                )
                .col(ColumnDef::new(A::CreatedBy).uuid().null())
                .col(at(A::CreatedAt))
                .foreign_key(&mut cascade(
                    (A::Table, A::CompetitionId),
                    (Competition::Table, Competition::Id),
                ))
                .foreign_key(&mut cascade(
                    (A::Table, A::NominationId),
                    (Nomination::Table, Nomination::Id),
                ))
                // One appeal per village and competition.
                .index(
                    Index::create()
                        .name("uq_appeal_nomination")
                        .unique()
                        .col(A::CompetitionId)
                        .col(A::NominationId),
                )
                .to_owned(),
        )
        .await?;

        use Disbursement as D;
        m.create_table(
            Table::create()
                .table(D::Table)
                .col(id(D::Id))
                .col(ColumnDef::new(D::CompetitionId).uuid().not_null())
                .col(ColumnDef::new(D::NominationId).uuid().not_null())
                // `cash` or `assistance`.
                .col(ColumnDef::new(D::Kind).string_len(16).not_null())
                // Whole rupiah.
                .col(ColumnDef::new(D::Amount).big_integer().not_null())
                .col(text(D::RecipientAccount))
                .col(text(D::Reference))
                .col(ColumnDef::new(D::PaidOn).date().not_null())
                .col(ColumnDef::new(D::ProofStored).text().null())
                .col(ColumnDef::new(D::ProofType).text().null())
                .col(ColumnDef::new(D::ProofSha256).string_len(64).null())
                .col(ColumnDef::new(D::RecordedBy).uuid().null())
                .col(at(D::RecordedAt))
                .foreign_key(&mut cascade(
                    (D::Table, D::CompetitionId),
                    (Competition::Table, Competition::Id),
                ))
                .foreign_key(&mut cascade(
                    (D::Table, D::NominationId),
                    (Nomination::Table, Nomination::Id),
                ))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Disbursement::Table.into_iden(),
            Appeal::Table.into_iden(),
            PlenaryMinutes::Table.into_iden(),
            ResultSnapshot::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
