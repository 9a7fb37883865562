//! The competition page as the committee's hub: its set-up at a glance, the lifecycle steps,
//! nominations counted per state, sheets submitted per stage, and the audit trail.

use entity::competition;
use sea_orm::{ConnectionTrait, DbErr};
use serde::Serialize;

use super::lifecycle::{Transition, transitions};
use super::view::{
    DocumentRow, PrizeSummary, StageView, Summary, document_rows, prize_summary, stage_view,
};
use crate::app::competition::rules::status_of;
use crate::db::competition_setup as setup;
use crate::db::competitions as repo;
use crate::forms::FormState;
use crate::scoring;
use crate::views::{Page, format::competition_time};

/// The overview page.
#[derive(Serialize)]
pub(super) struct ShowView {
    pub page: Page,
    pub competition: Summary,
    pub description: String,
    pub schedule: Vec<(String, Option<String>)>,
    pub eligible_statuses: Vec<String>,
    pub require_definitive_head: bool,
    pub max_entries: Option<i32>,
    pub appeals_enabled: bool,
    pub appeal_days: i32,
    pub stages: Vec<StageView>,
    pub stage_weight_sum: i64,
    pub documents: Vec<DocumentRow>,
    pub prizes: PrizeSummary,
    /// The tie-break chain in words, in order.
    pub tie_breaks: Vec<String>,
    pub audit: Vec<crate::app::audit::Line>,
    pub transitions: Vec<Transition>,
    /// What keeps a draft from opening (empty when it can open).
    pub problems: Vec<String>,
    pub nominations: u64,
    /// Nominations per state (`nom-status-<state>`), every state, in lifecycle order.
    pub nomination_counts: Vec<(entity::NominationStatus, u64)>,
    /// Sheets submitted per stage, once judging has started.
    pub judging: Vec<StageProgress>,
    pub clone_form: FormState,
    /// The published rules version in force (`None` for a draft).
    pub rules_version: Option<i32>,
}

/// One stage's line in the hub's judging summary.
#[derive(Serialize)]
pub(super) struct StageProgress {
    pub id: String,
    pub code: String,
    pub name: String,
    pub submitted: u32,
    pub total: u32,
}

/// Builds the overview of a competition.
pub(super) async fn show_view<C: ConnectionTrait>(
    db: &C,
    page: Page,
    c: &competition::Model,
    clone_form: FormState,
) -> Result<ShowView, DbErr> {
    let lang = page.lang;
    let status = status_of(c);
    let now = chrono::Utc::now().fixed_offset();
    let judging_started = !matches!(status, repo::Status::Draft | repo::Status::Open);
    let mut stages = Vec::new();
    let mut judging = Vec::new();
    for s in setup::list_stages(db, c.id).await? {
        let rows = setup::list_criteria(db, s.id).await?;
        stages.push(stage_view(&s, &rows, lang));
        if judging_started {
            let total = crate::db::judging::progress::of_stage(db, c, &s, now)
                .await?
                .total;
            judging.push(StageProgress {
                id: s.id.to_string(),
                code: s.code.clone(),
                name: s.name.clone(),
                submitted: total.submitted,
                total: total.total(),
            });
        }
    }
    let problems = if status == repo::Status::Draft {
        scoring::opening_problems(db, c)
            .await?
            .iter()
            .map(|p| p.describe(lang))
            .collect()
    } else {
        Vec::new()
    };
    let transitions = transitions(c, now);
    let tiers = setup::list_prizes(db, c.id).await?;
    let audit = crate::app::audit::of_competition(db, c, lang).await?;
    let schedule = [
        ("field-nomination-opens", c.nomination_opens_at),
        ("field-nomination-closes", c.nomination_closes_at),
        ("field-judging-closes", c.judging_closes_at),
        ("field-announcement", c.announcement_at),
    ]
    .into_iter()
    .map(|(k, t)| (page.t(k), t.map(|t| competition_time(c, t, lang))))
    .collect();
    let nomination_counts = repo::nomination_counts(db, c.id.into()).await?;
    // Back in draft, the rules are not public (their page answers 404) until opened again.
    let rules_version = if c.status == repo::Status::Draft {
        None
    } else {
        crate::db::rules::latest(db, c.id).await?.map(|v| v.number)
    };
    Ok(ShowView {
        rules_version,
        competition: Summary::named(db, c, lang).await?,
        description: c.description.clone(),
        schedule,
        eligible_statuses: repo::split_statuses(&c.eligible_statuses),
        require_definitive_head: c.require_definitive_head,
        max_entries: c.max_entries,
        appeals_enabled: c.appeals_enabled,
        appeal_days: c.appeal_days,
        stage_weight_sum: stages.iter().map(|s| i64::from(s.weight)).sum(),
        stages,
        documents: document_rows(setup::list_documents(db, c.id).await?),
        prizes: prize_summary(c, &tiers, lang),
        tie_breaks: crate::app::competition::tie_breaks::chain_of(c)
            .iter()
            .map(|r| crate::app::competition::tie_breaks::describe(r, lang))
            .collect(),
        audit,
        transitions,
        problems,
        nominations: nomination_counts.iter().map(|(_, n)| n).sum(),
        nomination_counts,
        judging,
        clone_form,
        page,
    })
}
