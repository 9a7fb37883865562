//! Who may read which results: the public reads the version in force once announced; the
//! committee in whose region the competition lies also reads a fresh preview before; appeals
//! are read by that committee, and by a village only its own once announced.

use entity::{appeal, competition, result_snapshot};
use sea_orm::DatabaseConnection;

use super::{Error, describe_refusal, frozen::is_published, published_of};
use crate::db::results::{appeals, snapshots};
use crate::identity::{CurrentUser, Role};
use crate::results::{self, Published};

/// True for an admin whose region holds the competition's.
#[must_use]
pub fn is_admin_of(who: Option<&CurrentUser>, c: &competition::Model) -> bool {
    who.is_some_and(|u| {
        u.role == Role::Admin
            && match &c.region_code {
                Some(code) => u.scope_contains(code),
                None => u.region_code.is_none(),
            }
    })
}

/// The published results (version in force) or, for the committee, a fresh preview.
///
/// # Errors
/// `NotFound` when the caller may not see them; `Conflict` when the preview cannot be
/// computed; a database error.
pub async fn results_for(
    db: &DatabaseConnection,
    c: &competition::Model,
    who: Option<&CurrentUser>,
    lang: &str,
) -> Result<(Published, Option<result_snapshot::Model>), Error> {
    if is_published(c) {
        let s = snapshots::current(db, c.id).await?.ok_or(Error::NotFound)?;
        return Ok((published_of(&s)?, Some(s)));
    }
    if !is_admin_of(who, c) {
        return Err(Error::NotFound);
    }
    match results::compute(db, c).await? {
        Ok(computed) => Ok((computed.published, None)),
        Err(r) => Err(Error::Conflict(describe_refusal(&r, lang).join("; "))),
    }
}

/// The appeals `who` may read.
///
/// # Errors
/// `NotFound` for anyone else; a database error.
pub async fn appeals_for(
    db: &DatabaseConnection,
    c: &competition::Model,
    who: &CurrentUser,
) -> Result<Vec<appeal::Model>, Error> {
    let all = appeals::list(db, c.id).await?;
    if is_admin_of(Some(who), c) {
        Ok(all)
    } else if who.role == Role::Village && is_published(c) {
        let village = who.village_code.clone().unwrap_or_default();
        let mine = appeals::village_entry(db, c.id, &village)
            .await?
            .map(|n| n.id);
        Ok(all
            .into_iter()
            .filter(|a| Some(a.nomination_id) == mine)
            .collect())
    } else {
        Err(Error::NotFound)
    }
}

/// The panel's differences of opinion at or above `threshold` (0–100 points), for the plenary:
/// of the version in force once announced, else of a fresh preview. Committee only — the
/// callers' scope guards see to that.
///
/// # Errors
/// `Conflict` before judging or when results cannot be computed; a database error.
pub async fn disagreements(
    db: &DatabaseConnection,
    c: &competition::Model,
    threshold: juara_domain::Points,
    lang: &str,
) -> Result<(Published, Vec<juara_domain::disagreement::Disagreement>), Error> {
    let (p, _) = super::current_or_preview(db, c, lang).await?;
    let found = juara_domain::disagreement::disagreements(p.result.explanations(), threshold);
    Ok((p, found))
}

/// What a panel judge may read of the differences of opinion (issue 17: visible to the panel
/// after their own submission): the indicators of entries whose sheet they submitted, in
/// stages where they count, with their own "Juri n" label per stage. `None` when they have
/// submitted no sheet of `c` (the page is not theirs).
///
/// # Errors
/// As [`disagreements`].
pub async fn disagreements_for_judge(
    db: &DatabaseConnection,
    c: &competition::Model,
    judge: uuid::Uuid,
    threshold: juara_domain::Points,
    lang: &str,
) -> Result<Option<JudgeDisagreements>, Error> {
    let mine: std::collections::HashSet<(String, uuid::Uuid)> =
        crate::db::judging::sheets::list_for_judge(db, judge)
            .await?
            .into_iter()
            .filter(|x| x.competition.id == c.id)
            .filter(|x| x.sheet.status == entity::SheetStatus::Submitted)
            .filter(|x| x.sheet.excluded_at.is_none())
            .map(|x| (x.stage.code, x.nomination.id))
            .collect();
    if mine.is_empty() {
        return Ok(None);
    }
    let (p, found) = disagreements(db, c, threshold, lang).await?;
    let me = crate::db::results::inputs::judge_id(judge);
    let labels: Vec<(String, u32)> = results::stats::stage_reports(&p.result)
        .iter()
        .map(|r| (r.stage.clone(), r.label_of(me)))
        .filter(|(_, label)| *label > 0)
        .collect();
    let found = found
        .into_iter()
        .filter(|d| labels.iter().any(|(s, _)| *s == d.stage))
        .filter(|d| {
            mine.contains(&(
                d.stage.clone(),
                crate::db::results::inputs::nomination_of(d.entry),
            ))
        })
        .collect();
    Ok(Some(JudgeDisagreements {
        published: p,
        found,
        labels,
    }))
}

/// A judge's share of the differences of opinion, with their label in each stage.
pub struct JudgeDisagreements {
    pub published: Published,
    pub found: Vec<juara_domain::disagreement::Disagreement>,
    /// (stage code, the judge's "Juri n" number there).
    pub labels: Vec<(String, u32)>,
}
