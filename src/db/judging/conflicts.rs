//! Conflicts of interest. A judge is in conflict with every village inside a declared region
//! and inside their home region (`user.region_code`); such entries are never assigned to,
//! shown to, or scored by them. Declaring one withdraws sheets already given; both declaring
//! and removing are recorded in the audit trail.

use chrono::Utc;
use entity::{competition, judge_conflict, nomination, score_sheet, sheet_photo, user};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set, TransactionSession, TransactionTrait,
};
use uuid::Uuid;

use crate::db::audit::{self, NewEvent};
use crate::registry::Level;

/// Declared conflicts of a judge, by region code.
pub async fn list_for_judge<C: ConnectionTrait>(
    db: &C,
    judge_id: Uuid,
) -> Result<Vec<judge_conflict::Model>, DbErr> {
    judge_conflict::Entity::find()
        .filter(judge_conflict::Column::JudgeId.eq(judge_id))
        .order_by_asc(judge_conflict::Column::RegionCode)
        .all(db)
        .await
}

/// Every judge's declared conflicts.
pub async fn list_all<C: ConnectionTrait>(db: &C) -> Result<Vec<judge_conflict::Model>, DbErr> {
    judge_conflict::Entity::find()
        .order_by_asc(judge_conflict::Column::JudgeId)
        .order_by_asc(judge_conflict::Column::RegionCode)
        .all(db)
        .await
}

/// What declaring a conflict did.
#[derive(Clone, Debug)]
pub struct Declared {
    pub conflict: judge_conflict::Model,
    /// Sheets of the judge inside the region that were withdrawn (any status), in
    /// competitions not yet announced; their entries need another judge.
    pub withdrawn: usize,
    /// Stored names of the withdrawn sheets' photos, for the caller to delete from disk
    /// once the transaction has committed.
    pub photo_files: Vec<String>,
}

/// Records a conflict (a unique violation when it already exists) and, in the same
/// transaction, withdraws the judge's sheets for villages inside the region in competitions
/// not yet announced, so a conflicted score never counts. Each affected competition's audit
/// trail names the villages; announced results stay as published.
pub async fn declare<C: TransactionTrait + ConnectionTrait>(
    db: &C,
    judge_id: Uuid,
    region_code: &str,
    reason: &str,
    declared_by: Uuid,
) -> Result<Declared, DbErr> {
    let txn = db.begin().await?;
    let conflict = judge_conflict::ActiveModel {
        id: Set(Uuid::new_v4()),
        judge_id: Set(judge_id),
        region_code: Set(region_code.to_owned()),
        reason: Set(reason.to_owned()),
        declared_by: Set(Some(declared_by)),
        created_at: Set(Utc::now().fixed_offset()),
    }
    .insert(&txn)
    .await?;
    let affected = sheets_inside(&txn, judge_id, region_code).await?;
    let withdrawn = affected.iter().map(|(_, sheets)| sheets.len()).sum();
    let sheet_ids = affected
        .iter()
        .flat_map(|(_, l)| l.iter().map(|(s, _)| s.id));
    let photo_files = sheet_photo::Entity::find()
        .filter(sheet_photo::Column::SheetId.is_in(sheet_ids))
        .all(&txn)
        .await?
        .into_iter()
        .map(|p| p.stored_name)
        .collect();
    for (competition_id, sheets) in &affected {
        score_sheet::Entity::delete_many()
            .filter(score_sheet::Column::Id.is_in(sheets.iter().map(|(s, _)| s.id)))
            .exec(&txn)
            .await?;
        let list: Vec<String> = sheets
            .iter()
            .map(|(s, village)| format!("{village} ({})", s.status))
            .collect();
        audit::record(
            &txn,
            NewEvent {
                competition_id: Some(*competition_id),
                actor_id: Some(declared_by),
                action: "judging.conflict_declared".into(),
                reason: reason.to_owned(),
                details: format!(
                    "judge {judge_id}, region {region_code}: sheets withdrawn for {}",
                    list.join(", ")
                ),
                ..Default::default()
            },
        )
        .await?;
    }
    if affected.is_empty() {
        audit::record(
            &txn,
            NewEvent {
                actor_id: Some(declared_by),
                action: "judging.conflict_declared".into(),
                reason: reason.to_owned(),
                details: format!("judge {judge_id}, region {region_code}"),
                ..Default::default()
            },
        )
        .await?;
    }
    txn.commit().await?;
    Ok(Declared {
        conflict,
        withdrawn,
        photo_files,
    })
}

/// The judge's sheets for villages inside `region_code`, by competition, in competitions whose
/// scores are still open (not announced or archived), each with its village code.
async fn sheets_inside<C: ConnectionTrait>(
    db: &C,
    judge_id: Uuid,
    region_code: &str,
) -> Result<Vec<(Uuid, Vec<(score_sheet::Model, String)>)>, DbErr> {
    let sheets = score_sheet::Entity::find()
        .filter(score_sheet::Column::JudgeId.eq(judge_id))
        .all(db)
        .await?;
    if sheets.is_empty() {
        return Ok(Vec::new());
    }
    let noms = nomination::Entity::find()
        .filter(nomination::Column::Id.is_in(sheets.iter().map(|s| s.nomination_id)))
        .all(db)
        .await?;
    let open: Vec<Uuid> = competition::Entity::find()
        .filter(competition::Column::Id.is_in(noms.iter().map(|n| n.competition_id)))
        .filter(competition::Column::Status.is_not_in(["announced", "archived"]))
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.id)
        .collect();
    let mut out: Vec<(Uuid, Vec<(score_sheet::Model, String)>)> = Vec::new();
    for sheet in sheets {
        let Some(n) = noms.iter().find(|n| n.id == sheet.nomination_id) else {
            continue;
        };
        if !open.contains(&n.competition_id) || !Level::contains(region_code, &n.village_code) {
            continue;
        }
        let row = (sheet, n.village_code.clone());
        match out.iter_mut().find(|(c, _)| *c == n.competition_id) {
            Some((_, list)) => list.push(row),
            None => out.push((n.competition_id, vec![row])),
        }
    }
    Ok(out)
}

/// Removes one conflict of a judge, with an audit event; false when there was none.
pub async fn remove<C: TransactionTrait + ConnectionTrait>(
    db: &C,
    judge_id: Uuid,
    id: Uuid,
    actor: Uuid,
) -> Result<bool, DbErr> {
    let txn = db.begin().await?;
    let Some(row) = judge_conflict::Entity::find_by_id(id)
        .filter(judge_conflict::Column::JudgeId.eq(judge_id))
        .one(&txn)
        .await?
    else {
        return Ok(false);
    };
    judge_conflict::Entity::delete_by_id(row.id)
        .exec(&txn)
        .await?;
    audit::record(
        &txn,
        NewEvent {
            actor_id: Some(actor),
            action: "judging.conflict_removed".into(),
            details: format!("judge {judge_id}, region {}", row.region_code),
            ..Default::default()
        },
    )
    .await?;
    txn.commit().await?;
    Ok(true)
}

/// All region codes a judge is in conflict with: declared ones plus the home region.
pub async fn codes_of<C: ConnectionTrait>(db: &C, judge_id: Uuid) -> Result<Vec<String>, DbErr> {
    let mut codes: Vec<String> = list_for_judge(db, judge_id)
        .await?
        .into_iter()
        .map(|c| c.region_code)
        .collect();
    if let Some(home) = user::Entity::find_by_id(judge_id)
        .one(db)
        .await?
        .and_then(|u| u.region_code)
    {
        codes.push(home);
    }
    Ok(codes)
}

/// Whether any of `codes` contains the village.
#[must_use]
pub fn covers(codes: &[String], village_code: &str) -> bool {
    codes.iter().any(|c| Level::contains(c, village_code))
}

/// Whether the judge is in conflict with the village.
pub async fn in_conflict<C: ConnectionTrait>(
    db: &C,
    judge_id: Uuid,
    village_code: &str,
) -> Result<bool, DbErr> {
    Ok(covers(&codes_of(db, judge_id).await?, village_code))
}
