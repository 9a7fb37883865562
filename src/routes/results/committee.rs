//! The committee's results page: a fresh preview (ranking, tie-breaks, incomplete entries,
//! shortlists, reliability statistics, outlying sheets, prize allocation against the budget),
//! the plenary minutes, the announcement, the versions, appeals, exports and advancing winners.

use chrono::NaiveDate;
use entity::{competition, user};
use rocket::form::FromForm;
use rocket::http::Status;
use rocket::response::{Flash, Redirect, Responder};
use rocket::{Route, State, get, post, routes};
use rocket_dyn_templates::Template;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait};
use serde::Serialize;
use std::collections::HashMap;
use uuid::Uuid;

use super::{ResultsView, describe_refusal, load_admin, published_of};
use crate::auth::AdminUser;
use crate::auth::csrf::CsrfForm;
use crate::db::audit::{self, NewEvent};
use crate::db::competitions::{self, Status as CompStatus};
use crate::db::nominations;
use crate::db::results::{appeals, minutes, shortlist, snapshots};
use crate::error::AppError;
use crate::forms::FormState;
use crate::i18n;
use crate::ids::{CompetitionId, NominationId, UserId};
use crate::app::results::announce::{self, AnnounceError};
use crate::results::stats::{StageStats, stage_stats};
use crate::results::{self, Published};
use crate::views::Page;

#[derive(Serialize)]
struct CompetitionView {
    id: String,
    name: String,
    year: i32,
    status: String,
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
    status: String,
    hash: String,
    reason: String,
    announced_at: String,
}

#[derive(Serialize)]
struct MinutesView {
    held_on: String,
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
    status: String,
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
    let status = CompStatus::parse(&c.status);
    let announced = matches!(status, Some(CompStatus::Announced | CompStatus::Archived));
    let mut view = PreviewView {
        competition: CompetitionView {
            id: c.id.to_string(),
            name: c.name.clone(),
            year: c.year,
            status: c.status.clone(),
            appeals_enabled: c.appeals_enabled,
        },
        page,
        problems: Vec::new(),
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
            Ok(computed) => Some(computed.published),
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
        let judges: HashMap<Uuid, String> = user::Entity::find()
            .filter(user::Column::Id.is_in(judge_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|u| (u.id, u.display_name))
            .collect();
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
            announced_at: crate::views::format::wib(s.announced_at),
        })
        .collect();
    if announced {
        view.targets = advance_targets(db, c, &view.page).await?;
        view.stale_advanced = nominations::advance_sync::stale_from(db, c, view.page.lang).await?;
    }
    view.minutes = minutes::latest(db, c.id).await?.map(|m| MinutesView {
        held_on: m.held_on.format("%d-%m-%Y").to_string(),
        place: m.place,
        members: m.members,
        decision: m.decision,
    });
    Ok(view)
}

/// Competitions exactly one level up, same category, whose region holds this one's, still
/// taking entries (not announced or archived), in the admin's scope.
async fn advance_targets(
    db: &DatabaseConnection,
    c: &competition::Model,
    page: &Page,
) -> Result<Vec<(String, String)>, AppError> {
    let Some(user) = &page.user else {
        return Ok(Vec::new());
    };
    let rank = |l: &str| {
        competitions::Level::parse(l)
            .and_then(|l| competitions::Level::ALL.iter().position(|x| *x == l))
    };
    let own = rank(&c.level);
    Ok(competitions::list_for_admin(db, user)
        .await?
        .into_iter()
        .filter(|t| t.category == c.category)
        .filter(|t| matches!((rank(&t.level), own), (Some(a), Some(b)) if a == b + 1))
        .filter(|t| match (&t.region_code, &c.region_code) {
            (None, _) => true,
            (Some(outer), Some(inner)) => crate::registry::Level::contains(outer, inner),
            (Some(_), None) => false,
        })
        .filter(|t| {
            !matches!(
                CompStatus::parse(&t.status),
                Some(CompStatus::Announced | CompStatus::Archived)
            )
        })
        .map(|t| (t.id.to_string(), format!("{} ({})", t.name, t.year)))
        .collect())
}

/// Results are computed once judging has started.
pub(super) fn ensure_judging_started(c: &competition::Model, page: &Page) -> Result<(), AppError> {
    match CompStatus::parse(&c.status) {
        Some(CompStatus::Draft | CompStatus::Open) | None => {
            Err(AppError::Conflict(page.t("res-err-not-judging")))
        }
        _ => Ok(()),
    }
}

#[get("/admin/competitions/<id>/results")]
async fn show(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    db: &State<DatabaseConnection>,
) -> Result<Template, AppError> {
    let db = db.inner();
    let c = load_admin(db, id, &who.0).await?;
    ensure_judging_started(&c, &page)?;
    let view = preview_view(db, page, &c, FormState::default()).await?;
    Ok(Template::render("results/committee", &view))
}

/// A form handler's answer: a redirect after success, or the page again with its errors.
#[derive(Responder)]
enum Reply {
    Done(Flash<Redirect>),
    Page((Status, Template)),
}

fn results_path(c: &competition::Model) -> String {
    format!("/admin/competitions/{}/results", c.id)
}

async fn invalid(
    db: &DatabaseConnection,
    page: Page,
    c: &competition::Model,
    form: FormState,
) -> Result<Reply, AppError> {
    let view = preview_view(db, page, c, form).await?;
    Ok(Reply::Page((
        Status::UnprocessableEntity,
        Template::render("results/committee", &view),
    )))
}

#[derive(FromForm)]
struct MinutesForm {
    held_on: Option<String>,
    place: Option<String>,
    members: Option<String>,
    decision: Option<String>,
}

#[post("/admin/competitions/<id>/results/minutes", data = "<form>")]
async fn record_minutes(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    form: CsrfForm<'_, MinutesForm>,
    db: &State<DatabaseConnection>,
) -> Result<Reply, AppError> {
    let db = db.inner();
    let c = load_admin(db, id, &who.0).await?;
    ensure_judging_started(&c, &page)?;
    crate::integrity::ensure_open(&c, page.lang)?;
    let mut state = FormState::from_context(&form.0.context, page.lang);
    let input = form.0.value.as_ref();
    let text = |f: fn(&MinutesForm) -> &Option<String>| {
        input
            .and_then(|i| f(i).as_deref())
            .map(str::trim)
            .unwrap_or("")
            .to_owned()
    };
    let held_on = NaiveDate::parse_from_str(&text(|f| &f.held_on), "%Y-%m-%d")
        .ok()
        .filter(|d| crate::forms::plausible_date(*d));
    if held_on.is_none() {
        state.add_key("held_on", page.lang, "res-err-date");
    }
    let (place, members, decision) = (
        text(|f| &f.place),
        text(|f| &f.members),
        text(|f| &f.decision),
    );
    for (field, value) in [
        ("place", &place),
        ("members", &members),
        ("decision", &decision),
    ] {
        if value.is_empty() {
            state.add_key(field, page.lang, "res-err-required");
        }
    }
    let Some(held_on) = held_on.filter(|_| state.is_ok()) else {
        return invalid(db, page, &c, state).await;
    };
    minutes::insert(
        db,
        c.id,
        minutes::NewMinutes {
            held_on,
            place,
            members,
            decision,
        },
        who.0.id.into_uuid(),
    )
    .await?;
    Ok(Reply::Done(Flash::success(
        Redirect::to(results_path(&c)),
        page.t("res-flash-minutes"),
    )))
}

#[derive(FromForm)]
struct AnnounceForm {
    publish_comments: bool,
}

#[post("/admin/competitions/<id>/results/announce", data = "<form>")]
async fn announce_results(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    form: CsrfForm<'_, AnnounceForm>,
    db: &State<DatabaseConnection>,
) -> Result<Reply, AppError> {
    let publish_comments = form.0.value.as_ref().is_some_and(|f| f.publish_comments);
    let db = db.inner();
    let c = load_admin(db, id, &who.0).await?;
    if minutes::latest(db, c.id).await?.is_none() {
        let mut state = FormState::default();
        state.form_errors.push(page.t("res-err-minutes-first"));
        return invalid(db, page, &c, state).await;
    }
    let path = results_path(&c);
    match announce::announce(db, c.clone(), who.0.id.into_uuid(), publish_comments).await {
        Ok(s) => {
            let msg = i18n::t_args(
                page.lang,
                "res-flash-announced",
                &[("version", s.version.to_string())],
            );
            Ok(Reply::Done(Flash::success(Redirect::to(path), msg)))
        }
        Err(e) => announce_failed(db, page, &c, e).await,
    }
}

/// Renders the page with the reason an announcement or correction failed.
async fn announce_failed(
    db: &DatabaseConnection,
    page: Page,
    c: &competition::Model,
    e: AnnounceError,
) -> Result<Reply, AppError> {
    let mut state = FormState::default();
    match e {
        AnnounceError::Db(e) => return Err(e.into()),
        AnnounceError::WrongStatus => state.form_errors.push(page.t("res-err-status")),
        AnnounceError::ReasonMissing => state.add_key("reason", page.lang, "res-err-reason"),
        AnnounceError::UnknownScore => state.form_errors.push(page.t("res-err-score")),
        AnnounceError::NothingChanged => state.form_errors.push(page.t("res-err-nothing")),
        AnnounceError::Refused(r) => state.form_errors = describe_refusal(&r, page.lang),
    }
    invalid(db, page, c, state).await
}

#[get("/admin/competitions/<id>/results/v/<version>")]
async fn version(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    version: i32,
    db: &State<DatabaseConnection>,
) -> Result<Template, AppError> {
    let db = db.inner();
    let c = load_admin(db, id, &who.0).await?;
    super::public::render_version(db, page, &c, version).await
}

#[derive(FromForm)]
struct AdvanceForm {
    target: Option<String>,
    top: Option<u32>,
}

#[post("/admin/competitions/<id>/results/advance", data = "<form>")]
async fn advance(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    form: CsrfForm<'_, AdvanceForm>,
    db: &State<DatabaseConnection>,
) -> Result<Reply, AppError> {
    let db = db.inner();
    let c = load_admin(db, id, &who.0).await?;
    let input = form.0.value.as_ref();
    let mut state = FormState::from_context(&form.0.context, page.lang);
    let target_id = input
        .and_then(|f| f.target.as_deref())
        .and_then(|t| Uuid::parse_str(t.trim()).ok());
    let target = match target_id {
        Some(t) => competitions::find_for_admin(db, CompetitionId::from(t), &who.0).await?,
        None => None,
    };
    let top = input.and_then(|f| f.top).filter(|n| *n >= 1);
    if target.is_none() {
        state.add_key("target", page.lang, "res-err-target");
    }
    if top.is_none() {
        state.add_key("top", page.lang, "res-err-top");
    }
    let snapshot = snapshots::current(db, c.id).await?;
    if snapshot.is_none() {
        state.form_errors.push(page.t("res-err-not-announced"));
    }
    let (Some(target), Some(top), Some(snapshot)) = (target, top, snapshot) else {
        return invalid(db, page, &c, state).await;
    };
    crate::integrity::ensure_open(&target, page.lang)?;
    let published = published_of(&snapshot)?;
    // Prize winners only: the rule in `advance_into` refuses anyone else anyway.
    let winners: Vec<NominationId> = published
        .winners()
        .filter(|l| l.eliminated_at.is_none() && l.rank <= top)
        .map(|l| NominationId::from(l.nomination_id))
        .collect();
    let report =
        nominations::advance_into(db, &target, &winners, UserId::from(who.0.id.into_uuid()))
            .await?;
    if report.created.is_empty() {
        // A refusal, never "0 winners advanced" as a success: say why.
        state.form_errors.push(page.t("adv-err-none-advanced"));
        if winners.is_empty() {
            state.form_errors.push(page.t("adv-skip-not-winner"));
        }
        state
            .form_errors
            .extend(crate::routes::nominations::describe_skips(db, &report, page.lang).await?);
        return invalid(db, page, &c, state).await;
    }
    let msg = i18n::t_args(
        page.lang,
        "res-flash-advanced",
        &[
            ("count", report.created.len().to_string()),
            ("target", target.name.clone()),
        ],
    );
    Ok(Reply::Done(Flash::success(
        Redirect::to(results_path(&c)),
        msg,
    )))
}

#[post(
    "/admin/competitions/<id>/results/stages/<stage>/advance",
    data = "<_form>"
)]
async fn advance_shortlist(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    stage: &str,
    _form: CsrfForm<'_, crate::auth::csrf::Only<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<Reply, AppError> {
    let db = db.inner();
    let c = load_admin(db, id, &who.0).await?;
    if CompStatus::parse(&c.status) != Some(CompStatus::Judging) {
        return Err(AppError::Conflict(page.t("res-err-status")));
    }
    let computed = match results::compute(db, &c).await? {
        Ok(computed) => computed,
        Err(r) => {
            return Err(AppError::Conflict(
                describe_refusal(&r, page.lang).join("; "),
            ));
        }
    };
    let stages = &computed.setup.data.stages;
    let index = stages
        .iter()
        .position(|s| s.fields.code == stage)
        .ok_or(AppError::NotFound)?;
    let next = stages
        .get(index + 1)
        .and_then(|s| s.id)
        .ok_or_else(|| AppError::Conflict(page.t("res-err-last-stage")))?;
    let report = computed
        .published
        .result
        .stages
        .get(index)
        .ok_or_else(|| AppError::Conflict(page.t("res-err-last-stage")))?;
    let entries: Vec<Uuid> = report
        .advanced
        .iter()
        .map(|e| crate::db::results::inputs::nomination_of(*e))
        .collect();
    let txn = db.begin().await?;
    let done = shortlist::assign_next_stage(&txn, next, &entries, who.0.id.into_uuid()).await?;
    audit::record(
        &txn,
        NewEvent {
            competition_id: Some(c.id),
            actor_id: Some(who.0.id.into_uuid()),
            action: "results.shortlist_advanced".into(),
            details: format!(
                "{stage}: {} entries, {} sheets",
                entries.len(),
                done.created
            ),
            ..Default::default()
        },
    )
    .await?;
    txn.commit().await?;
    let msg = i18n::t_args(
        page.lang,
        "res-flash-shortlist",
        &[
            ("count", entries.len().to_string()),
            ("sheets", done.created.to_string()),
        ],
    );
    Ok(Reply::Done(Flash::success(
        Redirect::to(results_path(&c)),
        msg,
    )))
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![
        advance_shortlist,
        show,
        record_minutes,
        announce_results,
        version,
        advance
    ]
}
