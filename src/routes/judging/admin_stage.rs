//! Committee actions on a stage's sheets and schedule: reopen a submitted sheet with a reason,
//! close the stage (explicitly when sheets are missing), draw the presentation order by lot
//! and set its schedule.

use chrono::{NaiveDateTime, Utc};
use rocket::form::FromForm;
use rocket::response::{Flash, Redirect};
use rocket::{Route, State, post, routes};
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use super::admin::{done, load};
use super::admin_assign::AutoForm;
use crate::auth::{AdminUser, csrf::CsrfForm};
use crate::db::judging::progress::{self, CloseRefusal};
use crate::db::judging::{draw, sheets};
use crate::error::AppError;
use crate::views::Page;

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
    routes![reopen, close, draw_order, schedule]
}
