//! Extends the score lock to every other input of a published result: score sheets (their
//! status decides what counts), panels, presentation slots, stages and criteria, prize tiers,
//! plenary minutes and the status of entries. While the owning competition is `announced` or
//! `archived` the database refuses the write, whichever code path tries it. A correction gets
//! through the same way as for scores: it moves the competition back to `review` inside its
//! own transaction, so nobody ever sees an announced competition with changed inputs.
//!
//! The message carries "locked after the announcement"; the app maps it to 409.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// How a row names its competition: directly, or through its stage.
#[derive(Clone, Copy)]
enum Owner {
    Competition,
    Stage,
}

impl Owner {
    fn column(self) -> &'static str {
        match self {
            Owner::Competition => "competition_id",
            Owner::Stage => "stage_id",
        }
    }
}

/// (table, owner, operations). Entries stay insertable (an advanced village may be entered
/// into a competition later on); their status and existence are locked.
const LOCKED: [(&str, Owner, &[&str]); 8] = [
    ("score_sheet", Owner::Stage, &["INSERT", "UPDATE", "DELETE"]),
    (
        "panel_member",
        Owner::Stage,
        &["INSERT", "UPDATE", "DELETE"],
    ),
    (
        "presentation_slot",
        Owner::Stage,
        &["INSERT", "UPDATE", "DELETE"],
    ),
    ("criterion", Owner::Stage, &["INSERT", "UPDATE", "DELETE"]),
    ("stage", Owner::Competition, &["INSERT", "UPDATE", "DELETE"]),
    (
        "prize_tier",
        Owner::Competition,
        &["INSERT", "UPDATE", "DELETE"],
    ),
    (
        "plenary_minutes",
        Owner::Competition,
        &["INSERT", "UPDATE", "DELETE"],
    ),
    (
        "nomination",
        Owner::Competition,
        &["UPDATE OF status", "DELETE"],
    ),
];

const MESSAGE: &str = "result inputs are locked after the announcement";

fn trigger_name(table: &str, op: &str) -> String {
    let op = op.split_whitespace().next().unwrap_or(op).to_lowercase();
    format!("result_locked_{table}_{op}")
}

/// True (in SQL) when `row`'s competition is published.
fn sqlite_locked(owner: Owner, row: &str) -> String {
    let competition = match owner {
        Owner::Competition => format!("{row}.competition_id"),
        Owner::Stage => {
            format!("(SELECT g.competition_id FROM stage g WHERE g.id = {row}.stage_id)")
        }
    };
    format!(
        "COALESCE((SELECT c.status FROM competition c WHERE c.id = {competition}) \
         IN ('announced', 'archived'), 0)"
    )
}

fn sqlite_trigger(table: &str, owner: Owner, op: &str) -> String {
    let when = if op == "INSERT" {
        sqlite_locked(owner, "NEW")
    } else if op == "DELETE" {
        sqlite_locked(owner, "OLD")
    } else {
        format!(
            "{} OR {}",
            sqlite_locked(owner, "OLD"),
            sqlite_locked(owner, "NEW")
        )
    };
    format!(
        "CREATE TRIGGER {name} BEFORE {op} ON {table} WHEN {when} \
         BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
        name = trigger_name(table, op)
    )
}

/// One function for every table: the trigger argument names the owner column.
fn pg_function() -> String {
    format!(
        "CREATE OR REPLACE FUNCTION juara_result_locked() RETURNS trigger AS $$ \
         DECLARE rows jsonb[] := ARRAY[]::jsonb[]; j jsonb; cid uuid; st text; \
         BEGIN \
           IF TG_OP <> 'INSERT' THEN rows := rows || to_jsonb(OLD); END IF; \
           IF TG_OP <> 'DELETE' THEN rows := rows || to_jsonb(NEW); END IF; \
           FOREACH j IN ARRAY rows LOOP \
             IF TG_ARGV[0] = 'stage_id' THEN \
               SELECT g.competition_id INTO cid FROM stage g \
                 WHERE g.id = (j->>'stage_id')::uuid; \
             ELSE \
               cid := (j->>'competition_id')::uuid; \
             END IF; \
             SELECT c.status INTO st FROM competition c WHERE c.id = cid; \
             IF st IN ('announced', 'archived') THEN \
               RAISE EXCEPTION '{MESSAGE}'; \
             END IF; \
           END LOOP; \
           IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; \
           RETURN NEW; \
         END $$ LANGUAGE plpgsql"
    )
}

fn pg_trigger(table: &str, owner: Owner, ops: &[&str]) -> String {
    format!(
        "CREATE TRIGGER result_locked_{table} BEFORE {ops} ON {table} \
         FOR EACH ROW EXECUTE FUNCTION juara_result_locked('{column}')",
        ops = ops.join(" OR "),
        column = owner.column()
    )
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        match m.get_database_backend() {
            sea_orm::DatabaseBackend::Postgres => {
                db.execute_unprepared(&pg_function()).await?;
                for (table, owner, ops) in LOCKED {
                    db.execute_unprepared(&pg_trigger(table, owner, ops))
                        .await?;
                }
            }
            _ => {
                for (table, owner, ops) in LOCKED {
                    for op in ops {
                        db.execute_unprepared(&sqlite_trigger(table, owner, op))
                            .await?;
                    }
                }
            }
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        match m.get_database_backend() {
            sea_orm::DatabaseBackend::Postgres => {
                for (table, _, _) in LOCKED {
                    db.execute_unprepared(&format!(
                        "DROP TRIGGER IF EXISTS result_locked_{table} ON {table}"
                    ))
                    .await?;
                }
                db.execute_unprepared("DROP FUNCTION IF EXISTS juara_result_locked()")
                    .await?;
            }
            _ => {
                for (table, _, ops) in LOCKED {
                    for op in ops {
                        db.execute_unprepared(&format!(
                            "DROP TRIGGER IF EXISTS {}",
                            trigger_name(table, op)
                        ))
                        .await?;
                    }
                }
            }
        }
        Ok(())
    }
}
