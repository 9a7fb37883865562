//! Committee actions on a stage's sheets and schedule: reopen a submitted sheet with a reason,
//! close the stage (explicitly when sheets are missing), draw the presentation order by lot
//! and set its schedule.

use chrono::Utc;
use rocket::form::FromForm;
use rocket::{Route, post, routes};

use super::admin::{done, open_stage, refuse};
use super::admin_assign::{SeedForm, refuse_seed};
use crate::app::competition::zone;
use crate::app::judging::sheets as rules;
use crate::auth::csrf::CsrfForm;
use crate::competition_forms::parse_time;
use crate::db::judging::progress::{self, CloseRefusal};
use crate::db::judging::{draw, sheets};
use crate::error::AppError;
use crate::ids::{SheetId, StageId};
use crate::routes::reply::FormReply;
use crate::routes::scope::AdminScope;
use crate::views::Page;

#[derive(FromForm)]
struct ReasonForm<'r> {
    reason: &'r str,
}

#[post(
    "/admin/competitions/<_>/judging/<sid>/sheets/<sheet>/reopen",
    data = "<form>"
)]
async fn reopen(
    page: Page,
    a: AdminScope<'_>,
    sid: StageId,
    sheet: SheetId,
    form: CsrfForm<'_, ReasonForm<'_>>,
) -> Result<FormReply, AppError> {
    let s = open_stage(&a, sid, page.lang).await?;
    let db = a.db;
    let ctx = sheets::find_in_stage(db, s.id, sheet.into_uuid())
        .await?
        .ok_or(AppError::NotFound)?;
    let reason = form.0.value.as_ref().map(|f| f.reason.trim()).unwrap_or("");
    if reason.is_empty() {
        let errors = [("reason", "jdg-err-reason")];
        return refuse(&a, page, &s, format!("reopen-{sheet}"), &[], &errors).await;
    }
    let now = Utc::now().fixed_offset();
    let ok = rules::reopen(db, &ctx, reason, a.who.0.id.into_uuid(), now).await?;
    let key = if ok {
        "jdg-flash-reopened"
    } else {
        "jdg-err-not-submitted"
    };
    Ok(done(&s, &page, ok, key))
}

#[derive(FromForm)]
struct CloseForm<'r> {
    force: bool,
    note: Option<&'r str>,
}

#[post("/admin/competitions/<_>/judging/<sid>/close", data = "<form>")]
async fn close(
    page: Page,
    a: AdminScope<'_>,
    sid: StageId,
    form: CsrfForm<'_, CloseForm<'_>>,
) -> Result<FormReply, AppError> {
    let s = open_stage(&a, sid, page.lang).await?;
    let (db, c) = (a.db, &a.c);
    let (force, note) = form
        .0
        .value
        .as_ref()
        .map_or((false, ""), |f| (f.force, f.note.unwrap_or("")));
    let now = Utc::now().fixed_offset();
    let actor = a.who.0.id.into_uuid();
    match progress::close(db, c, s.clone(), force, note, actor, now).await? {
        Ok(s) => Ok(done(&s, &page, true, "jdg-flash-closed")),
        Err(CloseRefusal::AlreadyClosed) => Ok(done(&s, &page, false, "jdg-err-already-closed")),
        Err(CloseRefusal::SheetsMissing(_)) => {
            let field = if force { "note" } else { "force" };
            let values = [("note", note), ("force", if force { "true" } else { "" })];
            let errors = [(field, "jdg-err-sheets-missing")];
            refuse(&a, page, &s, "close".into(), &values, &errors).await
        }
    }
}

#[post("/admin/competitions/<_>/judging/<sid>/draw", data = "<form>")]
async fn draw_order(
    page: Page,
    a: AdminScope<'_>,
    sid: StageId,
    form: CsrfForm<'_, SeedForm<'_>>,
) -> Result<FormReply, AppError> {
    let s = open_stage(&a, sid, page.lang).await?;
    let db = a.db;
    let seed = match SeedForm::seed(form.0.value.as_ref(), rand::random::<i64>) {
        Ok(n) => n,
        Err(text) => return refuse_seed(&a, page, &s, "draw", &text).await,
    };
    let now = Utc::now().fixed_offset();
    let drawn = draw::draw(db, s.clone(), seed, a.who.0.id.into_uuid(), now).await?;
    let key = if drawn.is_some() {
        "jdg-flash-drawn"
    } else {
        "jdg-err-drawn"
    };
    Ok(done(&s, &page, drawn.is_some(), key))
}

#[derive(FromForm)]
struct ScheduleForm<'r> {
    start: &'r str,
    minutes: &'r str,
}

#[post("/admin/competitions/<_>/judging/<sid>/schedule", data = "<form>")]
async fn schedule(
    page: Page,
    a: AdminScope<'_>,
    sid: StageId,
    form: CsrfForm<'_, ScheduleForm<'_>>,
) -> Result<FormReply, AppError> {
    let s = open_stage(&a, sid, page.lang).await?;
    let (db, c) = (a.db, &a.c);
    let (start_text, minutes_text) = form
        .0
        .value
        .as_ref()
        .map_or(("", ""), |f| (f.start, f.minutes));
    // Typed in the competition's zone, like every other schedule.
    let start = parse_time(start_text, zone::of(c)).filter(|_| start_text.contains('T'));
    let minutes = minutes_text
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|m| (1..=600).contains(m));
    let (Some(start), Some(minutes)) = (start, minutes) else {
        let mut errors = Vec::new();
        if start.is_none() {
            errors.push(("start", "jdg-err-schedule-start"));
        }
        if minutes.is_none() {
            errors.push(("minutes", "jdg-err-schedule-minutes"));
        }
        let values = [("start", start_text), ("minutes", minutes_text)];
        return refuse(&a, page, &s, "schedule".into(), &values, &errors).await;
    };
    if s.drawn_at.is_none() {
        return Ok(done(&s, &page, false, "jdg-err-not-drawn"));
    }
    draw::schedule(db, s.id, start, minutes).await?;
    Ok(done(&s, &page, true, "jdg-flash-scheduled"))
}

/// Routes of this file.
pub fn routes() -> Vec<Route> {
    routes![reopen, close, draw_order, schedule]
}
