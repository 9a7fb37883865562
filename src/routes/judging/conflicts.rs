//! Declaring conflicts of interest: a judge for themselves (`/judge/conflicts`), or the
//! committee for any judge (`/admin/conflicts`). A region code must exist in the registry.

use rocket::form::FromForm;
use rocket::response::{Flash, Redirect};
use rocket::{Route, State, get, post, routes};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;
use serde::Serialize;
use uuid::Uuid;

use crate::auth::{AdminUser, JudgeUser, csrf::CsrfForm};
use crate::db::judging::{conflicts, panels};
use crate::db::{is_unique_violation, regions};
use crate::error::AppError;
use crate::views::Page;

#[derive(Serialize)]
struct Row {
    id: Uuid,
    judge_id: Uuid,
    judge: String,
    region_code: String,
    region_name: String,
    reason: String,
}

#[derive(Serialize)]
struct ConflictPage {
    page: Page,
    admin: bool,
    rows: Vec<Row>,
    judges: Vec<(Uuid, String)>,
    home_region: Option<String>,
}

async fn rows(
    db: &DatabaseConnection,
    list: Vec<entity::judge_conflict::Model>,
    judges: &[entity::user::Model],
) -> Result<Vec<Row>, AppError> {
    let mut out = Vec::with_capacity(list.len());
    for c in list {
        out.push(Row {
            id: c.id,
            judge_id: c.judge_id,
            judge: judges
                .iter()
                .find(|j| j.id == c.judge_id)
                .map(|j| j.display_name.clone())
                .unwrap_or_default(),
            region_name: regions::find(db, &c.region_code)
                .await?
                .map(|r| r.name)
                .unwrap_or_default(),
            region_code: c.region_code,
            reason: c.reason,
        });
    }
    Ok(out)
}

#[get("/judge/conflicts")]
async fn judge_index(
    page: Page,
    who: JudgeUser,
    db: &State<DatabaseConnection>,
) -> Result<Template, AppError> {
    let db = db.inner();
    let list = conflicts::list_for_judge(db, who.0.id.into_uuid()).await?;
    let view = ConflictPage {
        rows: rows(db, list, &[]).await?,
        page,
        admin: false,
        judges: Vec::new(),
        home_region: who.0.region_code.clone(),
    };
    Ok(Template::render("judging/conflicts", &view))
}

#[get("/admin/conflicts")]
async fn admin_index(
    page: Page,
    _who: AdminUser,
    db: &State<DatabaseConnection>,
) -> Result<Template, AppError> {
    let db = db.inner();
    let judges = panels::judges(db).await?;
    let list = conflicts::list_all(db).await?;
    let view = ConflictPage {
        rows: rows(db, list, &judges).await?,
        page,
        admin: true,
        judges: judges.into_iter().map(|j| (j.id, j.display_name)).collect(),
        home_region: None,
    };
    Ok(Template::render("judging/conflicts", &view))
}

#[derive(FromForm)]
struct DeclareForm<'r> {
    judge_id: Option<Uuid>,
    region_code: &'r str,
    reason: &'r str,
}

/// Validates and records; returns the flash.
async fn declare(
    db: &DatabaseConnection,
    page: &Page,
    judge_id: Uuid,
    region_code: &str,
    reason: &str,
    actor: Uuid,
    back: &'static str,
) -> Result<Flash<Redirect>, AppError> {
    let code = region_code.trim();
    if regions::find(db, code).await?.is_none() {
        return Ok(Flash::error(Redirect::to(back), page.t("jdg-err-region")));
    }
    match conflicts::declare(db, judge_id, code, reason.trim(), actor).await {
        Ok(_) => Ok(Flash::success(
            Redirect::to(back),
            page.t("jdg-flash-conflict"),
        )),
        Err(e) if is_unique_violation(&e) => Ok(Flash::error(
            Redirect::to(back),
            page.t("jdg-err-conflict-exists"),
        )),
        Err(e) => Err(e.into()),
    }
}

#[post("/judge/conflicts", data = "<form>")]
async fn judge_declare(
    page: Page,
    who: JudgeUser,
    form: CsrfForm<'_, DeclareForm<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<Flash<Redirect>, AppError> {
    let Some(f) = form.0.value.as_ref() else {
        return Ok(Flash::error(
            Redirect::to("/judge/conflicts"),
            page.t("jdg-err-form"),
        ));
    };
    let me = who.0.id.into_uuid();
    declare(
        db,
        &page,
        me,
        f.region_code,
        f.reason,
        me,
        "/judge/conflicts",
    )
    .await
}

#[post("/admin/conflicts", data = "<form>")]
async fn admin_declare(
    page: Page,
    who: AdminUser,
    form: CsrfForm<'_, DeclareForm<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<Flash<Redirect>, AppError> {
    let db = db.inner();
    let judges = panels::judges(db).await?;
    let Some((f, judge)) = form.0.value.as_ref().and_then(|f| {
        f.judge_id
            .filter(|j| judges.iter().any(|x| x.id == *j))
            .map(|j| (f, j))
    }) else {
        return Ok(Flash::error(
            Redirect::to("/admin/conflicts"),
            page.t("jdg-err-form"),
        ));
    };
    let actor = who.0.id.into_uuid();
    declare(
        db,
        &page,
        judge,
        f.region_code,
        f.reason,
        actor,
        "/admin/conflicts",
    )
    .await
}

#[derive(FromForm)]
struct RemoveForm {
    judge_id: Uuid,
    id: Uuid,
}

#[post("/admin/conflicts/remove", data = "<form>")]
async fn admin_remove(
    page: Page,
    _who: AdminUser,
    form: CsrfForm<'_, RemoveForm>,
    db: &State<DatabaseConnection>,
) -> Result<Flash<Redirect>, AppError> {
    let back = Redirect::to("/admin/conflicts");
    let Some(f) = form.0.value.as_ref() else {
        return Ok(Flash::error(back, page.t("jdg-err-form")));
    };
    Ok(if conflicts::remove(db.inner(), f.judge_id, f.id).await? {
        Flash::success(back, page.t("jdg-flash-conflict-removed"))
    } else {
        Flash::error(back, page.t("jdg-err-form"))
    })
}

/// Routes of this file.
pub fn routes() -> Vec<Route> {
    routes![
        judge_index,
        admin_index,
        judge_declare,
        admin_declare,
        admin_remove
    ]
}
