//! A panel member's aspects as a join table instead of a comma-separated string: one row per
//! (panel member, top-level criterion), with foreign keys so a removed criterion or panel row
//! takes its aspect rows with it. Existing strings are split in Rust (the same on SQLite and
//! PostgreSQL; malformed or dangling ids are skipped, as the old reader did), then the column
//! is dropped.
//!
//! Like `panel_member` itself (m20261130_000101), the new rows are inputs of a published
//! result: while the owning competition is `announced` or `archived` the database refuses to
//! write them, with the same message, which the app maps to 409.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::prelude::Uuid;
use sea_orm_migration::sea_orm::{ConnectionTrait, DatabaseBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum PanelMemberAspect {
    Table,
    PanelMemberId,
    CriterionId,
}

#[derive(DeriveIden)]
enum PanelMember {
    Table,
    Id,
    AspectIds,
}

#[derive(DeriveIden)]
enum Criterion {
    Table,
    Id,
}

const MESSAGE: &str = "result inputs are locked after the announcement";

/// True (in SQLite) when the competition owning `row`'s panel member is published.
fn sqlite_locked(row: &str) -> String {
    format!(
        "COALESCE((SELECT c.status FROM competition c \
           JOIN stage g ON g.competition_id = c.id \
           JOIN panel_member p ON p.stage_id = g.id \
           WHERE p.id = {row}.panel_member_id) IN ('announced', 'archived'), 0)"
    )
}

const SQLITE_OPS: [&str; 3] = ["INSERT", "UPDATE", "DELETE"];

fn sqlite_trigger(op: &str) -> String {
    let when = match op {
        "INSERT" => sqlite_locked("NEW"),
        "DELETE" => sqlite_locked("OLD"),
        _ => format!("{} OR {}", sqlite_locked("OLD"), sqlite_locked("NEW")),
    };
    format!(
        "CREATE TRIGGER result_locked_panel_member_aspect_{name} BEFORE {op} \
         ON panel_member_aspect WHEN {when} BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
        name = op.to_lowercase()
    )
}

fn pg_function() -> String {
    format!(
        "CREATE OR REPLACE FUNCTION juara_result_locked_panel_aspect() RETURNS trigger AS $$ \
         DECLARE pid uuid; st text; \
         BEGIN \
           FOREACH pid IN ARRAY ARRAY[ \
             CASE WHEN TG_OP <> 'INSERT' THEN OLD.panel_member_id END, \
             CASE WHEN TG_OP <> 'DELETE' THEN NEW.panel_member_id END] LOOP \
             CONTINUE WHEN pid IS NULL; \
             SELECT c.status INTO st FROM competition c \
               JOIN stage g ON g.competition_id = c.id \
               JOIN panel_member p ON p.stage_id = g.id WHERE p.id = pid; \
             IF st IN ('announced', 'archived') THEN \
               RAISE EXCEPTION '{MESSAGE}'; \
             END IF; \
           END LOOP; \
           IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; \
           RETURN NEW; \
         END $$ LANGUAGE plpgsql"
    )
}

const PG_TRIGGER: &str = "CREATE TRIGGER result_locked_panel_member_aspect \
     BEFORE INSERT OR UPDATE OR DELETE ON panel_member_aspect \
     FOR EACH ROW EXECUTE FUNCTION juara_result_locked_panel_aspect()";

/// Moves every stored aspect list into the join table.
async fn copy_aspects(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = m.get_connection();
    let select = Query::select()
        .columns([PanelMember::Id, PanelMember::AspectIds])
        .from(PanelMember::Table)
        .to_owned();
    let criteria = Query::select()
        .column(Criterion::Id)
        .from(Criterion::Table)
        .to_owned();
    let known: Vec<Uuid> = db
        .query_all(&criteria)
        .await?
        .iter()
        .map(|r| r.try_get::<Uuid>("", "id"))
        .collect::<Result<_, _>>()?;
    for row in db.query_all(&select).await? {
        let id: Uuid = row.try_get("", "id")?;
        let list: String = row.try_get("", "aspect_ids")?;
        let mut ids: Vec<Uuid> = list
            .split(',')
            .filter_map(|s| Uuid::parse_str(s.trim()).ok())
            .filter(|c| known.contains(c))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        for criterion in ids {
            let insert = Query::insert()
                .into_table(PanelMemberAspect::Table)
                .columns([
                    PanelMemberAspect::PanelMemberId,
                    PanelMemberAspect::CriterionId,
                ])
                .values_panic([id.into(), criterion.into()])
                .to_owned();
            db.execute(&insert).await?;
        }
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use PanelMemberAspect as A;
        m.create_table(
            Table::create()
                .table(A::Table)
                .col(ColumnDef::new(A::PanelMemberId).uuid().not_null())
                .col(ColumnDef::new(A::CriterionId).uuid().not_null())
                .primary_key(Index::create().col(A::PanelMemberId).col(A::CriterionId))
                .foreign_key(
                    ForeignKey::create()
                        .from(A::Table, A::PanelMemberId)
                        .to(PanelMember::Table, PanelMember::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(A::Table, A::CriterionId)
                        .to(Criterion::Table, Criterion::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        // Copied before the lock triggers exist: published competitions keep their panels.
        copy_aspects(m).await?;
        let db = m.get_connection();
        match m.get_database_backend() {
            DatabaseBackend::Postgres => {
                db.execute_unprepared(&pg_function()).await?;
                db.execute_unprepared(PG_TRIGGER).await?;
            }
            _ => {
                for op in SQLITE_OPS {
                    db.execute_unprepared(&sqlite_trigger(op)).await?;
                }
            }
        }
        m.alter_table(
            Table::alter()
                .table(PanelMember::Table)
                .drop_column(PanelMember::AspectIds)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(PanelMember::Table)
                .add_column(
                    ColumnDef::new(PanelMember::AspectIds)
                        .text()
                        .not_null()
                        .default(""),
                )
                .to_owned(),
        )
        .await?;
        let db = m.get_connection();
        let backend = m.get_database_backend();
        // Back to comma-separated strings.
        use PanelMemberAspect as A;
        let select = Query::select()
            .columns([A::PanelMemberId, A::CriterionId])
            .from(A::Table)
            .to_owned();
        let mut lists: std::collections::BTreeMap<Uuid, Vec<String>> = Default::default();
        for row in db.query_all(&select).await? {
            let pid: Uuid = row.try_get("", "panel_member_id")?;
            let cid: Uuid = row.try_get("", "criterion_id")?;
            lists.entry(pid).or_default().push(cid.to_string());
        }
        for (pid, ids) in lists {
            let update = Query::update()
                .table(PanelMember::Table)
                .value(PanelMember::AspectIds, ids.join(","))
                .and_where(Expr::col(PanelMember::Id).eq(pid))
                .to_owned();
            db.execute(&update).await?;
        }
        match backend {
            DatabaseBackend::Postgres => {
                db.execute_unprepared(
                    "DROP TRIGGER IF EXISTS result_locked_panel_member_aspect \
                     ON panel_member_aspect",
                )
                .await?;
                db.execute_unprepared("DROP FUNCTION IF EXISTS juara_result_locked_panel_aspect()")
                    .await?;
            }
            _ => {
                for op in SQLITE_OPS {
                    db.execute_unprepared(&format!(
                        "DROP TRIGGER IF EXISTS result_locked_panel_member_aspect_{}",
                        op.to_lowercase()
                    ))
                    .await?;
                }
            }
        }
        m.drop_table(Table::drop().table(A::Table).to_owned()).await
    }
}
