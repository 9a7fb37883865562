//! Results pages: the committee's preview, announcement, corrections, appeals, disbursements
//! and exports (`committee`, `correct`, `disburse`), the public winners pages (`public`), the
//! village's score protocol and appeal (`village`) and the JSON API (`api`). Every number
//! comes from `crate::results` (the engine); this module only formats and authorizes.

pub mod api;
pub mod api_announce;
pub mod api_correct;
pub mod api_decide;
pub mod api_dto;
pub mod api_money;
pub mod api_read;
mod appeals;
mod committee;
mod correct;
mod correct_form;
pub mod disagreements;
mod disburse;
mod documents;
mod exports;
mod ledger_export;
mod protocol;
mod public;
pub mod public_cache;
mod village;
mod withdrawn;

use juara_domain::{Points, Rupiah};
use rocket::Route;
use serde::Serialize;

use crate::app::results::describe_refusal;
use crate::error::AppError;
use crate::i18n;
use crate::results::Published;
use crate::results::published::Line;
use crate::views::chart::BarChart;

/// Every HTML route of this module.
#[must_use]
pub fn routes() -> Vec<Route> {
    [
        committee::routes(),
        disagreements::routes(),
        appeals::routes(),
        correct::routes(),
        disburse::routes(),
        documents::routes(),
        exports::routes(),
        public::routes(),
        village::routes(),
    ]
    .concat()
}

/// Every JSON route of this module (mounted under `/api`).
#[must_use]
pub fn api_routes() -> Vec<Route> {
    [
        api::routes(),
        api_announce::routes(),
        api_correct::routes(),
        api_decide::routes(),
        api_money::routes(),
        api_read::routes(),
        disagreements::api_routes(),
    ]
    .concat()
}

pub(crate) use api_announce::refused as announce_refused;

/// `Rp100.000.000`.
fn rupiah(amount: i64) -> String {
    Rupiah::new(amount).to_string()
}

/// `85.23`.
fn score(units: i64) -> String {
    Points::from_units(units).to_string()
}

/// `85,23`: a score on the ranking and protocol pages, two decimals in Indonesian notation.
fn score_shown(units: i64) -> String {
    crate::views::format::score(Points::from_units(units))
}

/// A ranking line as pages show it.
#[derive(Clone, Debug, Serialize)]
struct LineView {
    nomination_id: String,
    rank: u32,
    shared_rank: bool,
    village: String,
    village_code: String,
    district: String,
    regency: String,
    final_score: String,
    raw_points: String,
    stage_scores: Vec<String>,
    decided_by: String,
    eliminated_at: String,
    prize: String,
    cash: String,
    assistance: String,
    trophy: bool,
    certificate: bool,
    shared_with: u32,
}

impl LineView {
    fn of(l: &Line, lang: &str) -> Self {
        let p = l.prize.as_ref();
        LineView {
            nomination_id: l.nomination_id.to_string(),
            rank: l.rank,
            shared_rank: l.shared_rank,
            village: l.village.name.clone(),
            village_code: l.village.code.clone(),
            district: l.village.district.clone(),
            regency: l.village.regency.clone(),
            final_score: score_shown(l.final_score),
            raw_points: score_shown(l.raw_points),
            stage_scores: l
                .stage_scores
                .iter()
                .map(|s| s.map(score_shown).unwrap_or_else(|| "—".into()))
                .collect(),
            decided_by: l
                .decided_by
                .as_ref()
                .map(|t| crate::app::competition::tie_breaks::describe(t, lang))
                .unwrap_or_default(),
            eliminated_at: l.eliminated_at.clone().unwrap_or_default(),
            prize: p.map(|p| p.label.clone()).unwrap_or_default(),
            cash: p.map(|p| rupiah(p.cash)).unwrap_or_default(),
            assistance: p.map(|p| rupiah(p.assistance)).unwrap_or_default(),
            trophy: p.is_some_and(|p| p.trophy),
            certificate: p.is_some_and(|p| p.certificate),
            shared_with: p.map_or(1, |p| p.shared_with),
        }
    }
}

/// Ranking, prize totals and stage headings of a published result.
#[derive(Clone, Debug, Serialize)]
struct ResultsView {
    stages: Vec<(String, String, u32)>,
    lines: Vec<LineView>,
    winners: Vec<LineView>,
    total_cash: String,
    total_assistance: String,
    cash_budget: String,
    assistance_budget: String,
    /// The final scores of the top entries as an inline SVG bar chart (empty: none ranked).
    chart: String,
}

impl ResultsView {
    fn of(p: &Published, lang: &str) -> Self {
        let lines: Vec<LineView> = p.lines.iter().map(|l| LineView::of(l, lang)).collect();
        let t = &p.totals;
        ResultsView {
            stages: p
                .stages
                .iter()
                .map(|s| (s.code.clone(), s.name.clone(), s.weight))
                .collect(),
            winners: p.winners().map(|l| LineView::of(l, lang)).collect(),
            chart: final_chart(p, lang),
            lines,
            total_cash: rupiah(t.cash),
            total_assistance: rupiah(t.assistance),
            cash_budget: t.cash_budget.map(rupiah).unwrap_or_else(|| "—".into()),
            assistance_budget: t
                .assistance_budget
                .map(rupiah)
                .unwrap_or_else(|| "—".into()),
        }
    }
}

/// How many of the best entries the final-score chart shows.
const CHART_TOP: usize = 10;

/// The final scores of the top entries (those not cut at a shortlist), best first.
fn final_chart(p: &Published, lang: &str) -> String {
    let top: Vec<&Line> = p
        .lines
        .iter()
        .filter(|l| l.eliminated_at.is_none())
        .take(CHART_TOP)
        .collect();
    let best = top.iter().map(|l| l.final_score).max().unwrap_or(0);
    let max = Points::from_units(best).max(Points::from_whole(100));
    let mut chart = BarChart::new("final-chart", &i18n::t(lang, "res-final-chart"), max)
        .series(vec![i18n::t(lang, "res-col-final")]);
    for l in top {
        let label = format!("{}. {}", l.rank, l.village.name);
        chart.group(label, vec![Some(Points::from_units(l.final_score))]);
    }
    if chart.is_empty() {
        String::new()
    } else {
        chart.svg()
    }
}

/// A stored snapshot's published results, or an internal error if unreadable.
fn published_of(s: &entity::result_snapshot::Model) -> Result<Published, AppError> {
    Ok(crate::app::results::published_of(s)?)
}

/// An appeal's attachment (404 if it has none).
async fn appeal_attachment(
    storage: &crate::storage::Storage,
    a: &entity::appeal::Model,
) -> Result<crate::downloads::UploadedFile, AppError> {
    stored_file(
        storage,
        a.attachment_stored.as_deref(),
        a.attachment_type.as_deref(),
        a.attachment_name.as_deref(),
    )
    .await
}

/// A stored upload (appeal attachments, transfer proofs), served in a sandbox under its
/// sanitized label.
async fn stored_file(
    storage: &crate::storage::Storage,
    stored: Option<&str>,
    content_type: Option<&str>,
    label: Option<&str>,
) -> Result<crate::downloads::UploadedFile, AppError> {
    let stored = stored.ok_or(AppError::NotFound)?;
    let body = crate::routes::upload::stored_bytes(storage, stored).await?;
    let label = label.unwrap_or_else(|| stored.rsplit('/').next().unwrap_or_default());
    Ok(crate::downloads::UploadedFile::new(
        body,
        content_type,
        label,
    ))
}

/// The web answer to a refused or failed results action (`app::results`).
impl From<crate::app::results::Error> for AppError {
    fn from(e: crate::app::results::Error) -> Self {
        use crate::app::results::Error;
        match e {
            Error::NotFound => AppError::NotFound,
            Error::Conflict(m) => AppError::Conflict(m),
            Error::Db(e) => e.into(),
            Error::Io(e) => AppError::Internal(format!("storing upload: {e}")),
            Error::Internal(m) => AppError::Internal(m),
        }
    }
}

/// Reads and checks an optional uploaded file (an empty part is no file); a refused file
/// becomes an error on `field`.
async fn checked_upload(
    file: Option<&rocket::fs::TempFile<'_>>,
    config: &crate::AppConfig,
    lang: &str,
    state: &mut crate::forms::FormState,
    field: &str,
) -> Result<Option<crate::app::results::files::NewFile>, AppError> {
    let Some(f) = file.filter(|f| f.len() > 0) else {
        return Ok(None);
    };
    let max = config.max_upload_bytes;
    let upload = crate::routes::upload::read(f, max).await?;
    match crate::uploads::check(&upload.bytes, max) {
        Ok(checked) => Ok(Some(crate::app::results::files::NewFile {
            name: crate::uploads::sanitize_name(&upload.raw_name),
            checked,
            bytes: upload.bytes,
        })),
        Err(refusal) => {
            let mb = max.div_ceil(1024 * 1024).to_string();
            state.add(
                field,
                i18n::t_args(lang, refusal.message_key(), &[("mb", mb)]),
            );
            Ok(None)
        }
    }
}

/// An optional file of an API `multipart/form-data` body, checked as on the pages: a refused
/// file is a 422 under `field`.
async fn api_upload(
    file: Option<&rocket::fs::TempFile<'_>>,
    config: &crate::AppConfig,
    lang: &str,
    field: &str,
) -> Result<Option<crate::app::results::files::NewFile>, AppError> {
    let mut state = crate::forms::FormState::default();
    let checked = checked_upload(file, config, lang, &mut state, field).await?;
    if state.is_ok() {
        Ok(checked)
    } else {
        Err(crate::routes::api::support::invalid_state(state))
    }
}
