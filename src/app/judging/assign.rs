//! Assigning judges to entries: automatically through the domain's balanced, conflict-free,
//! seeded algorithm, or one by one; and taking back an untouched assignment.

use std::collections::BTreeMap;

use entity::{nomination, score_sheet, stage};
use juara_domain::assignment::{self, AssignEntry, AssignError, AssignJudge};
use juara_domain::{EntryId, JudgeId};
use sea_orm::{ConnectionTrait, DbErr, TransactionSession, TransactionTrait};
use uuid::Uuid;

use crate::db::audit::{self, NewEvent};
use crate::db::judging::assign as rows;
use crate::db::judging::{SheetStatus, conflicts, panels, regions_of};

/// Why an assignment was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The stage has no panel.
    NoPanel,
    /// The engine found no valid assignment.
    Impossible(AssignError),
    /// Judges already started scoring this stage: automatic assignment would discard work.
    AlreadyStarted,
    /// The judge is in conflict with the entry.
    Conflict,
    /// The judge already has this entry.
    Duplicate,
    /// The sheet has been worked on and cannot be taken away.
    InUse,
}

impl Refusal {
    /// The translation key of the message.
    #[must_use]
    pub fn message_key(&self) -> &'static str {
        match self {
            Refusal::NoPanel => "jdg-assign-no-panel",
            Refusal::Impossible(AssignError::TooFewEligible { .. }) => "jdg-assign-too-few",
            Refusal::Impossible(AssignError::CannotBalance) => "jdg-assign-unbalanced",
            Refusal::Impossible(AssignError::NoJudgesPerEntry) => "jdg-assign-zero",
            Refusal::AlreadyStarted => "jdg-assign-started",
            Refusal::Conflict => "jdg-assign-conflict",
            Refusal::Duplicate => "jdg-assign-duplicate",
            Refusal::InUse => "jdg-assign-in-use",
        }
    }
}

/// Assigns the whole stage with `seed`, replacing untouched assignments: per sub-panel (judges
/// sharing the same aspects), every entry gets `judges_per_entry` of its judges. Refused once
/// any sheet of the stage has been saved. Returns how many sheets were created.
pub async fn auto_assign<C: TransactionTrait + ConnectionTrait>(
    db: &C,
    s: &stage::Model,
    seed: u64,
    actor: Uuid,
) -> Result<Result<usize, Refusal>, DbErr> {
    let panel = panels::list(db, s.id).await?;
    if panel.is_empty() {
        return Ok(Err(Refusal::NoPanel));
    }
    let existing = rows::sheets_of_stage(db, s.id).await?;
    if existing.iter().any(|x| x.status != SheetStatus::Assigned) {
        return Ok(Err(Refusal::AlreadyStarted));
    }
    let noms = rows::entries(db, s.competition_id).await?;
    // Partial panels: judges with the same aspects form a sub-panel (e.g. the health office
    // scoring the health aspect), and every entry gets `judges_per_entry` judges from each.
    let mut groups: BTreeMap<Vec<Uuid>, Vec<AssignJudge>> = BTreeMap::new();
    for p in &panel {
        groups
            .entry(p.aspects.clone())
            .or_default()
            .push(AssignJudge {
                id: JudgeId(p.row.judge_id.as_u128()),
                conflicts: conflicts::codes_of(db, p.row.judge_id).await?,
            });
    }
    // Conflict codes are regions; an entry carries the codes of every region around it.
    let entries: Vec<AssignEntry> = noms
        .iter()
        .map(|n| AssignEntry {
            id: EntryId(n.id.as_u128()),
            regions: regions_of(&n.village_code),
        })
        .collect();
    let per_entry = usize::try_from(s.judges_per_entry).unwrap_or(0);
    let mut result = Vec::new();
    for judges in groups.values() {
        match assignment::assign(&entries, judges, per_entry, seed) {
            Ok(r) => result.extend(r),
            Err(e) => return Ok(Err(Refusal::Impossible(e))),
        }
    }
    let txn = db.begin().await?;
    rows::delete_untouched(&txn, s.id).await?;
    for a in &result {
        let ids = (s.id, Uuid::from_u128(a.entry.0), Uuid::from_u128(a.judge.0));
        rows::insert_sheet(&txn, ids, actor).await?;
    }
    audit::record(
        &txn,
        NewEvent {
            competition_id: Some(s.competition_id),
            actor_id: Some(actor),
            action: "judging.auto_assigned".into(),
            details: format!(
                "stage {}: {} sheets, {} judges per entry, seed {seed}",
                s.code,
                result.len(),
                s.judges_per_entry
            ),
            ..Default::default()
        },
    )
    .await?;
    txn.commit().await?;
    Ok(Ok(result.len()))
}

/// Assigns one judge to one entry, refusing a conflict or a duplicate.
pub async fn assign_one<C: ConnectionTrait>(
    db: &C,
    s: &stage::Model,
    n: &nomination::Model,
    judge_id: Uuid,
    actor: Uuid,
) -> Result<Result<score_sheet::Model, Refusal>, DbErr> {
    if conflicts::in_conflict(db, judge_id, &n.village_code).await? {
        return Ok(Err(Refusal::Conflict));
    }
    match rows::insert_sheet(db, (s.id, n.id, judge_id), actor).await {
        Ok(m) => Ok(Ok(m)),
        Err(e) if crate::db::is_unique_violation(&e) => Ok(Err(Refusal::Duplicate)),
        Err(e) => Err(e),
    }
}

/// Removes an assignment nobody has worked on yet.
pub async fn unassign<C: ConnectionTrait>(
    db: &C,
    stage_id: Uuid,
    sheet_id: Uuid,
) -> Result<Result<(), Refusal>, DbErr> {
    Ok(
        if rows::delete_if_untouched(db, stage_id, sheet_id).await? {
            Ok(())
        } else {
            Err(Refusal::InUse)
        },
    )
}
