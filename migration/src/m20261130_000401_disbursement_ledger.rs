//! The prize ledger: transfer references are unique per competition, a transfer keeps the
//! proof's file name as uploaded, and a transfer is voided by a reversal entry (with its
//! reason) instead of being edited or deleted. One reversal per transfer, enforced by a unique
//! index so two concurrent requests cannot both void it. References recorded twice before
//! this migration keep their first use; later repeats get a ` (duplikat n)` suffix so the
//! unique index can be built without losing any transfer.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Disbursement {
    Table,
    Id,
    CompetitionId,
    Reference,
    ProofName,
}

#[derive(DeriveIden)]
enum Disb {
    #[sea_orm(iden = "disbursement")]
    Table,
    Id,
    CompetitionId,
    Reference,
    RecordedAt,
}

/// Suffixes the second and later uses of a reference within a competition.
async fn mark_repeated_references(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = m.get_connection();
    let select = Query::select()
        .columns([Disb::Id, Disb::CompetitionId, Disb::Reference])
        .from(Disb::Table)
        .order_by(Disb::RecordedAt, Order::Asc)
        .order_by(Disb::Id, Order::Asc)
        .to_owned();
    let rows = db.query_all(&select).await?;
    let mut seen: std::collections::HashMap<
        (sea_orm_migration::sea_orm::prelude::Uuid, String),
        u32,
    > = std::collections::HashMap::new();
    for row in rows {
        let id: sea_orm_migration::sea_orm::prelude::Uuid = row.try_get("", "id")?;
        let competition: sea_orm_migration::sea_orm::prelude::Uuid =
            row.try_get("", "competition_id")?;
        let reference: String = row.try_get("", "reference")?;
        let n = seen.entry((competition, reference.clone())).or_insert(0);
        *n += 1;
        if *n > 1 {
            let update = Query::update()
                .table(Disb::Table)
                .value(Disb::Reference, format!("{reference} (duplikat {n})"))
                .and_where(Expr::col(Disb::Id).eq(id))
                .to_owned();
            db.execute(&update).await?;
        }
    }
    Ok(())
}

#[derive(DeriveIden)]
enum DisbursementReversal {
    Table,
    Id,
    CompetitionId,
    DisbursementId,
    Reason,
    RecordedBy,
    RecordedAt,
}

#[derive(DeriveIden)]
enum Competition {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Disbursement::Table)
                .add_column(ColumnDef::new(Disbursement::ProofName).text().null())
                .to_owned(),
        )
        .await?;
        mark_repeated_references(m).await?;
        m.create_index(
            Index::create()
                .name("ux_disbursement_reference")
                .table(Disbursement::Table)
                .col(Disbursement::CompetitionId)
                .col(Disbursement::Reference)
                .unique()
                .to_owned(),
        )
        .await?;
        use DisbursementReversal as R;
        m.create_table(
            Table::create()
                .table(R::Table)
                .col(ColumnDef::new(R::Id).uuid().not_null().primary_key())
                .col(ColumnDef::new(R::CompetitionId).uuid().not_null())
                .col(ColumnDef::new(R::DisbursementId).uuid().not_null())
                .col(ColumnDef::new(R::Reason).text().not_null())
                .col(ColumnDef::new(R::RecordedBy).uuid().null())
                .col(
                    ColumnDef::new(R::RecordedAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(R::Table, R::CompetitionId)
                        .to(Competition::Table, Competition::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(R::Table, R::DisbursementId)
                        .to(Disbursement::Table, Disbursement::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_disbursement_reversal_once")
                .table(R::Table)
                .col(R::DisbursementId)
                .unique()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(DisbursementReversal::Table).to_owned())
            .await?;
        m.drop_index(
            Index::drop()
                .name("ux_disbursement_reference")
                .table(Disbursement::Table)
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Disbursement::Table)
                .drop_column(Disbursement::ProofName)
                .to_owned(),
        )
        .await
    }
}
