//! Conflicts of interest: declaring one excludes the judge's sheets already given from
//! results (kept, with the reason); removing it counts them again. Both are in the audit
//! trail, and a regional admin acts only inside their region.

use chrono::Utc;
use entity::{competition, judge_conflict, score_sheet};
use sea_orm::{ConnectionTrait, DbErr, TransactionSession, TransactionTrait};
use uuid::Uuid;

use crate::db::audit::{self, NewEvent};
use crate::db::judging::conflicts as rows;
use crate::registry::Level;

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

/// The region code a declaration names as typed (a code, or a name the registry resolves),
/// or the message key of what is wrong with it.
pub async fn region_named<C: ConnectionTrait>(
    db: &C,
    typed: &str,
) -> Result<Result<String, &'static str>, DbErr> {
    use crate::app::regions::{UNKNOWN, resolve};
    Ok(match resolve(db, typed, &[]).await? {
        Ok(Some(r)) => Ok(r.code),
        Ok(None) => Err("err-required"),
        Err(UNKNOWN) => Err("jdg-err-region"),
        Err(key) => Err(key),
    })
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
    let affected = rows::sheets_inside(&txn, judge_id, region_code).await?;
    if affected.iter().any(|(c, _)| !competition_in(scope, c)) {
        return Ok(Err(Refusal::OutOfScope));
    }
    let now = Utc::now().fixed_offset();
    let conflict = rows::insert(&txn, (judge_id, region_code), reason, declared_by).await?;
    let withdrawn = affected.iter().map(|(_, sheets)| sheets.len()).sum();
    let why = format!("Konflik kepentingan ({region_code}): {reason}");
    let who_where = in_words(&txn, judge_id, region_code).await?;
    for (c, sheets) in &affected {
        let ids = sheets.iter().map(|(s, _)| s.id);
        rows::exclude(&txn, ids, (conflict.id, &why), now).await?;
        let codes: Vec<&str> = sheets.iter().map(|(_, v)| v.as_str()).collect();
        let names = crate::db::villages::infos(&txn, &codes).await?;
        let list: Vec<String> = sheets
            .iter()
            .map(|(s, village)| format!("{} ({village}, {})", label_of(&names, village), s.status))
            .collect();
        audit::record(
            &txn,
            NewEvent {
                competition_id: Some(c.id),
                actor_id: Some(declared_by),
                action: "judging.conflict_declared".into(),
                reason: reason.to_owned(),
                details: format!(
                    "{who_where}: lembar penilaian dikecualikan dari hasil (tetap disimpan) \
                     untuk {}",
                    list.join("; ")
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
                details: who_where.clone(),
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
    let Some(row) = rows::find(&txn, judge_id, id).await? else {
        return Ok(Ok(false));
    };
    if scope.is_some_and(|s| !Level::contains(s, &row.region_code)) {
        return Ok(Err(Refusal::OutOfScope));
    }
    let excluded = rows::excluded_by(&txn, row.id).await?;
    let all = rows::group_open(&txn, excluded, |_| true).await?;
    if all.iter().any(|(c, _)| !competition_in(scope, c)) {
        return Ok(Err(Refusal::OutOfScope));
    }
    rows::delete(&txn, row.id).await?;
    let codes = rows::codes_of(&txn, judge_id).await?;
    let mut restored = Vec::new();
    for (c, sheets) in &all {
        let back: Vec<&(score_sheet::Model, String)> = sheets
            .iter()
            .filter(|(_, village)| !rows::covers(&codes, village))
            .collect();
        if back.is_empty() {
            continue;
        }
        rows::include(&txn, back.iter().map(|(s, _)| s.id)).await?;
        let codes: Vec<&str> = back.iter().map(|(_, v)| v.as_str()).collect();
        let names = crate::db::villages::infos(&txn, &codes).await?;
        let villages: Vec<String> = back
            .iter()
            .map(|(_, v)| format!("{} ({v})", label_of(&names, v)))
            .collect();
        restored.push((c.id, villages.join("; ")));
    }
    let details = in_words(&txn, judge_id, &row.region_code).await?;
    for (competition_id, villages) in &restored {
        audit::record(
            &txn,
            NewEvent {
                competition_id: Some(*competition_id),
                actor_id: Some(actor),
                action: "judging.conflict_removed".into(),
                details: format!("{details}: lembar penilaian dihitung lagi untuk {villages}"),
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

use crate::db::villages::label_of;

/// "juri Budi, wilayah Kabupaten Sleman (34.04)" for the audit trail.
async fn in_words<C: ConnectionTrait>(
    db: &C,
    judge_id: Uuid,
    region_code: &str,
) -> Result<String, DbErr> {
    let judge = crate::db::results::reads::display_names(db, [judge_id])
        .await?
        .remove(&judge_id)
        .unwrap_or_default();
    let region = crate::db::regions::find(db, region_code)
        .await?
        .map_or_else(String::new, |r| format!("{} ", r.name));
    Ok(format!("juri {judge}, wilayah {region}({region_code})"))
}
