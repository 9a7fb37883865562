//! Judging: declared conflicts of interest, stage panels (optionally limited to some aspects),
//! score sheets (one per judge, entry and stage, created when the judge is assigned), the
//! scores on them, field-verification photos, the drawn presentation order, and a stage's
//! closing.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum JudgeConflict {
    Table,
    Id,
    JudgeId,
    RegionCode,
    Reason,
    DeclaredBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum PanelMember {
    Table,
    Id,
    StageId,
    JudgeId,
    AspectIds,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ScoreSheet {
    Table,
    Id,
    StageId,
    NominationId,
    JudgeId,
    Status,
    Version,
    VisitDate,
    VisitNotes,
    ReopenReason,
    SubmittedAt,
    AssignedBy,
    AssignedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Score {
    Table,
    Id,
    SheetId,
    CriterionId,
    Value,
    NotApplicable,
    Comment,
}

#[derive(DeriveIden)]
enum SheetPhoto {
    Table,
    Id,
    SheetId,
    Label,
    StoredName,
    ContentType,
    SizeBytes,
    Sha256,
    UploadedAt,
}

#[derive(DeriveIden)]
enum PresentationSlot {
    Table,
    Id,
    StageId,
    NominationId,
    Position,
    StartsAt,
}

#[derive(DeriveIden)]
enum Stage {
    Table,
    Id,
    ClosedAt,
    CloseNote,
    DrawSeed,
    DrawnAt,
}

#[derive(DeriveIden)]
enum Nomination {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Criterion {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum User {
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
        use JudgeConflict as J;
        m.create_table(
            Table::create()
                .table(J::Table)
                .col(id(J::Id))
                .col(ColumnDef::new(J::JudgeId).uuid().not_null())
                // A village, kecamatan, kabupaten or province code: everything inside it.
                .col(ColumnDef::new(J::RegionCode).string_len(13).not_null())
                .col(ColumnDef::new(J::Reason).text().not_null().default(""))
                .col(ColumnDef::new(J::DeclaredBy).uuid().null())
                .col(at(J::CreatedAt))
                .foreign_key(&mut cascade(
                    (J::Table, J::JudgeId),
                    (User::Table, User::Id),
                ))
                .index(
                    Index::create()
                        .name("uq_judge_conflict")
                        .unique()
                        .col(J::JudgeId)
                        .col(J::RegionCode),
                )
                .to_owned(),
        )
        .await?;

        use PanelMember as P;
        m.create_table(
            Table::create()
                .table(P::Table)
                .col(id(P::Id))
                .col(ColumnDef::new(P::StageId).uuid().not_null())
                .col(ColumnDef::new(P::JudgeId).uuid().not_null())
                // Comma-separated ids of the top-level aspects this judge scores; empty = all.
                .col(ColumnDef::new(P::AspectIds).text().not_null().default(""))
                .col(at(P::CreatedAt))
                .foreign_key(&mut cascade(
                    (P::Table, P::StageId),
                    (Stage::Table, Stage::Id),
                ))
                .foreign_key(&mut cascade(
                    (P::Table, P::JudgeId),
                    (User::Table, User::Id),
                ))
                .index(
                    Index::create()
                        .name("uq_panel_member")
                        .unique()
                        .col(P::StageId)
                        .col(P::JudgeId),
                )
                .to_owned(),
        )
        .await?;

        use ScoreSheet as S;
        m.create_table(
            Table::create()
                .table(S::Table)
                .col(id(S::Id))
                .col(ColumnDef::new(S::StageId).uuid().not_null())
                .col(ColumnDef::new(S::NominationId).uuid().not_null())
                .col(ColumnDef::new(S::JudgeId).uuid().not_null())
                // `assigned`, `draft` or `submitted`.
                .col(ColumnDef::new(S::Status).string_len(16).not_null())
                .col(ColumnDef::new(S::Version).integer().not_null().default(0))
                .col(ColumnDef::new(S::VisitDate).date().null())
                .col(ColumnDef::new(S::VisitNotes).text().not_null().default(""))
                .col(
                    ColumnDef::new(S::ReopenReason)
                        .text()
                        .not_null()
                        .default(""),
                )
                .col(
                    ColumnDef::new(S::SubmittedAt)
                        .timestamp_with_time_zone()
                        .null(),
                )
                .col(ColumnDef::new(S::AssignedBy).uuid().null())
                .col(at(S::AssignedAt))
                .col(at(S::UpdatedAt))
                .foreign_key(&mut cascade(
                    (S::Table, S::StageId),
                    (Stage::Table, Stage::Id),
                ))
                .foreign_key(&mut cascade(
                    (S::Table, S::NominationId),
                    (Nomination::Table, Nomination::Id),
                ))
                .foreign_key(&mut cascade(
                    (S::Table, S::JudgeId),
                    (User::Table, User::Id),
                ))
                .index(
                    Index::create()
                        .name("uq_score_sheet")
                        .unique()
                        .col(S::StageId)
                        .col(S::NominationId)
                        .col(S::JudgeId),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_score_sheet_judge")
                .table(S::Table)
                .col(S::JudgeId)
                .col(S::StageId)
                .to_owned(),
        )
        .await?;

        use Score as V;
        m.create_table(
            Table::create()
                .table(V::Table)
                .col(id(V::Id))
                .col(ColumnDef::new(V::SheetId).uuid().not_null())
                .col(ColumnDef::new(V::CriterionId).uuid().not_null())
                // Ten-thousandths of a point; null with `not_applicable` or while unanswered.
                .col(ColumnDef::new(V::Value).big_integer().null())
                .col(
                    ColumnDef::new(V::NotApplicable)
                        .boolean()
                        .not_null()
                        .default(false),
                )
                .col(ColumnDef::new(V::Comment).text().not_null().default(""))
                .foreign_key(&mut cascade(
                    (V::Table, V::SheetId),
                    (ScoreSheet::Table, ScoreSheet::Id),
                ))
                .foreign_key(&mut cascade(
                    (V::Table, V::CriterionId),
                    (Criterion::Table, Criterion::Id),
                ))
                .index(
                    Index::create()
                        .name("uq_score")
                        .unique()
                        .col(V::SheetId)
                        .col(V::CriterionId),
                )
                .to_owned(),
        )
        .await?;

        use SheetPhoto as F;
        m.create_table(
            Table::create()
                .table(F::Table)
                .col(id(F::Id))
                .col(ColumnDef::new(F::SheetId).uuid().not_null())
                .col(ColumnDef::new(F::Label).string_len(255).not_null())
                .col(ColumnDef::new(F::StoredName).string_len(80).not_null())
                .col(ColumnDef::new(F::ContentType).string_len(64).not_null())
                .col(ColumnDef::new(F::SizeBytes).big_integer().not_null())
                .col(ColumnDef::new(F::Sha256).string_len(64).not_null())
                .col(at(F::UploadedAt))
                .foreign_key(&mut cascade(
                    (F::Table, F::SheetId),
                    (ScoreSheet::Table, ScoreSheet::Id),
                ))
                .to_owned(),
        )
        .await?;

        use PresentationSlot as L;
        m.create_table(
            Table::create()
                .table(L::Table)
                .col(id(L::Id))
                .col(ColumnDef::new(L::StageId).uuid().not_null())
                .col(ColumnDef::new(L::NominationId).uuid().not_null())
                .col(ColumnDef::new(L::Position).integer().not_null())
                .col(
                    ColumnDef::new(L::StartsAt)
                        .timestamp_with_time_zone()
                        .null(),
                )
                .foreign_key(&mut cascade(
                    (L::Table, L::StageId),
                    (Stage::Table, Stage::Id),
                ))
                .foreign_key(&mut cascade(
                    (L::Table, L::NominationId),
                    (Nomination::Table, Nomination::Id),
                ))
                .index(
                    Index::create()
                        .name("uq_presentation_position")
                        .unique()
                        .col(L::StageId)
                        .col(L::Position),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("uq_presentation_entry")
                .table(L::Table)
                .unique()
                .col(L::StageId)
                .col(L::NominationId)
                .to_owned(),
        )
        .await?;

        // One column per statement: SQLite adds a single column per ALTER TABLE.
        let columns = [
            ColumnDef::new(Stage::ClosedAt)
                .timestamp_with_time_zone()
                .null()
                .to_owned(),
            ColumnDef::new(Stage::CloseNote)
                .text()
                .not_null()
                .default("")
                .to_owned(),
            ColumnDef::new(Stage::DrawSeed)
                .big_integer()
                .null()
                .to_owned(),
            ColumnDef::new(Stage::DrawnAt)
                .timestamp_with_time_zone()
                .null()
                .to_owned(),
        ];
        for mut col in columns {
            m.alter_table(
                Table::alter()
                    .table(Stage::Table)
                    .add_column(&mut col)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            PresentationSlot::Table.into_iden(),
            SheetPhoto::Table.into_iden(),
            Score::Table.into_iden(),
            ScoreSheet::Table.into_iden(),
            PanelMember::Table.into_iden(),
            JudgeConflict::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        for col in [
            Stage::DrawnAt,
            Stage::DrawSeed,
            Stage::CloseNote,
            Stage::ClosedAt,
        ] {
            m.alter_table(
                Table::alter()
                    .table(Stage::Table)
                    .drop_column(col)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}
