//! Results: announced snapshots (immutable, versioned, hashed), the plenary minutes (*berita
//! acara*), appeals (*sanggahan*) and prize disbursements. A trigger on `score` refuses any
//! change while the competition is announced or archived, whichever code path tries it; a
//! correction moves the competition back to `review` inside its own transaction to apply its
//! score changes, so nobody ever sees an announced competition with changed scores.

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

/// The status of the competition owning a score sheet (`NULL` once it is being deleted).
const STATUS_OF_SHEET: &str = "SELECT c.status FROM score_sheet s \
     JOIN stage g ON g.id = s.stage_id JOIN competition c ON c.id = g.competition_id \
     WHERE s.id = ";

fn sqlite_lock_trigger(op: &str) -> String {
    let row = if op == "DELETE" { "OLD" } else { "NEW" };
    format!(
        "CREATE TRIGGER score_locked_{lower} BEFORE {op} ON score \
         WHEN ({STATUS_OF_SHEET}{row}.sheet_id) IN ('announced', 'archived') \
         BEGIN SELECT RAISE(ABORT, 'scores are locked after the announcement'); END",
        lower = op.to_lowercase()
    )
}

const PG_LOCK_FUNCTION: &str = "CREATE OR REPLACE FUNCTION juara_score_locked() \
     RETURNS trigger AS $$ \
     DECLARE sid uuid; st text; \
     BEGIN \
       IF TG_OP = 'DELETE' THEN sid := OLD.sheet_id; ELSE sid := NEW.sheet_id; END IF; \
       SELECT c.status INTO st FROM score_sheet s \
         JOIN stage g ON g.id = s.stage_id JOIN competition c ON c.id = g.competition_id \
         WHERE s.id = sid; \
       IF st IN ('announced', 'archived') THEN \
         RAISE EXCEPTION 'scores are locked after the announcement'; \
       END IF; \
       IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; \
       RETURN NEW; \
     END $$ LANGUAGE plpgsql";

const PG_LOCK_TRIGGER: &str = "CREATE TRIGGER score_locked BEFORE INSERT OR UPDATE OR DELETE \
     ON score FOR EACH ROW EXECUTE FUNCTION juara_score_locked()";

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
        let db = m.get_connection();
        match m.get_database_backend() {
            sea_orm::DatabaseBackend::Postgres => {
                db.execute_unprepared(PG_LOCK_FUNCTION).await?;
                db.execute_unprepared(PG_LOCK_TRIGGER).await?;
            }
            _ => {
                for op in ["INSERT", "UPDATE", "DELETE"] {
                    db.execute_unprepared(&sqlite_lock_trigger(op)).await?;
                }
            }
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        match m.get_database_backend() {
            sea_orm::DatabaseBackend::Postgres => {
                db.execute_unprepared("DROP TRIGGER IF EXISTS score_locked ON score")
                    .await?;
                db.execute_unprepared("DROP FUNCTION IF EXISTS juara_score_locked()")
                    .await?;
            }
            _ => {
                for op in ["insert", "update", "delete"] {
                    db.execute_unprepared(&format!("DROP TRIGGER IF EXISTS score_locked_{op}"))
                        .await?;
                }
            }
        }
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
