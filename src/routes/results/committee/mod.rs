//! The committee's results page: a fresh preview (ranking, tie-breaks, incomplete entries,
//! shortlists, reliability statistics, outlying sheets, prize allocation against the budget),
//! the plenary minutes, the announcement, the versions, appeals, exports and advancing winners.

mod advance;
mod decide;

use std::collections::HashMap;

use entity::competition;
use rocket::{Route, get, routes, uri};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;
use serde::Serialize;
use uuid::Uuid;

use super::{ResultsView, published_of};
use crate::app::results::advance as app_advance;
use crate::app::results::preflight;
use crate::app::results::{describe_refusal, ensure_judging_started};
use crate::db::competitions::Status as CompStatus;
use crate::db::results::{appeals, minutes, reads, snapshots};
use crate::error::AppError;
use crate::forms::FormState;
use crate::ids::CompetitionId;
use crate::results::stats::{StageStats, stage_stats};
use crate::results::{self, Published};
use crate::routes::reply::FormReply;
use crate::routes::scope::AdminScope;
use crate::views::Page;
use crate::views::format::competition_time;

#[derive(Serialize)]
struct CompetitionView {
    id: String,
    name: String,
    year: i32,
    status: entity::CompetitionStatus,
    appeals_enabled: bool,
}

#[derive(Serialize)]
struct Shortlist {
    stage: String,
    advanced: Vec<String>,
    extended_by_ties: bool,
}

#[derive(Serialize)]
struct SnapshotView {
    version: i32,
    status: entity::SnapshotStatus,
    hash: String,
    reason: String,
    announced_at: String,
}

#[derive(Serialize)]
struct MinutesView {
    held_on: String,
    held_time: String,
    place: String,
    members: String,
    decision: String,
}

#[derive(Serialize)]
struct AppealView {
    id: String,
    nomination_id: String,
    village: String,
    body: String,
    status: entity::AppealStatus,
    answer: String,
    has_attachment: bool,
}

#[derive(Serialize)]
struct OutlierView {
    nomination_id: String,
    stage: String,
    village: String,
    judge: String,
    label: u32,
    total: String,
    others_mean: String,
}

#[derive(Serialize)]
struct PreviewView {
    page: Page,
    competition: CompetitionView,
    problems: Vec<String>,
    /// What the committee must confirm before announcing (pre-flight checks), in words.
    preflight: Vec<String>,
    results: Option<ResultsView>,
    incomplete: Vec<(String, String)>,
    shortlists: Vec<Shortlist>,
    stats: Vec<StageStats>,
    outliers: Vec<OutlierView>,
    excluded_sheets: usize,
    /// Sheets withdrawn by a conflict of interest: kept, not counted, with the reason.
    withdrawn: Vec<super::withdrawn::WithdrawnView>,
    snapshots: Vec<SnapshotView>,
    minutes: Option<MinutesView>,
    appeals: Vec<AppealView>,
    can_announce: bool,
    announced: bool,
    /// Higher-level competitions in scope winners can advance to: (id, name).
    targets: Vec<(String, String)>,
    /// Entries advanced upward that a later correction left without a prize, in words.
    stale_advanced: Vec<String>,
    form: FormState,
}

async fn preview_view(
    db: &DatabaseConnection,
    page: Page,
    c: &competition::Model,
    form: FormState,
) -> Result<PreviewView, AppError> {
    let lang = page.lang;
    let status = Some(c.status);
    let announced = matches!(status, Some(CompStatus::Announced | CompStatus::Archived));
    let mut view = PreviewView {
        competition: CompetitionView {
            id: c.id.to_string(),
            name: c.name.clone(),
            year: c.year,
            status: c.status,
            appeals_enabled: c.appeals_enabled,
        },
        page,
        problems: Vec::new(),
        preflight: Vec::new(),
        results: None,
        incomplete: Vec::new(),
        shortlists: Vec::new(),
        stats: Vec::new(),
        outliers: Vec::new(),
        excluded_sheets: 0,
        withdrawn: Vec::new(),
        snapshots: Vec::new(),
        minutes: None,
        appeals: Vec::new(),
        can_announce: status == Some(CompStatus::Review),
        announced,
        targets: Vec::new(),
        stale_advanced: Vec::new(),
        form,
    };
    // After the announcement the page shows what was published; before, a fresh preview.
    let published: Option<Published> = if announced {
        match snapshots::current(db, c.id).await? {
            Some(s) => Some(published_of(&s)?),
            None => None,
        }
    } else {
        match results::compute(db, c).await? {
            Ok(computed) => {
                let found = preflight::problems(db, &computed).await?;
                view.preflight = found.iter().map(|p| p.describe(lang)).collect();
                Some(computed.published)
            }
            Err(r) => {
                view.problems = describe_refusal(&r, lang);
                None
            }
        }
    };
    view.withdrawn = super::withdrawn::of(db, c.id).await?;
    view.excluded_sheets = view.withdrawn.len();
    if let Some(p) = &published {
        let names: HashMap<Uuid, String> = p
            .lines
            .iter()
            .map(|l| (l.nomination_id, l.village.name.clone()))
            .chain(
                p.incomplete
                    .iter()
                    .map(|i| (i.nomination_id, i.village.name.clone())),
            )
            .collect();
        let name = |id: Uuid| names.get(&id).cloned().unwrap_or_else(|| id.to_string());
        view.results = Some(ResultsView::of(p, lang));
        view.incomplete = p
            .incomplete
            .iter()
            .map(|i| (i.village.name.clone(), i.stage.clone()))
            .collect();
        view.shortlists = p
            .result
            .stages
            .iter()
            .map(|s| Shortlist {
                stage: s.stage.clone(),
                advanced: s
                    .advanced
                    .iter()
                    .map(|e| name(crate::db::results::inputs::nomination_of(*e)))
                    .collect(),
                extended_by_ties: s.shortlist_extended_by_ties,
            })
            .collect();
        view.excluded_sheets = p.result.excluded_sheets.len() + view.withdrawn.len();
        view.stats = stage_stats(&p.result);
        let judge_ids: Vec<Uuid> = view
            .stats
            .iter()
            .flat_map(|s| s.outliers.iter().map(|o| o.judge_id))
            .collect();
        let judges = reads::display_names(db, judge_ids).await?;
        view.outliers = view
            .stats
            .iter()
            .flat_map(|s| {
                s.outliers.iter().map(|o| OutlierView {
                    nomination_id: o.nomination_id.to_string(),
                    stage: s.stage.clone(),
                    village: name(o.nomination_id),
                    judge: judges.get(&o.judge_id).cloned().unwrap_or_default(),
                    label: o.label,
                    total: o.total.clone(),
                    others_mean: o.others_mean.clone(),
                })
            })
            .collect();
        view.appeals = appeals::list(db, c.id)
            .await?
            .into_iter()
            .map(|a| AppealView {
                id: a.id.to_string(),
                nomination_id: a.nomination_id.to_string(),
                village: name(a.nomination_id),
                body: a.body,
                status: a.status,
                answer: a.answer,
                has_attachment: a.attachment_stored.is_some(),
            })
            .collect();
    }
    view.snapshots = snapshots::list(db, c.id)
        .await?
        .into_iter()
        .map(|s| SnapshotView {
            version: s.version,
            status: s.status,
            hash: s.content_hash,
            reason: s.reason,
            announced_at: competition_time(c, s.announced_at, lang),
        })
        .collect();
    if announced {
        if let Some(user) = &view.page.user {
            view.targets = app_advance::targets(db, c, user).await?;
        }
        view.stale_advanced =
            crate::app::nomination::advance_sync::stale_from(db, c, view.page.lang).await?;
    }
    view.minutes = minutes::latest(db, c.id).await?.map(|m| MinutesView {
        held_on: m.held_on.format("%d-%m-%Y").to_string(),
        held_time: m.held_time.unwrap_or_default(),
        place: m.place,
        members: m.members,
        decision: m.decision,
    });
    Ok(view)
}

#[get("/admin/competitions/<_>/results")]
async fn show(page: Page, a: AdminScope<'_>) -> Result<Template, AppError> {
    let db = a.db;
    let c = &a.c;
    ensure_judging_started(c, page.lang)?;
    let view = preview_view(db, page, c, FormState::default()).await?;
    Ok(Template::render("results/committee", &view))
}

/// The committee's results page of `c`.
pub(super) fn results_uri(c: &competition::Model) -> String {
    uri!(show(CompetitionId::from(c.id))).to_string()
}

/// The page again with the refusals (422).
pub(in crate::routes::results) async fn invalid(
    db: &DatabaseConnection,
    page: Page,
    c: &competition::Model,
    form: FormState,
) -> Result<FormReply, AppError> {
    let view = preview_view(db, page, c, form).await?;
    Ok(FormReply::invalid("results/committee", &view))
}

#[get("/admin/competitions/<_>/results/v/<version>")]
async fn version(page: Page, a: AdminScope<'_>, version: i32) -> Result<Template, AppError> {
    let db = a.db;
    let c = &a.c;
    super::public::render_version(db, page, c, version).await
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    let mut r = routes![show, version];
    r.extend(decide::routes());
    r.extend(advance::routes());
    r
}
