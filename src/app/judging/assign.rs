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
use crate::db::villages;
use crate::i18n;

/// Why an assignment was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The stage has no panel.
    NoPanel,
    /// The panel (or the sub-panel of some aspects, `partial`) has fewer judges than the
    /// stage asks per entry: no assignment can exist, conflicts or not.
    PanelTooSmall {
        panel: usize,
        needed: usize,
        partial: bool,
    },
    /// These entries (village in words, judges free of conflict with it) lack `needed`
    /// judges without a conflict of interest.
    TooFewWithoutConflict {
        entries: Vec<(String, usize)>,
        needed: usize,
    },
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
    /// This field names no entry of the competition, or no judge.
    Unknown(&'static str),
}

impl Refusal {
    /// The message, with the numbers and villages that explain it.
    #[must_use]
    pub fn describe(&self, lang: &str) -> String {
        match self {
            Refusal::PanelTooSmall {
                panel,
                needed,
                partial,
            } => i18n::t_args(
                lang,
                if *partial {
                    "jdg-assign-subpanel-small"
                } else {
                    "jdg-assign-panel-small"
                },
                &[("panel", panel.to_string()), ("needed", needed.to_string())],
            ),
            Refusal::TooFewWithoutConflict { entries, needed } => {
                let list: Vec<String> = entries
                    .iter()
                    .map(|(village, free)| {
                        let args = [
                            ("village", village.clone()), // not a state: the message argument
                            ("free", free.to_string()),
                        ];
                        i18n::t_args(lang, "jdg-assign-free-judges", &args)
                    })
                    .collect();
                i18n::t_args(
                    lang,
                    "jdg-assign-conflicts",
                    &[("needed", needed.to_string()), ("entries", list.join("; "))],
                )
            }
            other => i18n::t(lang, other.message_key()),
        }
    }

    /// The translation key of the message (without the details [`Refusal::describe`] adds).
    #[must_use]
    pub fn message_key(&self) -> &'static str {
        match self {
            Refusal::NoPanel => "jdg-assign-no-panel",
            Refusal::PanelTooSmall { .. } => "jdg-assign-panel-small",
            Refusal::TooFewWithoutConflict { .. } => "jdg-assign-too-few",
            Refusal::Impossible(AssignError::TooFewEligible { .. }) => "jdg-assign-too-few",
            Refusal::Impossible(AssignError::CannotBalance) => "jdg-assign-unbalanced",
            Refusal::Impossible(AssignError::NoJudgesPerEntry) => "jdg-assign-zero",
            Refusal::AlreadyStarted => "jdg-assign-started",
            Refusal::Conflict => "jdg-assign-conflict",
            Refusal::Duplicate => "jdg-assign-duplicate",
            Refusal::InUse => "jdg-assign-in-use",
            Refusal::Unknown(_) => "jdg-err-form",
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
    // Trainees are not drawn: they shadow the panel on every entry (below).
    let (trainees, panel): (Vec<_>, Vec<_>) = panels::list(db, s.id)
        .await?
        .into_iter()
        .partition(|p| p.row.trainee);
    if panel.is_empty() {
        return Ok(Err(Refusal::NoPanel));
    }
    let existing = rows::sheets_of_stage(db, s.id).await?;
    let is_trainee = |judge: Uuid| trainees.iter().any(|t| t.row.judge_id == judge);
    // A trainee's draft does not stop a new draw of the counted judges.
    if existing
        .iter()
        .any(|x| x.status != SheetStatus::Assigned && !is_trainee(x.judge_id))
    {
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
    for (aspects, judges) in &groups {
        // Too few judges at all is a different fix (a bigger panel, or fewer judges per
        // entry) from too few without conflicts (judges from elsewhere): say which.
        if per_entry > 0 && judges.len() < per_entry {
            return Ok(Err(Refusal::PanelTooSmall {
                panel: judges.len(),
                needed: per_entry,
                partial: !aspects.is_empty(),
            }));
        }
        match assignment::assign(&entries, judges, per_entry, seed) {
            Ok(r) => result.extend(r),
            Err(AssignError::TooFewEligible {
                entries: short,
                needed,
            }) => {
                let entries = short_entries(db, &noms, &short).await?;
                return Ok(Err(Refusal::TooFewWithoutConflict { entries, needed }));
            }
            Err(e) => return Ok(Err(Refusal::Impossible(e))),
        }
    }
    // A trainee scores every entry they have no conflict of interest with: like the others,
    // never counted (`db::results::inputs`). Sheets they already started are kept.
    let mut shadow = Vec::new();
    for t in &trainees {
        let trainee = AssignJudge {
            id: JudgeId(t.row.judge_id.as_u128()),
            conflicts: conflicts::codes_of(db, t.row.judge_id).await?,
        };
        for e in entries
            .iter()
            .filter(|e| !assignment::in_conflict(&trainee, e))
        {
            let started = existing.iter().any(|x| {
                x.status != SheetStatus::Assigned
                    && x.judge_id == t.row.judge_id
                    && x.nomination_id.as_u128() == e.id.0
            });
            if !started {
                shadow.push(assignment::Assignment {
                    entry: e.id,
                    judge: trainee.id,
                });
            }
        }
    }
    let txn = db.begin().await?;
    rows::delete_untouched(&txn, s.id).await?;
    for a in result.iter().chain(&shadow) {
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
    if !shadow.is_empty() {
        audit::record(
            &txn,
            NewEvent {
                competition_id: Some(s.competition_id),
                actor_id: Some(actor),
                action: "judging.trainees_assigned".into(),
                details: format!("stage {}: {} sheets", s.code, shadow.len()),
                ..Default::default()
            },
        )
        .await?;
    }
    txn.commit().await?;
    Ok(Ok(result.len()))
}

/// The entries short of judges in words ("Desa, Kecamatan, Kabupaten") with how many
/// judges are free of conflict with each, in the order of their villages.
async fn short_entries<C: ConnectionTrait>(
    db: &C,
    noms: &[nomination::Model],
    short: &[(EntryId, usize)],
) -> Result<Vec<(String, usize)>, DbErr> {
    let code_of = |e: &EntryId| {
        noms.iter()
            .find(|n| n.id.as_u128() == e.0)
            .map(|n| n.village_code.clone())
            .unwrap_or_default()
    };
    let mut codes: Vec<(String, usize)> = short.iter().map(|(e, n)| (code_of(e), *n)).collect();
    codes.sort();
    let keys: Vec<&str> = codes.iter().map(|(c, _)| c.as_str()).collect();
    let names = villages::infos(db, &keys).await?;
    Ok(codes
        .iter()
        .map(|(code, free)| {
            let name = names.get(code).map_or_else(|| code.clone(), |v| v.label());
            (name, *free)
        })
        .collect())
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

/// Assigns the entry `nomination_id` of `c` to the judge `judge_id` (ids as typed: `None`
/// when not an id), refusing an id that names no entry of the competition or no judge.
pub async fn assign_by_ids<C: ConnectionTrait>(
    db: &C,
    c: &entity::competition::Model,
    s: &stage::Model,
    (nomination_id, judge_id): (Option<Uuid>, Option<Uuid>),
    actor: Uuid,
) -> Result<Result<score_sheet::Model, Refusal>, DbErr> {
    let noms = rows::entries(db, c.id).await?;
    let Some(n) = nomination_id.and_then(|id| noms.iter().find(|n| n.id == id)) else {
        return Ok(Err(Refusal::Unknown("nomination_id")));
    };
    let judges = panels::judges(db).await?;
    let Some(judge_id) = judge_id.filter(|id| judges.iter().any(|j| j.id == *id)) else {
        return Ok(Err(Refusal::Unknown("judge_id")));
    };
    assign_one(db, s, n, judge_id, actor).await
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
