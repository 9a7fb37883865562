//! Conflicts of interest. A judge is in conflict with every village inside a declared region
//! and inside their home region (`user.region_code`); such entries are never assigned to,
//! shown to, or scored by them. Declaring one excludes sheets already given from results
//! (kept, with the reason); removing it counts them again. Both are in the audit trail, and a
//! regional admin acts only inside their region.

use chrono::Utc;
use entity::{competition, judge_conflict, nomination, score_sheet, user};
use sea_orm::prelude::DateTimeWithTimeZone;
use sea_orm::sea_query::Expr;
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
    /// Sheets of the judge inside the region that were excluded from results (any status),
    /// in competitions not yet announced; their entries need another judge.
    pub withdrawn: usize,
}

/// Why a declaration or removal was refused before anything was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The region, or a competition whose sheets it would touch, lies outside the admin's
    /// scope.
    OutOfScope,
}

/// Whose scope limits a declaration or removal: `None` for the judge themselves or a
/// national admin, `Some(region)` for a regional admin.
pub type Scope<'a> = Option<&'a str>;

/// True when `competition` lies inside the admin scope (a national competition is in no
/// regional admin's scope).
fn competition_in(scope: Scope<'_>, c: &competition::Model) -> bool {
    match (scope, c.region_code.as_deref()) {
        (None, _) => true,
        (Some(s), Some(code)) => Level::contains(s, code),
        (Some(_), None) => false,
    }
}

/// Records a conflict (a unique violation when it already exists) and, in the same
/// transaction, excludes from results the judge's sheets for villages inside the region in
/// competitions not yet announced, so a conflicted score never counts. The sheets and their
/// scores are kept, marked with the reason, and each affected competition's audit trail names
/// the villages; announced results stay as published. A regional admin may only declare a
/// region inside their scope and only touch competitions inside it.
pub async fn declare<C: TransactionTrait + ConnectionTrait>(
    db: &C,
    (judge_id, region_code): (Uuid, &str),
    reason: &str,
    declared_by: Uuid,
    scope: Scope<'_>,
) -> Result<Result<Declared, Refusal>, DbErr> {
    if scope.is_some_and(|s| !Level::contains(s, region_code)) {
        return Ok(Err(Refusal::OutOfScope));
    }
    let txn = db.begin().await?;
    let affected = sheets_inside(&txn, judge_id, region_code).await?;
    if affected.iter().any(|(c, _)| !competition_in(scope, c)) {
        return Ok(Err(Refusal::OutOfScope));
    }
    let now = Utc::now().fixed_offset();
    let conflict = judge_conflict::ActiveModel {
        id: Set(Uuid::new_v4()),
        judge_id: Set(judge_id),
        region_code: Set(region_code.to_owned()),
        reason: Set(reason.to_owned()),
        declared_by: Set(Some(declared_by)),
        created_at: Set(now),
    }
    .insert(&txn)
    .await?;
    let withdrawn = affected.iter().map(|(_, sheets)| sheets.len()).sum();
    let why = format!("Konflik kepentingan ({region_code}): {reason}");
    for (c, sheets) in &affected {
        score_sheet::Entity::update_many()
            .col_expr(score_sheet::Column::ExcludedAt, Expr::value(now))
            .col_expr(
                score_sheet::Column::ExcludedReason,
                Expr::value(why.clone()),
            )
            .col_expr(
                score_sheet::Column::ExcludedConflict,
                Expr::value(conflict.id),
            )
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
                competition_id: Some(c.id),
                actor_id: Some(declared_by),
                action: "judging.conflict_declared".into(),
                reason: reason.to_owned(),
                details: format!(
                    "judge {judge_id}, region {region_code}: sheets excluded from results \
                     (kept) for {}",
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
    Ok(Ok(Declared {
        conflict,
        withdrawn,
    }))
}

/// Sheets grouped by their competition, each with its village code.
type ByCompetition = Vec<(competition::Model, Vec<(score_sheet::Model, String)>)>;

/// The judge's counted (not yet excluded) sheets for villages inside `region_code`, by
/// competition, in competitions whose scores are still open (not announced or archived).
async fn sheets_inside<C: ConnectionTrait>(
    db: &C,
    judge_id: Uuid,
    region_code: &str,
) -> Result<ByCompetition, DbErr> {
    let sheets = score_sheet::Entity::find()
        .filter(score_sheet::Column::JudgeId.eq(judge_id))
        .filter(score_sheet::Column::ExcludedAt.is_null())
        .all(db)
        .await?;
    group_open(db, sheets, |n| {
        Level::contains(region_code, &n.village_code)
    })
    .await
}

/// Keeps the sheets whose nomination passes `keep` and whose competition is still open,
/// grouped by competition.
async fn group_open<C: ConnectionTrait>(
    db: &C,
    sheets: Vec<score_sheet::Model>,
    keep: impl Fn(&nomination::Model) -> bool,
) -> Result<ByCompetition, DbErr> {
    if sheets.is_empty() {
        return Ok(Vec::new());
    }
    let noms = nomination::Entity::find()
        .filter(nomination::Column::Id.is_in(sheets.iter().map(|s| s.nomination_id)))
        .all(db)
        .await?;
    let open = competition::Entity::find()
        .filter(competition::Column::Id.is_in(noms.iter().map(|n| n.competition_id)))
        .filter(competition::Column::Status.is_not_in([
            entity::CompetitionStatus::Announced,
            entity::CompetitionStatus::Archived,
        ]))
        .all(db)
        .await?;
    let mut out: ByCompetition = Vec::new();
    for sheet in sheets {
        let Some(n) = noms.iter().find(|n| n.id == sheet.nomination_id) else {
            continue;
        };
        let Some(c) = open.iter().find(|c| c.id == n.competition_id) else {
            continue;
        };
        if !keep(n) {
            continue;
        }
        let row = (sheet, n.village_code.clone());
        match out.iter_mut().find(|(x, _)| x.id == c.id) {
            Some((_, list)) => list.push(row),
            None => out.push((c.clone(), vec![row])),
        }
    }
    Ok(out)
}

/// Removes one conflict of a judge, with an audit event; `Ok(Ok(false))` when there was none.
/// Sheets it excluded count again, unless another conflict of the judge still covers their
/// village (they then stay excluded) or their competition has been announced since (the
/// published result stands; a correction is the way to change it).
pub async fn remove<C: TransactionTrait + ConnectionTrait>(
    db: &C,
    (judge_id, id): (Uuid, Uuid),
    actor: Uuid,
    scope: Scope<'_>,
) -> Result<Result<bool, Refusal>, DbErr> {
    let txn = db.begin().await?;
    let Some(row) = judge_conflict::Entity::find_by_id(id)
        .filter(judge_conflict::Column::JudgeId.eq(judge_id))
        .one(&txn)
        .await?
    else {
        return Ok(Ok(false));
    };
    if scope.is_some_and(|s| !Level::contains(s, &row.region_code)) {
        return Ok(Err(Refusal::OutOfScope));
    }
    let excluded = score_sheet::Entity::find()
        .filter(score_sheet::Column::ExcludedConflict.eq(row.id))
        .all(&txn)
        .await?;
    let all = group_open(&txn, excluded, |_| true).await?;
    if all.iter().any(|(c, _)| !competition_in(scope, c)) {
        return Ok(Err(Refusal::OutOfScope));
    }
    judge_conflict::Entity::delete_by_id(row.id)
        .exec(&txn)
        .await?;
    let codes = codes_of(&txn, judge_id).await?;
    let mut restored = Vec::new();
    for (c, sheets) in &all {
        let back: Vec<&(score_sheet::Model, String)> = sheets
            .iter()
            .filter(|(_, village)| !covers(&codes, village))
            .collect();
        if back.is_empty() {
            continue;
        }
        score_sheet::Entity::update_many()
            .col_expr(
                score_sheet::Column::ExcludedAt,
                Expr::value(Option::<DateTimeWithTimeZone>::None),
            )
            .col_expr(
                score_sheet::Column::ExcludedReason,
                Expr::value(String::new()),
            )
            .col_expr(
                score_sheet::Column::ExcludedConflict,
                Expr::value(Option::<Uuid>::None),
            )
            .filter(score_sheet::Column::Id.is_in(back.iter().map(|(s, _)| s.id)))
            .exec(&txn)
            .await?;
        let villages: Vec<&str> = back.iter().map(|(_, v)| v.as_str()).collect();
        restored.push((c.id, villages.join(", ")));
    }
    let details = format!("judge {judge_id}, region {}", row.region_code);
    for (competition_id, villages) in &restored {
        audit::record(
            &txn,
            NewEvent {
                competition_id: Some(*competition_id),
                actor_id: Some(actor),
                action: "judging.conflict_removed".into(),
                details: format!("{details}: sheets counted again for {villages}"),
                ..Default::default()
            },
        )
        .await?;
    }
    if restored.is_empty() {
        audit::record(
            &txn,
            NewEvent {
                actor_id: Some(actor),
                action: "judging.conflict_removed".into(),
                details,
                ..Default::default()
            },
        )
        .await?;
    }
    txn.commit().await?;
    Ok(Ok(true))
}

/// A judge's conflicts whose region lies in the admin scope (all of them for `None`).
#[must_use]
pub fn within(scope: Scope<'_>, list: Vec<judge_conflict::Model>) -> Vec<judge_conflict::Model> {
    list.into_iter()
        .filter(|c| scope.is_none_or(|s| Level::contains(s, &c.region_code)))
        .collect()
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
