//! The committee's judging page per stage: panel builder (with aspect limits), automatic and
//! manual assignment, progress per judge and per entry, reopening sheets, closing the stage,
//! and the presentation draw with its schedule. Every action is a CSRF-checked POST that
//! redirects back with a flash message; competitions outside the admin's scope answer 404.

use chrono::{NaiveDateTime, Utc};
use entity::{competition, stage};
use rocket::form::FromForm;
use rocket::response::{Flash, Redirect};
use rocket::{Route, State, get, post, routes};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;
use serde::Serialize;
use uuid::Uuid;

use crate::auth::{AdminUser, csrf::CsrfForm};
use crate::db::competition_setup;
use crate::db::competitions;
use crate::db::judging::progress::{self, CloseRefusal, Progress};
use crate::db::judging::{assign, draw, panels, sheets, split_ids};
use crate::error::AppError;
use crate::ids::CompetitionId;
use crate::views::Page;

/// The competition (in the admin's scope) and its stage, or 404.
async fn load(
    db: &DatabaseConnection,
    who: &AdminUser,
    cid: Uuid,
    sid: Uuid,
) -> Result<(competition::Model, stage::Model), AppError> {
    let c = competitions::find_for_admin(db, CompetitionId::from(cid), &who.0)
        .await?
        .ok_or(AppError::NotFound)?;
    let s = competition_setup::find_stage(db, c.id, sid)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((c, s))
}

fn back(cid: Uuid, sid: Uuid) -> Redirect {
    Redirect::to(format!("/admin/competitions/{cid}/judging/{sid}"))
}

fn done(cid: Uuid, sid: Uuid, page: &Page, ok: bool, key: &str) -> Flash<Redirect> {
    if ok {
        Flash::success(back(cid, sid), page.t(key))
    } else {
        Flash::error(back(cid, sid), page.t(key))
    }
}

/// What the pages show of a competition.
#[derive(Serialize)]
struct CompView {
    id: Uuid,
    name: String,
    status: String,
    judging_closes_at: Option<chrono::DateTime<chrono::FixedOffset>>,
}

impl CompView {
    fn of(c: &competition::Model) -> Self {
        CompView {
            id: c.id,
            name: c.name.clone(),
            status: c.status.clone(),
            judging_closes_at: c.judging_closes_at,
        }
    }
}

/// What the pages show of a stage.
#[derive(Serialize)]
struct StageView {
    id: Uuid,
    code: String,
    name: String,
    kind: String,
    judges_per_entry: i32,
    closed_at: Option<chrono::DateTime<chrono::FixedOffset>>,
    close_note: String,
    draw_seed: Option<i64>,
    drawn_at: Option<chrono::DateTime<chrono::FixedOffset>>,
}

impl StageView {
    fn of(s: &stage::Model) -> Self {
        StageView {
            id: s.id,
            code: s.code.clone(),
            name: s.name.clone(),
            kind: s.kind.clone(),
            judges_per_entry: s.judges_per_entry,
            closed_at: s.closed_at,
            close_note: s.close_note.clone(),
            draw_seed: s.draw_seed,
            drawn_at: s.drawn_at,
        }
    }
}

#[derive(Serialize)]
struct StageLink {
    id: Uuid,
    code: String,
    name: String,
    closed: bool,
    progress: Progress,
}

#[derive(Serialize)]
struct Overview {
    page: Page,
    competition: CompView,
    stages: Vec<StageLink>,
}

#[get("/admin/competitions/<cid>/judging")]
async fn overview(
    page: Page,
    who: AdminUser,
    cid: Uuid,
    db: &State<DatabaseConnection>,
) -> Result<Template, AppError> {
    let db = db.inner();
    let c = competitions::find_for_admin(db, CompetitionId::from(cid), &who.0)
        .await?
        .ok_or(AppError::NotFound)?;
    let now = Utc::now().fixed_offset();
    let mut stages = Vec::new();
    for s in competition_setup::list_stages(db, c.id).await? {
        stages.push(StageLink {
            progress: progress::of_stage(db, &c, &s, now).await?,
            id: s.id,
            code: s.code,
            name: s.name,
            closed: s.closed_at.is_some(),
        });
    }
    Ok(Template::render(
        "judging/admin_overview",
        &Overview {
            page,
            competition: CompView::of(&c),
            stages,
        },
    ))
}

#[derive(Serialize)]
struct Named {
    id: Uuid,
    name: String,
}

#[derive(Serialize)]
struct PanelRow {
    judge: Named,
    aspects: Vec<String>,
}

#[derive(Serialize)]
struct SheetRow {
    id: Uuid,
    judge: String,
    status: String,
    reopen_reason: String,
}

#[derive(Serialize)]
struct EntryRow {
    id: Uuid,
    village_code: String,
    sheets: Vec<SheetRow>,
}

#[derive(Serialize)]
struct JudgeProgress {
    name: String,
    counts: progress::Counts,
}

#[derive(Serialize)]
struct SlotRow {
    position: i32,
    village_code: String,
    starts_at: Option<chrono::DateTime<chrono::FixedOffset>>,
}

#[derive(Serialize)]
struct StagePage {
    page: Page,
    competition: CompView,
    stage: StageView,
    panel: Vec<PanelRow>,
    judges: Vec<Named>,
    aspects: Vec<Named>,
    entries: Vec<EntryRow>,
    judge_progress: Vec<JudgeProgress>,
    progress: Progress,
    slots: Vec<SlotRow>,
    /// Entries with sheets not yet submitted (what closing now would leave incomplete).
    incomplete: Vec<String>,
}

#[get("/admin/competitions/<cid>/judging/<sid>")]
async fn stage_page(
    page: Page,
    who: AdminUser,
    cid: Uuid,
    sid: Uuid,
    db: &State<DatabaseConnection>,
) -> Result<Template, AppError> {
    let db = db.inner();
    let (c, s) = load(db, &who, cid, sid).await?;
    let judges = panels::judges(db).await?;
    let name_of = |id: Uuid| {
        judges
            .iter()
            .find(|j| j.id == id)
            .map_or_else(|| id.to_string(), |j| j.display_name.clone())
    };
    let criteria = sheets::criteria(db, s.id).await?;
    let aspects: Vec<Named> = criteria
        .iter()
        .filter(|c| c.parent_id.is_none())
        .map(|c| Named {
            id: c.id,
            name: format!("{} {}", c.code, c.name),
        })
        .collect();
    let panel = panels::list(db, s.id)
        .await?
        .into_iter()
        .map(|p| PanelRow {
            judge: Named {
                id: p.judge_id,
                name: name_of(p.judge_id),
            },
            aspects: split_ids(&p.aspect_ids)
                .into_iter()
                .filter_map(|id| aspects.iter().find(|a| a.id == id).map(|a| a.name.clone()))
                .collect(),
        })
        .collect();
    let all_sheets = assign::sheets_of_stage(db, s.id).await?;
    let noms = assign::entries(db, c.id).await?;
    let entries = noms
        .iter()
        .map(|n| EntryRow {
            id: n.id,
            village_code: n.village_code.clone(),
            sheets: all_sheets
                .iter()
                .filter(|x| x.nomination_id == n.id)
                .map(|x| SheetRow {
                    id: x.id,
                    judge: name_of(x.judge_id),
                    status: x.status.clone(),
                    reopen_reason: x.reopen_reason.clone(),
                })
                .collect(),
        })
        .collect();
    let now = Utc::now().fixed_offset();
    let progress = progress::of_stage(db, &c, &s, now).await?;
    let judge_progress = progress
        .by_judge
        .iter()
        .map(|p| JudgeProgress {
            name: name_of(p.id),
            counts: p.clone(),
        })
        .collect();
    let slots = draw::slots(db, s.id)
        .await?
        .into_iter()
        .map(|slot| SlotRow {
            position: slot.position,
            village_code: noms
                .iter()
                .find(|n| n.id == slot.nomination_id)
                .map(|n| n.village_code.clone())
                .unwrap_or_default(),
            starts_at: slot.starts_at,
        })
        .collect();
    let incomplete = progress
        .by_entry
        .iter()
        .filter(|e| e.missing() > 0)
        .filter_map(|e| noms.iter().find(|n| n.id == e.id))
        .map(|n| n.village_code.clone())
        .collect();
    let view = StagePage {
        incomplete,
        page,
        competition: CompView::of(&c),
        stage: StageView::of(&s),
        panel,
        judges: judges
            .iter()
            .map(|j| Named {
                id: j.id,
                name: j.display_name.clone(),
            })
            .collect(),
        aspects,
        entries,
        judge_progress,
        progress,
        slots,
    };
    Ok(Template::render("judging/admin_stage", &view))
}

#[derive(FromForm)]
struct PanelForm {
    judge_id: Uuid,
    aspects: Vec<Uuid>,
}

#[post("/admin/competitions/<cid>/judging/<sid>/panel", data = "<form>")]
async fn panel_add(
    page: Page,
    who: AdminUser,
    cid: Uuid,
    sid: Uuid,
    form: CsrfForm<'_, PanelForm>,
    db: &State<DatabaseConnection>,
) -> Result<Flash<Redirect>, AppError> {
    let db = db.inner();
    let (c, s) = load(db, &who, cid, sid).await?;
    let Some(f) = form.0.value.as_ref() else {
        return Ok(done(c.id, s.id, &page, false, "jdg-err-form"));
    };
    let judges = panels::judges(db).await?;
    let criteria = sheets::criteria(db, s.id).await?;
    let aspects_ok = f
        .aspects
        .iter()
        .all(|a| criteria.iter().any(|c| c.id == *a && c.parent_id.is_none()));
    if !judges.iter().any(|j| j.id == f.judge_id) || !aspects_ok {
        return Ok(done(c.id, s.id, &page, false, "jdg-err-form"));
    }
    panels::upsert(db, s.id, f.judge_id, &f.aspects).await?;
    Ok(done(c.id, s.id, &page, true, "jdg-flash-panel"))
}

#[derive(FromForm)]
struct JudgeForm {
    judge_id: Uuid,
}

#[post(
    "/admin/competitions/<cid>/judging/<sid>/panel/remove",
    data = "<form>"
)]
async fn panel_remove(
    page: Page,
    who: AdminUser,
    cid: Uuid,
    sid: Uuid,
    form: CsrfForm<'_, JudgeForm>,
    db: &State<DatabaseConnection>,
) -> Result<Flash<Redirect>, AppError> {
    let db = db.inner();
    let (c, s) = load(db, &who, cid, sid).await?;
    let Some(f) = form.0.value.as_ref() else {
        return Ok(done(c.id, s.id, &page, false, "jdg-err-form"));
    };
    let ok = panels::remove(db, s.id, f.judge_id).await?;
    Ok(done(
        c.id,
        s.id,
        &page,
        ok,
        if ok {
            "jdg-flash-panel"
        } else {
            "jdg-err-form"
        },
    ))
}

#[derive(FromForm)]
struct AutoForm<'r> {
    seed: Option<&'r str>,
}

#[post("/admin/competitions/<cid>/judging/<sid>/assign/auto", data = "<form>")]
async fn auto(
    page: Page,
    who: AdminUser,
    cid: Uuid,
    sid: Uuid,
    form: CsrfForm<'_, AutoForm<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<Flash<Redirect>, AppError> {
    let db = db.inner();
    let (c, s) = load(db, &who, cid, sid).await?;
    let seed = match form.0.value.as_ref().and_then(|f| f.seed).map(str::trim) {
        None | Some("") => rand::random::<u64>(),
        Some(text) => match text.parse::<u64>() {
            Ok(n) => n,
            Err(_) => return Ok(done(c.id, s.id, &page, false, "jdg-err-seed")),
        },
    };
    Ok(
        match assign::auto_assign(db, &s, seed, who.0.id.into_uuid()).await? {
            Ok(_) => done(c.id, s.id, &page, true, "jdg-flash-assigned"),
            Err(r) => done(c.id, s.id, &page, false, r.message_key()),
        },
    )
}

#[derive(FromForm)]
struct AssignForm {
    nomination_id: Uuid,
    judge_id: Uuid,
}

#[post("/admin/competitions/<cid>/judging/<sid>/assign", data = "<form>")]
async fn assign_one(
    page: Page,
    who: AdminUser,
    cid: Uuid,
    sid: Uuid,
    form: CsrfForm<'_, AssignForm>,
    db: &State<DatabaseConnection>,
) -> Result<Flash<Redirect>, AppError> {
    let db = db.inner();
    let (c, s) = load(db, &who, cid, sid).await?;
    let Some(f) = form.0.value.as_ref() else {
        return Ok(done(c.id, s.id, &page, false, "jdg-err-form"));
    };
    let noms = assign::entries(db, c.id).await?;
    let judges = panels::judges(db).await?;
    let (Some(n), true) = (
        noms.iter().find(|n| n.id == f.nomination_id),
        judges.iter().any(|j| j.id == f.judge_id),
    ) else {
        return Ok(done(c.id, s.id, &page, false, "jdg-err-form"));
    };
    Ok(
        match assign::assign_one(db, &s, n, f.judge_id, who.0.id.into_uuid()).await? {
            Ok(_) => done(c.id, s.id, &page, true, "jdg-flash-assigned"),
            Err(r) => done(c.id, s.id, &page, false, r.message_key()),
        },
    )
}

#[post(
    "/admin/competitions/<cid>/judging/<sid>/sheets/<sheet>/unassign",
    data = "<_form>"
)]
async fn unassign(
    page: Page,
    who: AdminUser,
    cid: Uuid,
    sid: Uuid,
    sheet: Uuid,
    _form: CsrfForm<'_, crate::auth::csrf::Only<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<Flash<Redirect>, AppError> {
    let db = db.inner();
    let (c, s) = load(db, &who, cid, sid).await?;
    Ok(match assign::unassign(db, s.id, sheet).await? {
        Ok(()) => done(c.id, s.id, &page, true, "jdg-flash-unassigned"),
        Err(r) => done(c.id, s.id, &page, false, r.message_key()),
    })
}

#[derive(FromForm)]
struct ReasonForm<'r> {
    reason: &'r str,
}

#[post(
    "/admin/competitions/<cid>/judging/<sid>/sheets/<sheet>/reopen",
    data = "<form>"
)]
async fn reopen(
    page: Page,
    who: AdminUser,
    cid: Uuid,
    sid: Uuid,
    sheet: Uuid,
    form: CsrfForm<'_, ReasonForm<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<Flash<Redirect>, AppError> {
    let db = db.inner();
    let (c, s) = load(db, &who, cid, sid).await?;
    let ctx = sheets::find_in_stage(db, s.id, sheet)
        .await?
        .ok_or(AppError::NotFound)?;
    let reason = form.0.value.as_ref().map(|f| f.reason.trim()).unwrap_or("");
    if reason.is_empty() {
        return Ok(done(c.id, s.id, &page, false, "jdg-err-reason"));
    }
    let now = Utc::now().fixed_offset();
    let ok = sheets::reopen(db, &ctx, reason, who.0.id.into_uuid(), now).await?;
    Ok(done(
        c.id,
        s.id,
        &page,
        ok,
        if ok {
            "jdg-flash-reopened"
        } else {
            "jdg-err-not-submitted"
        },
    ))
}

#[derive(FromForm)]
struct CloseForm<'r> {
    force: bool,
    note: &'r str,
}

#[post("/admin/competitions/<cid>/judging/<sid>/close", data = "<form>")]
async fn close(
    page: Page,
    who: AdminUser,
    cid: Uuid,
    sid: Uuid,
    form: CsrfForm<'_, CloseForm<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<Flash<Redirect>, AppError> {
    let db = db.inner();
    let (c, s) = load(db, &who, cid, sid).await?;
    let (force, note) = form
        .0
        .value
        .as_ref()
        .map_or((false, ""), |f| (f.force, f.note));
    let now = Utc::now().fixed_offset();
    let actor = who.0.id.into_uuid();
    Ok(
        match progress::close(db, &c, s, force, note, actor, now).await? {
            Ok(s) => done(c.id, s.id, &page, true, "jdg-flash-closed"),
            Err(CloseRefusal::AlreadyClosed) => {
                done(c.id, sid, &page, false, "jdg-err-already-closed")
            }
            Err(CloseRefusal::SheetsMissing(_)) => {
                done(c.id, sid, &page, false, "jdg-err-sheets-missing")
            }
        },
    )
}

#[post("/admin/competitions/<cid>/judging/<sid>/draw", data = "<form>")]
async fn draw_order(
    page: Page,
    who: AdminUser,
    cid: Uuid,
    sid: Uuid,
    form: CsrfForm<'_, AutoForm<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<Flash<Redirect>, AppError> {
    let db = db.inner();
    let (c, s) = load(db, &who, cid, sid).await?;
    let seed = match form.0.value.as_ref().and_then(|f| f.seed).map(str::trim) {
        None | Some("") => rand::random::<i64>(),
        Some(text) => match text.parse::<i64>() {
            Ok(n) => n,
            Err(_) => return Ok(done(c.id, sid, &page, false, "jdg-err-seed")),
        },
    };
    let now = Utc::now().fixed_offset();
    Ok(
        match draw::draw(db, s, seed, who.0.id.into_uuid(), now).await? {
            Some(_) => done(c.id, sid, &page, true, "jdg-flash-drawn"),
            None => done(c.id, sid, &page, false, "jdg-err-drawn"),
        },
    )
}

#[derive(FromForm)]
struct ScheduleForm<'r> {
    start: &'r str,
    #[field(validate = range(1..=600))]
    minutes: i64,
}

#[post("/admin/competitions/<cid>/judging/<sid>/schedule", data = "<form>")]
async fn schedule(
    page: Page,
    who: AdminUser,
    cid: Uuid,
    sid: Uuid,
    form: CsrfForm<'_, ScheduleForm<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<Flash<Redirect>, AppError> {
    let db = db.inner();
    let (c, s) = load(db, &who, cid, sid).await?;
    let parsed = form.0.value.as_ref().and_then(|f| {
        NaiveDateTime::parse_from_str(f.start, "%Y-%m-%dT%H:%M")
            .ok()
            .map(|start| (start.and_utc().fixed_offset(), f.minutes))
    });
    let Some((start, minutes)) = parsed else {
        return Ok(done(c.id, s.id, &page, false, "jdg-err-form"));
    };
    draw::schedule(db, s.id, start, minutes).await?;
    Ok(done(c.id, s.id, &page, true, "jdg-flash-scheduled"))
}

/// Routes of this file.
pub fn routes() -> Vec<Route> {
    routes![
        overview,
        stage_page,
        panel_add,
        panel_remove,
        auto,
        assign_one,
        unassign,
        reopen,
        close,
        draw_order,
        schedule
    ]
}
