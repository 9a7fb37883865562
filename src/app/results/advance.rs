//! The result side of advancing: a stage's shortlist moving on to the next stage while judging
//! (`shortlist`), which winners of an announced result go up a level (`winners`), and the
//! competitions they may go to (`targets`). Creating the entries above is the nomination
//! aggregate's work (`db::nominations::advance_into`).

use entity::competition;
use sea_orm::{DatabaseConnection, TransactionTrait};
use uuid::Uuid;

use super::{Error, describe_refusal};
use crate::app::nomination::advance_rule::is_directly_below;
use crate::db::audit::{self, NewEvent};
use crate::db::competitions::{self, Status};
use crate::db::results::inputs::nomination_of;
use crate::db::results::shortlist;
use crate::i18n;
use crate::identity::CurrentUser;
use crate::ids::NominationId;
use crate::results::{self, Published};

/// What a stage's shortlist advanced.
pub struct Advanced {
    pub entries: usize,
    pub sheets: usize,
}

/// Assigns the next stage's sheets to the entries `stage` shortlisted, while judging.
///
/// # Errors
/// `Conflict` outside judging, when results cannot be computed or `stage` is the last;
/// `NotFound` for an unknown stage; a database error.
pub async fn shortlist(
    db: &DatabaseConnection,
    c: &competition::Model,
    stage: &str,
    by: Uuid,
    lang: &str,
) -> Result<Advanced, Error> {
    let conflict = |key: &str| Error::Conflict(i18n::t(lang, key));
    if c.status != Status::Judging {
        return Err(conflict("res-err-status"));
    }
    let computed = results::compute(db, c)
        .await?
        .map_err(|r| Error::Conflict(describe_refusal(&r, lang).join("; ")))?;
    let stages = &computed.setup.data.stages;
    let index = stages
        .iter()
        .position(|s| s.fields.code == stage)
        .ok_or(Error::NotFound)?;
    let next = stages
        .get(index + 1)
        .and_then(|s| s.id)
        .ok_or_else(|| conflict("res-err-last-stage"))?;
    let report = computed
        .published
        .result
        .stages
        .get(index)
        .ok_or_else(|| conflict("res-err-last-stage"))?;
    let entries: Vec<Uuid> = report.advanced.iter().map(|e| nomination_of(*e)).collect();
    let txn = db.begin().await?;
    let done = shortlist::assign_next_stage(&txn, next, &entries, by).await?;
    audit::record(
        &txn,
        NewEvent {
            competition_id: Some(c.id),
            actor_id: Some(by),
            action: "results.shortlist_advanced".into(),
            details: format!(
                "{stage}: {} entries, {} sheets",
                entries.len(),
                done.created
            ),
            ..Default::default()
        },
    )
    .await?;
    txn.commit().await?;
    Ok(Advanced {
        entries: entries.len(),
        sheets: done.created,
    })
}

/// The prize winners ranked `top` or better (the rule in `advance_into` refuses anyone else
/// anyway).
#[must_use]
pub fn winners(published: &Published, top: u32) -> Vec<NominationId> {
    published
        .winners()
        .filter(|l| l.eliminated_at.is_none() && l.rank <= top)
        .map(|l| NominationId::from(l.nomination_id))
        .collect()
}

/// Competitions exactly one level up, same category, whose region holds this one's, still
/// taking entries (not announced or archived), in the admin's scope: (id, "name (year)").
///
/// # Errors
/// A database error.
pub async fn targets(
    db: &DatabaseConnection,
    c: &competition::Model,
    admin: &CurrentUser,
) -> Result<Vec<(String, String)>, Error> {
    Ok(competitions::list_for_admin(db, admin)
        .await?
        .into_iter()
        .filter(|t| is_directly_below(c, t))
        .filter(|t| !super::frozen::is_published(t))
        .map(|t| {
            (
                t.id.to_string(),
                crate::i18n::with_year(&t.name, i64::from(t.year)),
            )
        })
        .collect())
}
