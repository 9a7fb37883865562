//! Sending a draft to the committee (before the deadline, with every rule checked and every
//! missing item listed) and withdrawing a nomination before judging starts.

use rocket::http::Status as HttpStatus;
use rocket::{Route, post, routes};

use super::edit::render;
use super::view::Forms;
use super::{now, village_path};
use crate::app::nomination as nominations;
use crate::auth::{csrf, csrf::CsrfForm};
use crate::error::AppError;
use crate::routes::reply::FormReply;
use crate::routes::scope::OwnNomination;
use crate::views::Page;

#[post("/village/nominations/<_>/submit", data = "<_form>")]
async fn submit(
    page: Page,
    own: OwnNomination<'_>,
    _form: CsrfForm<'_, csrf::Only<'_>>,
) -> Result<FormReply, AppError> {
    let OwnNomination {
        who,
        db,
        n,
        c,
        config,
    } = own;
    match nominations::submit(db, n.clone(), &c, who.0.id, now()).await? {
        Ok(saved) => Ok(FormReply::done(
            village_path(saved.id),
            page.t("nom-flash-submitted"),
        )),
        Err(problems) => {
            let forms = Forms {
                problems: problems.iter().map(|p| p.message(page.lang)).collect(),
                ..Forms::default()
            };
            let status = HttpStatus::UnprocessableEntity;
            Ok(render(db, config, page, (&n, &c), forms, status)
                .await?
                .into())
        }
    }
}

#[post("/village/nominations/<_>/withdraw", data = "<_form>")]
async fn withdraw(
    page: Page,
    own: OwnNomination<'_>,
    _form: CsrfForm<'_, csrf::Only<'_>>,
) -> Result<FormReply, AppError> {
    let OwnNomination {
        who,
        db,
        n,
        c,
        config,
    } = own;
    crate::integrity::ensure_open(&c, page.lang)?;
    match nominations::withdraw(db, n.clone(), &c, who.0.id, now()).await? {
        Some(saved) => Ok(FormReply::done(
            village_path(saved.id),
            page.t("nom-flash-withdrawn"),
        )),
        None => {
            let forms = Forms {
                problems: vec![page.t("nom-err-withdraw-late")],
                ..Forms::default()
            };
            let status = HttpStatus::Conflict;
            Ok(render(db, config, page, (&n, &c), forms, status)
                .await?
                .into())
        }
    }
}

/// Routes of this file.
pub fn routes() -> Vec<Route> {
    routes![submit, withdraw]
}
