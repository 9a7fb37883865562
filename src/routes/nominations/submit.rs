//! Sending a draft to the committee (before the deadline, with every rule checked and every
//! missing item listed) and withdrawing a nomination before judging starts.

use rocket::http::Status as HttpStatus;
use rocket::response::{Flash, Redirect};
use rocket::{Route, State, post, routes};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;

use super::edit::{load, render};
use super::view::Forms;
use super::{now, village_path};
use crate::AppConfig;
use crate::auth::{VillageUser, csrf, csrf::CsrfForm};
use crate::db::nominations;
use crate::error::AppError;
use crate::ids::NominationId;
use crate::views::Page;

type Answer = Result<Result<Flash<Redirect>, (HttpStatus, Template)>, AppError>;

#[post("/village/nominations/<id>/submit", data = "<_form>")]
async fn submit(
    page: Page,
    who: VillageUser,
    id: NominationId,
    _form: CsrfForm<'_, csrf::Only<'_>>,
    db: &State<DatabaseConnection>,
    config: &State<AppConfig>,
) -> Answer {
    let (db, config) = (db.inner(), config.inner());
    let (n, c) = load(db, id, &who).await?;
    match nominations::submit(db, n.clone(), &c, who.0.id, now()).await? {
        Ok(saved) => Ok(Ok(Flash::success(
            Redirect::to(village_path(saved.id)),
            page.t("nom-flash-submitted"),
        ))),
        Err(problems) => {
            let forms = Forms {
                problems: problems.iter().map(|p| p.message(page.lang)).collect(),
                ..Forms::default()
            };
            let status = HttpStatus::UnprocessableEntity;
            render(db, config, page, (&n, &c), forms, status)
                .await
                .map(Err)
        }
    }
}

#[post("/village/nominations/<id>/withdraw", data = "<_form>")]
async fn withdraw(
    page: Page,
    who: VillageUser,
    id: NominationId,
    _form: CsrfForm<'_, csrf::Only<'_>>,
    db: &State<DatabaseConnection>,
    config: &State<AppConfig>,
) -> Answer {
    let (db, config) = (db.inner(), config.inner());
    let (n, c) = load(db, id, &who).await?;
    crate::integrity::ensure_open(&c, page.lang)?;
    match nominations::withdraw(db, n.clone(), &c, who.0.id, now()).await? {
        Some(saved) => Ok(Ok(Flash::success(
            Redirect::to(village_path(saved.id)),
            page.t("nom-flash-withdrawn"),
        ))),
        None => {
            let forms = Forms {
                problems: vec![page.t("nom-err-withdraw-late")],
                ..Forms::default()
            };
            let status = HttpStatus::Conflict;
            render(db, config, page, (&n, &c), forms, status)
                .await
                .map(Err)
        }
    }
}

/// Routes of this file.
pub fn routes() -> Vec<Route> {
    routes![submit, withdraw]
}
