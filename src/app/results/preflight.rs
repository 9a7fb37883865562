//! Pre-flight checks before an announcement freezes a result for good (issue 12: a result
//! with nobody ranked was announced without a word). The problems: a ranking with nobody in
//! it, stages no judge was ever assigned to, and entries below the quorum or without counted
//! sheets. The committee sees them above the announce button; announcing anyway needs the
//! "I understand" box ticked and a written reason, which the announcement's audit event keeps.

use juara_domain::explanation::IncompleteReason;
use sea_orm::{ConnectionTrait, DbErr};
use uuid::Uuid;

use crate::db::judging::assign::stages_with_sheets;
use crate::i18n;
use crate::results::{Computed, Refusal};

/// The form (and API) field of the "I understand" box.
pub const CONFIRM_FIELD: &str = "confirm_incomplete";
/// The form (and API) field of the committee's reason.
pub const REASON_FIELD: &str = "reason";

/// Something the committee must know before announcing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Nobody is in the final ranking: the announced result would be empty.
    NobodyRanked,
    /// No judge was ever assigned to the stage (it has no score sheet); `entries` reached it.
    StageUnassigned { stage: String, entries: usize },
    /// An entry reached the stage without enough counted sheets, so it is not ranked.
    EntryIncomplete {
        stage: String,
        village: String,
        reason: IncompleteReason,
    },
}

impl Problem {
    /// The problem in words, naming the stage and the village.
    #[must_use]
    pub fn describe(&self, lang: &str) -> String {
        match self {
            Problem::NobodyRanked => i18n::t(lang, "res-pre-nobody"),
            Problem::StageUnassigned { stage, entries } => i18n::t_args(
                lang,
                if *entries == 0 {
                    "res-pre-unassigned"
                } else {
                    "res-pre-unassigned-entries"
                },
                &[("stage", stage.clone()), ("entries", entries.to_string())],
            ),
            Problem::EntryIncomplete {
                stage,
                village,
                reason,
            } => {
                let (key, mut args) = match reason {
                    IncompleteReason::BelowQuorum { judges, quorum, .. } => (
                        "res-pre-quorum",
                        vec![
                            ("judges", judges.to_string()),
                            ("quorum", quorum.to_string()),
                        ],
                    ),
                    IncompleteReason::TooFewToTrim { values, needed, .. } => (
                        "res-pre-trim",
                        vec![
                            ("values", values.to_string()),
                            ("needed", needed.to_string()),
                        ],
                    ),
                    IncompleteReason::AllNotApplicable => ("res-pre-all-na", Vec::new()),
                    IncompleteReason::NoSheets => ("res-pre-no-sheets", Vec::new()),
                };
                args.push(("stage", stage.clone()));
                args.push(("village", village.clone())); // not a state: the message argument
                i18n::t_args(lang, key, &args)
            }
        }
    }
}

/// The problems of a computed result: the order is the order of gravity (nothing ranked,
/// whole stages, single entries). An entry without sheets in a stage nobody was assigned to
/// is counted in that stage's line rather than listed again.
pub async fn problems<C: ConnectionTrait>(
    db: &C,
    computed: &Computed,
) -> Result<Vec<Problem>, DbErr> {
    let p = &computed.published;
    let stages = &computed.setup.data.stages;
    let ids: Vec<Uuid> = stages.iter().filter_map(|s| s.id).collect();
    let assigned = stages_with_sheets(db, ids).await?;
    let name_of = |code: &str| {
        stages
            .iter()
            .find(|s| s.fields.code == code)
            .map_or_else(|| code.to_owned(), |s| s.fields.name.clone())
    };
    let unassigned: Vec<&str> = stages
        .iter()
        .filter(|s| s.id.is_none_or(|id| !assigned.contains(&id)))
        .map(|s| s.fields.code.as_str())
        .collect();
    let mut out = Vec::new();
    if !p.lines.iter().any(|l| l.eliminated_at.is_none()) {
        out.push(Problem::NobodyRanked);
    }
    for code in &unassigned {
        out.push(Problem::StageUnassigned {
            stage: name_of(code),
            entries: p.incomplete.iter().filter(|i| i.stage == *code).count(),
        });
    }
    // `published.incomplete` is built line by line from the engine's list: same order.
    for (line, entry) in p.incomplete.iter().zip(&p.result.incomplete) {
        if unassigned.contains(&line.stage.as_str()) {
            continue;
        }
        out.push(Problem::EntryIncomplete {
            stage: name_of(&line.stage),
            village: line.village.label(),
            reason: telling_reason(&entry.reasons),
        });
    }
    Ok(out)
}

/// The reason to show for an entry: the criterion furthest below the quorum, else the first.
fn telling_reason(reasons: &[IncompleteReason]) -> IncompleteReason {
    let quorum_judges = |r: &&IncompleteReason| match r {
        IncompleteReason::BelowQuorum { judges, .. } => Some(*judges),
        _ => None,
    };
    reasons
        .iter()
        .filter(|r| quorum_judges(r).is_some())
        .min_by_key(|r| quorum_judges(r))
        .or_else(|| reasons.first())
        .cloned()
        .unwrap_or(IncompleteReason::NoSheets)
}

/// The problems of `c`'s result as it would be announced now, or why it cannot be computed.
pub async fn check<C: ConnectionTrait>(
    db: &C,
    c: &entity::competition::Model,
) -> Result<Result<Vec<Problem>, Refusal>, DbErr> {
    match crate::results::compute(db, c).await? {
        Ok(computed) => Ok(Ok(problems(db, &computed).await?)),
        Err(r) => Ok(Err(r)),
    }
}

/// The committee's answer to the problems, from the announce form or the API body.
#[derive(Clone, Debug, Default)]
pub struct GoAhead {
    /// The "I understand …" box ([`CONFIRM_FIELD`]) was ticked.
    pub understood: bool,
    /// Why the result is announced anyway ([`REASON_FIELD`]).
    pub reason: String,
}

/// An announcement refused because its problems were not confirmed.
#[derive(Clone, Debug)]
pub struct Unconfirmed {
    pub problems: Vec<Problem>,
    /// Field name and locale key of each missing part of the go-ahead.
    pub missing: Vec<(&'static str, &'static str)>,
}

/// Decides whether the announcement may go ahead: without problems, yes (no reason to
/// record); with problems, only with the box ticked and a reason, which is returned.
///
/// # Errors
/// [`Unconfirmed`] with the problems and what is missing.
pub fn accept(problems: Vec<Problem>, go: &GoAhead) -> Result<Option<String>, Unconfirmed> {
    if problems.is_empty() {
        return Ok(None);
    }
    let reason = go.reason.trim();
    let mut missing = Vec::new();
    if !go.understood {
        missing.push((CONFIRM_FIELD, "res-err-pre-confirm"));
    }
    if reason.is_empty() {
        missing.push((REASON_FIELD, "res-err-pre-reason"));
    }
    if missing.is_empty() {
        Ok(Some(reason.to_owned()))
    } else {
        Err(Unconfirmed { problems, missing })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn go(understood: bool, reason: &str) -> GoAhead {
        GoAhead {
            understood,
            reason: reason.to_owned(),
        }
    }

    #[test]
    fn a_complete_result_needs_no_go_ahead() {
        assert_eq!(accept(Vec::new(), &GoAhead::default()).ok(), Some(None));
    }

    #[test]
    fn problems_need_the_box_and_a_reason() {
        let fields = |g: &GoAhead| -> Vec<&str> {
            accept(vec![Problem::NobodyRanked], g)
                .err()
                .map(|u| u.missing.iter().map(|m| m.0).collect())
                .unwrap_or_default()
        };
        assert_eq!(fields(&go(false, "")), [CONFIRM_FIELD, REASON_FIELD]);
        assert_eq!(fields(&go(true, "  ")), [REASON_FIELD]);
        assert_eq!(fields(&go(false, "rapat pleno")), [CONFIRM_FIELD]);
        assert_eq!(
            accept(vec![Problem::NobodyRanked], &go(true, " rapat pleno ")).ok(),
            Some(Some("rapat pleno".to_owned()))
        );
    }

    #[test]
    fn the_entry_furthest_below_quorum_is_named() {
        let below = |judges| IncompleteReason::BelowQuorum {
            criterion: "A".into(),
            judges,
            quorum: 3,
        };
        assert_eq!(
            telling_reason(&[IncompleteReason::AllNotApplicable, below(2), below(1)]),
            below(1)
        );
        assert_eq!(telling_reason(&[]), IncompleteReason::NoSheets);
    }
}
