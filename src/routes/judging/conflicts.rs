//! Declaring conflicts of interest: a judge for themselves (`/judge/conflicts`), or the
//! committee for any judge (`/admin/conflicts`). A region code must exist in the registry.

use rocket::form::FromForm;
use rocket::response::{Flash, Redirect};
use rocket::{Route, State, get, post, routes, uri};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;
use serde::Serialize;
use uuid::Uuid;

use crate::app::judging::conflicts as rules;
use crate::app::regions as region_input;
use crate::auth::{AdminUser, JudgeUser, csrf::CsrfForm};
use crate::db::judging::{conflicts, panels};
use crate::db::{is_unique_violation, regions};
use crate::error::AppError;
use crate::forms::FormState;
use crate::ids::{ConflictId, UserId};
use crate::routes::reply::FormReply;
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
    /// The declaration form: what was typed and the errors next to its fields.
    form: FormState,
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

/// The judge's own conflicts page.
async fn judge_view(
    db: &DatabaseConnection,
    page: Page,
    who: &JudgeUser,
    form: FormState,
) -> Result<ConflictPage, AppError> {
    let list = conflicts::list_for_judge(db, who.0.id.into_uuid()).await?;
    Ok(ConflictPage {
        rows: rows(db, list, &[]).await?,
        page,
        admin: false,
        judges: Vec::new(),
        home_region: Some(region_input::input_value(db, who.0.region_code.as_deref()).await?)
            .filter(|v| !v.is_empty()),
        form,
    })
}

/// The committee's page of the judges' conflicts inside the admin's region.
async fn admin_view(
    db: &DatabaseConnection,
    page: Page,
    who: &AdminUser,
    form: FormState,
) -> Result<ConflictPage, AppError> {
    let judges = panels::judges(db).await?;
    let list = conflicts::within(who.0.region_code.as_deref(), conflicts::list_all(db).await?);
    Ok(ConflictPage {
        rows: rows(db, list, &judges).await?,
        page,
        admin: true,
        judges: judges.into_iter().map(|j| (j.id, j.display_name)).collect(),
        home_region: None,
        form,
    })
}

#[get("/judge/conflicts")]
async fn judge_index(
    page: Page,
    who: JudgeUser,
    db: &State<DatabaseConnection>,
) -> Result<Template, AppError> {
    let view = judge_view(db.inner(), page, &who, FormState::default()).await?;
    Ok(Template::render("judging/conflicts", &view))
}

#[get("/admin/conflicts")]
async fn admin_index(
    page: Page,
    who: AdminUser,
    db: &State<DatabaseConnection>,
) -> Result<Template, AppError> {
    let view = admin_view(db.inner(), page, &who, FormState::default()).await?;
    Ok(Template::render("judging/conflicts", &view))
}

#[derive(FromForm, Default)]
struct DeclareForm<'r> {
    judge_id: Option<&'r str>,
    region_code: &'r str,
    reason: &'r str,
}

/// A declaration: a redirect with a flash, or the form's state with its errors.
type Answer = Result<Result<FormReply, FormState>, AppError>;

/// Validates and records; a region or competition outside a regional admin's scope is
/// answered like a missing one (404), and nothing is written.
async fn declare(
    db: &DatabaseConnection,
    page: &Page,
    (judge_id, f): (Option<Uuid>, &DeclareForm<'_>),
    (actor, scope): (Uuid, rules::Scope<'_>),
    back: String,
) -> Answer {
    let typed = f.region_code.trim();
    let mut form = FormState::default();
    form.values.insert("region_code".into(), typed.to_owned());
    form.values.insert("reason".into(), f.reason.to_owned());
    form.values
        .insert("judge_id".into(), f.judge_id.unwrap_or("").to_owned());
    if judge_id.is_none() {
        form.add_key("judge_id", page.lang, "err-choice");
    }
    let code = match rules::region_named(db, typed).await? {
        Ok(code) => code,
        Err(key) => {
            form.add_key("region_code", page.lang, key);
            String::new()
        }
    };
    let Some(judge_id) = judge_id.filter(|_| form.is_ok()) else {
        return Ok(Err(form));
    };
    let declared = rules::declare(db, (judge_id, &code), f.reason.trim(), actor, scope).await;
    match declared {
        Ok(Err(rules::Refusal::OutOfScope)) => Err(AppError::NotFound),
        Ok(Ok(d)) if d.withdrawn > 0 => Ok(Ok(FormReply::from(Flash::warning(
            Redirect::to(back),
            crate::i18n::t_args(
                page.lang,
                "jdg-flash-conflict-withdrawn",
                &[("n", d.withdrawn.to_string())],
            ),
        )))),
        Ok(Ok(_)) => Ok(Ok(FormReply::done(back, page.t("jdg-flash-conflict")))),
        Err(e) if is_unique_violation(&e) => {
            form.add_key("region_code", page.lang, "jdg-err-conflict-exists");
            Ok(Err(form))
        }
        Err(e) => Err(e.into()),
    }
}

fn refused(view: &ConflictPage) -> FormReply {
    FormReply::invalid("judging/conflicts", view)
}

#[post("/judge/conflicts", data = "<form>")]
async fn judge_declare(
    page: Page,
    who: JudgeUser,
    form: CsrfForm<'_, DeclareForm<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<FormReply, AppError> {
    let db = db.inner();
    let empty = <DeclareForm<'_> as Default>::default();
    let f = form.0.value.as_ref().unwrap_or(&empty);
    let me = who.0.id.into_uuid();
    let back = uri!(judge_index).to_string();
    match declare(db, &page, (Some(me), f), (me, None), back).await? {
        Ok(done) => Ok(done),
        Err(state) => Ok(refused(&judge_view(db, page, &who, state).await?)),
    }
}

#[post("/admin/conflicts", data = "<form>")]
async fn admin_declare(
    page: Page,
    who: AdminUser,
    form: CsrfForm<'_, DeclareForm<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<FormReply, AppError> {
    let db = db.inner();
    let judges = panels::judges(db).await?;
    let empty = <DeclareForm<'_> as Default>::default();
    let f = form.0.value.as_ref().unwrap_or(&empty);
    let judge = f
        .judge_id
        .and_then(|j| Uuid::parse_str(j).ok())
        .filter(|j| judges.iter().any(|x| x.id == *j));
    let who_scope = (who.0.id.into_uuid(), who.0.region_code.as_deref());
    let back = uri!(admin_index).to_string();
    match declare(db, &page, (judge, f), who_scope, back).await? {
        Ok(done) => Ok(done),
        Err(state) => Ok(refused(&admin_view(db, page, &who, state).await?)),
    }
}

#[derive(FromForm)]
struct RemoveForm {
    judge_id: UserId,
    id: ConflictId,
}

#[post("/admin/conflicts/remove", data = "<form>")]
async fn admin_remove(
    page: Page,
    who: AdminUser,
    form: CsrfForm<'_, RemoveForm>,
    db: &State<DatabaseConnection>,
) -> Result<FormReply, AppError> {
    let back = uri!(admin_index).to_string();
    let Some(f) = form.0.value.as_ref() else {
        return Ok(FormReply::refused(back, page.t("jdg-err-form")));
    };
    let scope = who.0.region_code.as_deref();
    let ids = (f.judge_id.into_uuid(), f.id.into_uuid());
    match rules::remove(db.inner(), ids, who.0.id.into_uuid(), scope).await? {
        Ok(true) => Ok(FormReply::done(back, page.t("jdg-flash-conflict-removed"))),
        Ok(false) => Ok(FormReply::refused(back, page.t("jdg-err-form"))),
        // Outside the admin's region looks the same as missing.
        Err(rules::Refusal::OutOfScope) => Err(AppError::NotFound),
    }
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
