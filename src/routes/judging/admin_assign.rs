//! Committee actions on a stage's panel and assignments: add or remove a judge (optionally
//! for some aspects), assign automatically (seeded) or one by one, remove an untouched sheet.

use rocket::form::FromForm;
use rocket::response::{Flash, Redirect};
use rocket::{Route, State, post, routes};
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use super::admin::{Answer, done, load, refuse};
use crate::auth::{AdminUser, csrf::CsrfForm};
use crate::db::judging::{assign, panels, sheets};
use crate::error::AppError;
use crate::views::Page;

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
    crate::integrity::ensure_open(&c, page.lang)?;
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
    crate::integrity::ensure_open(&c, page.lang)?;
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
pub(super) struct AutoForm<'r> {
    pub(super) seed: Option<&'r str>,
}

#[post("/admin/competitions/<cid>/judging/<sid>/assign/auto", data = "<form>")]
async fn auto(
    page: Page,
    who: AdminUser,
    cid: Uuid,
    sid: Uuid,
    form: CsrfForm<'_, AutoForm<'_>>,
    db: &State<DatabaseConnection>,
) -> Answer {
    let db = db.inner();
    let (c, s) = load(db, &who, cid, sid).await?;
    crate::integrity::ensure_open(&c, page.lang)?;
    let seed = match form.0.value.as_ref().and_then(|f| f.seed).map(str::trim) {
        None | Some("") => rand::random::<u64>(),
        Some(text) => match text.parse::<u64>() {
            Ok(n) => n,
            Err(_) => {
                let (values, errors) = ([("seed", text)], [("seed", "jdg-err-seed")]);
                return refuse(db, page, (&c, &s), "auto".into(), &values, &errors).await;
            }
        },
    };
    Ok(Ok(
        match assign::auto_assign(db, &s, seed, who.0.id.into_uuid()).await? {
            Ok(_) => done(c.id, s.id, &page, true, "jdg-flash-assigned"),
            Err(r) => done(c.id, s.id, &page, false, r.message_key()),
        },
    ))
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
    crate::integrity::ensure_open(&c, page.lang)?;
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
    crate::integrity::ensure_open(&c, page.lang)?;
    Ok(match assign::unassign(db, s.id, sheet).await? {
        Ok(()) => done(c.id, s.id, &page, true, "jdg-flash-unassigned"),
        Err(r) => done(c.id, s.id, &page, false, r.message_key()),
    })
}

/// Routes of this file.
pub fn routes() -> Vec<Route> {
    routes![panel_add, panel_remove, auto, assign_one, unassign]
}
